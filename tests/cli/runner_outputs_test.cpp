// The runner's outputs for a model with a calendar, places and end-of-run tables
// (dated_regions_model.hpp), and that a model without them (Epstein) writes what it always did.
#include <signal.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/dated_regions_model.hpp"
#include "output/csv_test_reader.hpp"
#include "output/number_format.hpp"
#include "run/runner.hpp"
#include "run/simulation_factory.hpp"
#include "run/stop_request.hpp"
#include "support/scratch_folder.hpp"

using insim::FinalTable;
using insim::run_scenario;
using insim::test::dated_regions_options;
using insim::test::dated_regions_scenario;
using insim::test::DatedRegionsModel;
using insim::test::entries;
using insim::test::parse_csv;
using insim::test::read_text;
using insim::test::ScratchFolder;

namespace {
// Steps 0, 4, 8, 10 of weeks from Sunday 2012-01-01 (2012 is a leap year: 10 weeks cross 29 Feb).
const std::vector<std::string> kSteps{"0", "4", "8", "10"};
const std::vector<std::string> kDates{"2012-01-01", "2012-01-29", "2012-02-26", "2012-03-11"};

const std::vector<std::string> kAllFiles{"events.csv",   "manifest.json",  "regions.csv",
                                         "summary.json", "timeseries.csv", "yearly.csv"};

struct ClearStopRequest {
  ClearStopRequest() { insim::clear_stop_request(); }
  ~ClearStopRequest() { insim::clear_stop_request(); }
};

// A run whose final tables are `tables` must fail with std::logic_error and leave nothing.
void check_refused(std::vector<FinalTable> tables, const std::string& expected) {
  ScratchFolder dir("runner-bad-table");
  CHECK_THROWS_WITH(
      run_scenario(dated_regions_scenario(), dated_regions_options(dir / "out", std::move(tables))),
      Catch::Contains(expected));
  CHECK(entries(dir.path()).empty());
}
}  // namespace

TEST_CASE("runner: with a calendar, timeseries.csv has the date of each step after step", "[run]") {
  ScratchFolder dir("runner-dated");
  run_scenario(dated_regions_scenario(), dated_regions_options(dir.path()));
  const auto rows = parse_csv(read_text(dir / "timeseries.csv"));
  REQUIRE(rows.size() == 5);
  CHECK(rows[0] == std::vector<std::string>{"step", "date", "half_step"});
  for (std::size_t i = 0; i < kSteps.size(); ++i) {
    CHECK(rows[i + 1][0] == kSteps[i]);
    CHECK(rows[i + 1][1] == kDates[i]);
  }
  CHECK(rows[4][2] == "5");
}

TEST_CASE("runner: regions.csv has a row per recorded step, place and variable, as observed",
          "[run]") {
  ScratchFolder dir("runner-regions");
  const auto r = run_scenario(dated_regions_scenario(), dated_regions_options(dir.path()));
  CHECK(r.regions == dir / "regions.csv");
  const auto rows = parse_csv(read_text(dir / "regions.csv"));
  const auto& places = DatedRegionsModel::kPlaces;
  const auto& variables = DatedRegionsModel::kPlaceColumns;
  REQUIRE(rows.size() == 1 + kSteps.size() * places.size() * variables.size());  // 1 + 24
  CHECK(rows[0] == std::vector<std::string>{"step", "date", "region", "variable", "value"});
  std::size_t line = 1;
  for (std::size_t s = 0; s < kSteps.size(); ++s) {
    for (std::size_t p = 0; p < places.size(); ++p) {
      for (std::size_t v = 0; v < variables.size(); ++v, ++line) {
        INFO("line " << line);
        const auto& row = rows[line];
        REQUIRE(row.size() == 5);
        CHECK(row[0] == kSteps[s]);
        CHECK(row[1] == kDates[s]);
        CHECK(row[2] == places[p]);  // "Ségou" and the quoted "Tombouctou, ..." read back
        CHECK(row[3] == variables[v]);
        CHECK(std::stod(row[4]) == DatedRegionsModel::place_value(std::stoll(kSteps[s]), p, v));
      }
    }
  }
  // Numbers follow the timeseries' spelling: integers without ".0".
  CHECK(rows[1][4] == "0");
  CHECK(rows[2][4] == "0.25");
}

TEST_CASE("runner: final tables are written as CSV, listed in the result and the manifest",
          "[run]") {
  ScratchFolder dir("runner-tables");
  const auto r = run_scenario(dated_regions_scenario(), dated_regions_options(dir.path()));
  CHECK(entries(dir.path()) == kAllFiles);
  CHECK(r.tables == std::vector<std::filesystem::path>{dir / "events.csv", dir / "yearly.csv"});
  CHECK(read_text(dir / "events.csv") ==
        "date,kind,region\n"
        "2012-01-17,attack,Ménaka\n"
        "2012-03-22,\"coup, mutiny\",\"Kati \"\"camp\"\"\nSoundiata\"\n");
  CHECK(read_text(dir / "yearly.csv") == "year,deaths\n2012,31\n");

  const auto manifest = nlohmann::json::parse(read_text(dir / "manifest.json"));
  const std::vector<std::string> in_order{"timeseries.csv", "regions.csv",  "events.csv",
                                          "yearly.csv",     "summary.json", "manifest.json"};
  CHECK(manifest["outputs"] == in_order);
  std::vector<std::string> names;
  for (const auto& p : r.files()) names.push_back(p.filename().string());
  CHECK(names == in_order);
}

