#include "output/regions_csv.hpp"

#include <catch2/catch.hpp>
#include <vector>

#include "output/csv_test_reader.hpp"
#include "support/scratch_folder.hpp"

using insim::Date;
using insim::output::AtomicFile;
using insim::output::OutputError;
using insim::output::RegionsCsv;
using insim::test::read_text;
using insim::test::ScratchFolder;

namespace {
const std::vector<std::string> kRegions{"Ségou", "Tombouctou, \"Timbuktu\""};
const std::vector<std::string> kVariables{"displaced", "deaths"};
}  // namespace

TEST_CASE("regions csv: one line per region and variable, dated, names quoted when needed",
          "[output]") {
  ScratchFolder dir("regions-dated");
  {
    AtomicFile file(dir / "regions.csv");
    RegionsCsv csv(file, kRegions, kVariables, true);
    csv.write_step(0, Date{2012, 1, 1}, std::vector<double>{10, 0, 2.5, 1});
    csv.write_step(4, Date{2012, 1, 29}, std::vector<double>{12, 3, 0.125, -0.0});
    CHECK(csv.rows_written() == 8);
    file.commit();
  }
  CHECK(read_text(dir / "regions.csv") ==
        "step,date,region,variable,value\n"
        "0,2012-01-01,Ségou,displaced,10\n"
        "0,2012-01-01,Ségou,deaths,0\n"
        "0,2012-01-01,\"Tombouctou, \"\"Timbuktu\"\"\",displaced,2.5\n"
        "0,2012-01-01,\"Tombouctou, \"\"Timbuktu\"\"\",deaths,1\n"
        "4,2012-01-29,Ségou,displaced,12\n"
        "4,2012-01-29,Ségou,deaths,3\n"
        "4,2012-01-29,\"Tombouctou, \"\"Timbuktu\"\"\",displaced,0.125\n"
        "4,2012-01-29,\"Tombouctou, \"\"Timbuktu\"\"\",deaths,0\n");
  const auto rows = insim::test::parse_csv(read_text(dir / "regions.csv"));
  REQUIRE(rows.size() == 9);
  CHECK(rows[3][2] == kRegions[1]);  // reads back as the model named it
}

TEST_CASE("regions csv: without a calendar there is no date column", "[output]") {
  ScratchFolder dir("regions-undated");
  {
    AtomicFile file(dir / "regions.csv");
    RegionsCsv csv(file, std::vector<std::string>{"Mopti"}, std::vector<std::string>{"x"}, false);
    csv.write_step(7, std::nullopt, std::vector<double>{1.0 / 3.0});
    file.commit();
  }
  CHECK(read_text(dir / "regions.csv") ==
        "step,region,variable,value\n"
        "7,Mopti,x,0.3333333333333333\n");
}

TEST_CASE("regions csv: a step with the wrong number of values or a missing date is refused",
          "[output]") {
  ScratchFolder dir("regions-refused");
  AtomicFile file(dir / "regions.csv");
  RegionsCsv csv(file, kRegions, kVariables, true);
  CHECK(csv.values_per_step() == 4);
  CHECK_THROWS_AS(csv.write_step(0, Date{2012, 1, 1}, std::vector<double>{1, 2, 3}), OutputError);
  CHECK_THROWS_AS(csv.write_step(0, std::nullopt, std::vector<double>{1, 2, 3, 4}), OutputError);
  CHECK(csv.rows_written() == 0);

  AtomicFile undated_file(dir / "undated.csv");
  RegionsCsv undated(undated_file, kRegions, kVariables, false);
  CHECK_THROWS_AS(undated.write_step(0, Date{2012, 1, 1}, std::vector<double>{1, 2, 3, 4}),
                  OutputError);
}

TEST_CASE("regions csv: no regions, no variables or a name given twice is refused", "[output]") {
  ScratchFolder dir("regions-names");
  AtomicFile file(dir / "regions.csv");
  const std::vector<std::string> none;
  const std::vector<std::string> twice{"Mopti", "Gao", "Mopti"};
  CHECK_THROWS_AS(RegionsCsv(file, none, kVariables, false), OutputError);
  CHECK_THROWS_AS(RegionsCsv(file, kRegions, none, false), OutputError);
  CHECK_THROWS_WITH(RegionsCsv(file, twice, kVariables, false),
                    Catch::Contains("region 'Mopti' is listed twice"));
  CHECK_THROWS_AS(RegionsCsv(file, kRegions, std::vector<std::string>{"a", "a"}, false),
                  OutputError);
}
