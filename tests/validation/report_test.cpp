// Summing a check up over runs, and the report in text, CSV and JSON.
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "output/csv_test_reader.hpp"
#include "validation/report_format.hpp"
#include "validation/sahel_validation.hpp"

using namespace insim::validation;

namespace {
Check check(const std::string& id, Band band) {
  return {id, "F06", "FACTS.md F06", "what " + id, band, {}};
}

ValidationReport report() {
  ValidationReport r;
  r.scenario = "test scenario";
  r.seeds = {4, 5, 6};
  r.groups = {kPatternsGroup, "Calibration targets 2012-2019"};
  r.rows.push_back(summarise(check("P1a", {0.33, 0.75}), kPatternsGroup, {0.4, 0.5, 0.6}));
  r.rows.push_back(summarise(check("P5", {2.0, kInf}), kPatternsGroup, {1.0, INFINITY, NAN}));
  r.rows.push_back(summarise(check("deaths-2012", {179.5, 718.0}), "Calibration targets 2012-2019",
                             {100.0, 200.0, 300.0}));
  return r;
}
}  // namespace

TEST_CASE("validation summary: mean and 90% interval over runs, pass when the mean is in band",
          "[validation]") {
  const CheckRow in = summarise(check("x", {0.33, 0.75}), "g", {0.2, 0.5, 0.8});
  CHECK(in.mean == Approx(0.5));
  CHECK(in.p5 == Approx(0.23));
  CHECK(in.p95 == Approx(0.77));
  CHECK(in.missing == 0);
  CHECK(in.pass);  // single runs outside the band do not matter, the mean does
  const CheckRow out = summarise(check("x", {0.33, 0.75}), "g", {0.1, 0.2, 0.3});
  CHECK_FALSE(out.pass);
}

TEST_CASE("validation summary: a run that cannot tell fails the check and is counted",
          "[validation]") {
  const CheckRow r = summarise(check("x", {0.0, 1.0}), "g", {0.5, NAN, 0.5});
  CHECK(r.missing == 1);
  CHECK(r.mean == 0.5);
  CHECK_FALSE(r.pass);
  CHECK(r.note == "n/a in 1 of 3 runs");
  const CheckRow why = summarise(check("x", {0.0, 1.0}), "g", {NAN}, "no recorded series 'y'");
  CHECK(why.note == "no recorded series 'y'");
  CHECK(std::isnan(why.mean));
  CHECK_FALSE(why.pass);
}

TEST_CASE("validation report: the table lists each group, each check and the pass count",
          "[validation]") {
  const std::string t = format_table(report());
  CHECK_THAT(t, Catch::StartsWith("test scenario: 3 runs, seeds 4-6\n"));
  CHECK_THAT(t, Catch::Contains("\nPatterns (MODEL.md)\n"));
  CHECK_THAT(t, Catch::Contains("\nCalibration targets 2012-2019\n"));
  CHECK_THAT(t, Catch::EndsWith("\n2 of 3 checks pass\n"));
  // Columns line up: every row's band starts in the same column as the header's.
  std::size_t band_column = std::string::npos;
  std::istringstream in(t);
  int rows = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("  id ", 0) == 0) band_column = line.find("band");
    if (line.rfind("  P1a ", 0) == 0) {
      CHECK(line.find("[0.33, 0.75]") == band_column);
      CHECK_THAT(line, Catch::Contains("0.5  "));
      CHECK_THAT(line, Catch::Contains("[0.41, 0.59]"));
      CHECK_THAT(line, Catch::EndsWith("pass"));
      ++rows;
    }
    if (line.rfind("  P5 ", 0) == 0) {
      CHECK(line.find("[2, inf)") == band_column);
      CHECK_THAT(line, Catch::EndsWith("FAIL (n/a in 1 of 3 runs)"));
      ++rows;
    }
    if (line.rfind("  deaths-2012 ", 0) == 0) {
      CHECK_THAT(line, Catch::EndsWith("pass"));
      ++rows;
    }
  }
  CHECK(rows == 3);
}

TEST_CASE("validation report: display width counts accented letters once", "[validation]") {
  CHECK(display_width("Ségou") == 5);
  CHECK(display_width("Mopti") == 5);
}

TEST_CASE("validation report: CSV has one row per check, infinities spelled out", "[validation]") {
  const auto rows = insim::test::parse_csv(to_csv(report()));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] == std::vector<std::string>{"group", "id", "source", "what", "band", "low", "high",
                                            "mean", "p5", "p95", "runs", "missing", "pass", "note",
                                            "reference"});
  CHECK(rows[1][1] == "P1a");
  CHECK(rows[1][5] == "0.33");
  CHECK(rows[1][7] == "0.5");
  CHECK(rows[1][12] == "true");
  CHECK(rows[2][6] == "inf");
  CHECK(rows[2][7] == "inf");
  CHECK(rows[2][11] == "1");
  CHECK(rows[2][12] == "false");
  CHECK(rows[3][0] == "Calibration targets 2012-2019");
}

TEST_CASE("validation report: JSON holds each run's values, unknown and infinite as null",
          "[validation]") {
  const auto j = nlohmann::json::parse(to_json(report()));
  CHECK(j["seeds"] == nlohmann::json::array({4, 5, 6}));
  CHECK(j["passed"] == 2);
  CHECK(j["checks"] == 3);
  REQUIRE(j["groups"].size() == 2);
  const auto& p1 = j["groups"][0]["checks"][0];
  CHECK(p1["id"] == "P1a");
  CHECK(p1["values"] == nlohmann::json::array({0.4, 0.5, 0.6}));
  CHECK(p1["band"]["low"] == 0.33);
  CHECK(p1["pass"] == true);
  const auto& p5 = j["groups"][0]["checks"][1];
  CHECK(p5["values"][1].is_null());
  CHECK(p5["values"][2].is_null());
  CHECK(p5["band"]["high"].is_null());
  CHECK(p5["band"]["high_open"] == true);
  CHECK(p5["missing"] == 1);
  CHECK(j["groups"][1]["checks"][0]["id"] == "deaths-2012");
}