TEST_CASE("runner: a final table with rows wider or narrower than its header fails the run",
          "[run]") {
  auto tables = DatedRegionsModel::default_tables();
  tables[0].rows[1].pop_back();
  check_refused(tables, "'events.csv' row 2 has 2 cells for 3 columns");
  tables = DatedRegionsModel::default_tables();
  tables[1].rows[0].push_back("extra");
  check_refused(tables, "'yearly.csv' row 1 has 3 cells for 2 columns");
}

TEST_CASE("runner: a final table named like another output or with a path fails the run", "[run]") {
  for (const std::string name : {"timeseries.csv", "summary.json", "manifest.json", "regions.csv",
                                 "yearly.csv", "sub/events.csv", "../events.csv"}) {
    INFO(name);
    auto tables = DatedRegionsModel::default_tables();
    tables[0].file = name;
    check_refused(tables, "'" + name + "'");
  }
}

TEST_CASE("runner: a model failing at the end, or a stop request, leaves none of the files",
          "[run]") {
  ClearStopRequest clear;
  ScratchFolder dir("runner-dated-failures");
  CHECK_THROWS_WITH(
      run_scenario(dated_regions_scenario(),
                   dated_regions_options(dir / "out", DatedRegionsModel::default_tables(), true)),
      "model failed while building its tables");
  CHECK(entries(dir.path()).empty());

  auto stopping = dated_regions_options(dir / "out");
  stopping.progress = [](std::int64_t done, std::int64_t) {
    if (done == 6) insim::request_stop(SIGTERM);
  };
  CHECK_THROWS_AS(run_scenario(dated_regions_scenario(), stopping), insim::RunStopped);
  CHECK(entries(dir.path()).empty());

  insim::clear_stop_request();
  auto stopping_last = dated_regions_options(dir / "out");
  stopping_last.progress = [](std::int64_t done, std::int64_t steps) {
    if (done == steps) insim::request_stop(SIGINT);  // after the tables are written
  };
  CHECK_THROWS_AS(run_scenario(dated_regions_scenario(), stopping_last), insim::RunStopped);
  CHECK(entries(dir.path()).empty());
}

TEST_CASE("runner: a failed rerun leaves the previous regions.csv and tables as they were",
          "[run]") {
  ScratchFolder dir("runner-dated-rerun");
  run_scenario(dated_regions_scenario(), dated_regions_options(dir.path()));
  std::vector<std::string> before;
  for (const auto& name : kAllFiles) before.push_back(read_text(dir / name));

  auto tables = DatedRegionsModel::default_tables();
  tables[1].rows[0].clear();
  CHECK_THROWS_AS(run_scenario(dated_regions_scenario(), dated_regions_options(dir.path(), tables)),
                  std::logic_error);
  CHECK(entries(dir.path()) == kAllFiles);  // nothing added, no temporary file left
  for (std::size_t i = 0; i < kAllFiles.size(); ++i) {
    INFO(kAllFiles[i]);
    CHECK(read_text(dir / kAllFiles[i]) == before[i]);
  }
}

TEST_CASE("runner: a model without calendar or places (Epstein) writes its timeseries as before",
          "[run]") {
  insim::LoadedScenario s;
  s.def.name = "tiny";
  s.def.run.steps = 12;
  s.def.run.record_every = 5;
  s.def.epstein.width = 16;
  s.def.epstein.height = 16;
  ScratchFolder dir("runner-epstein-unchanged");
  insim::RunOptions o;
  o.threads = 1;
  o.out_dir = dir.path();
  const auto r = run_scenario(s, o);
  CHECK(r.regions.empty());
  CHECK(r.tables.empty());
  CHECK(entries(dir.path()) ==
        std::vector<std::string>{"manifest.json", "summary.json", "timeseries.csv"});
  const auto manifest = nlohmann::json::parse(read_text(dir / "manifest.json"));
  CHECK(manifest["outputs"] ==
        std::vector<std::string>{"timeseries.csv", "summary.json", "manifest.json"});

  // The expected bytes, spelled out from the model itself: the column names joined by commas
  // (no date), then steps 0, 5, 10 and 12 with every value in number_format's spelling.
  auto sim = insim::make_simulation(s.def, 1);
  std::string expected;
  for (const auto& c : sim->columns()) {
    if (!expected.empty()) expected += ',';
    expected += c;
  }
  expected += '\n';
  std::vector<double> row(sim->columns().size());
  for (std::int64_t step = 0; step <= 12; ++step) {
    if (step > 0) sim->step();
    if (step % 5 != 0 && step != 12) continue;
    sim->observe(row);
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) expected += ',';
      expected += insim::output::format_number(row[i]);
    }
    expected += '\n';
  }
  CHECK(read_text(dir / "timeseries.csv") == expected);
}
