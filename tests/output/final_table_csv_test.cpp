#include "output/final_table_csv.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "output/csv_test_reader.hpp"
#include "support/scratch_folder.hpp"

using insim::FinalTable;
using insim::output::AtomicFile;
using insim::output::check_final_tables;
using insim::output::write_final_table;

namespace {
constexpr std::array<std::string_view, 2> kReserved{"timeseries.csv", "regions.csv"};

FinalTable events() {
  return {"events.csv",
          {"date", "kind", "where"},
          {{"2012-01-17", "attack", "Ménaka"},
           {"2012-03-22", "coup, mutiny", "Kati \"camp\"\nSoundiata"}}};
}

std::vector<FinalTable> with(FinalTable t) { return {events(), std::move(t)}; }
}  // namespace

TEST_CASE("final table: header and rows, cells quoted for CSV where needed", "[output]") {
  insim::test::ScratchFolder dir("final-table");
  {
    AtomicFile file(dir / "events.csv");
    write_final_table(file, events());
    file.commit();
  }
  const std::string text = insim::test::read_text(dir / "events.csv");
  CHECK(text ==
        "date,kind,where\n"
        "2012-01-17,attack,Ménaka\n"
        "2012-03-22,\"coup, mutiny\",\"Kati \"\"camp\"\"\nSoundiata\"\n");
  const auto rows = insim::test::parse_csv(text);
  REQUIRE(rows.size() == 3);
  CHECK(rows[2] == events().rows[1]);
}

TEST_CASE("final table: a row narrower or wider than the header is refused", "[output]") {
  FinalTable narrow = events();
  narrow.file = "narrow.csv";
  narrow.rows.push_back({"2013-01-11", "Serval"});
  CHECK_THROWS_WITH(check_final_tables(with(narrow), kReserved),
                    Catch::Contains("'narrow.csv' row 3 has 2 cells for 3 columns"));
  FinalTable wide = events();
  wide.file = "wide.csv";
  wide.rows[0].push_back("extra");
  CHECK_THROWS_AS(check_final_tables(with(wide), kReserved), std::logic_error);
  FinalTable no_columns{"empty.csv", {}, {}};
  CHECK_THROWS_AS(check_final_tables(with(no_columns), kReserved), std::logic_error);

  insim::test::ScratchFolder dir("final-table-narrow");
  AtomicFile file(dir / "narrow.csv");
  CHECK_THROWS_AS(write_final_table(file, narrow), std::logic_error);
}

TEST_CASE("final table: a file name that is not a plain new name is refused", "[output]") {
  CHECK_NOTHROW(check_final_tables(with({"yearly.csv", {"year"}, {{"2012"}}}), kReserved));
  for (const std::string& name : std::vector<std::string>{
           "timeseries.csv", "regions.csv", "events.csv", "sub/x.csv", "..\\x.csv", "../x.csv", "",
           ".hidden.csv", "..", std::string("a\0b", 3)}) {
    INFO("file name '" << name << "'");
    CHECK_THROWS_AS(check_final_tables(with({name, {"year"}, {{"2012"}}}), kReserved),
                    std::logic_error);
  }
  CHECK_THROWS_WITH(check_final_tables(with({"regions.csv", {"year"}, {}}), kReserved),
                    Catch::Contains("one of the run's own output files"));
  CHECK_THROWS_WITH(check_final_tables(with({"a/b.csv", {"year"}, {}}), kReserved),
                    Catch::Contains("path separator"));
}
