#include "output/csv_field.hpp"

#include <catch2/catch.hpp>

#include "output/csv_test_reader.hpp"

using insim::output::csv_field;
using insim::test::parse_csv;

TEST_CASE("csv field: plain text and UTF-8 are written as they are", "[output]") {
  CHECK(csv_field("Mopti") == "Mopti");
  CHECK(csv_field("Ségou") == "Ségou");
  CHECK(csv_field("Ménaka région 5") == "Ménaka région 5");
  CHECK(csv_field("") == "");
}

TEST_CASE("csv field: commas, quotes and line breaks are quoted, inner quotes doubled",
          "[output]") {
  CHECK(csv_field("Tombouctou, Timbuktu") == "\"Tombouctou, Timbuktu\"");
  CHECK(csv_field("say \"no\"") == "\"say \"\"no\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  CHECK(csv_field("cr\rhere") == "\"cr\rhere\"");
  CHECK(csv_field("\"") == "\"\"\"\"");
}

TEST_CASE("csv field: what is written reads back as the same text", "[output]") {
  const std::vector<std::string> texts{"Ségou",  "a,b", "\"quoted\"", "line\nbreak",
                                       ",\",\n", "",    " spaced ",   "Kidal \"Adrar, des\""};
  std::string line;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) line += ',';
    line += csv_field(texts[i]);
  }
  line += '\n';
  const auto rows = parse_csv(line);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0] == texts);
}
