// insim export's CSV files hold every row of the database, read back exactly by an RFC 4180
// reader: names and errors with commas, quotes and line breaks, numbers to the last bit, an empty
// field where there is no number.
#include "sweep/export_csv.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "csv_rows.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/result_reader.hpp"
#include "sweep_fixture.hpp"

using insim::sweep::export_csv;
using insim::sweep::ResultReader;
using insim::test::csv_rows;
using insim::test::ScratchFolder;

namespace {

std::vector<std::vector<std::string>> read_csv(const std::filesystem::path& file) {
  return csv_rows(insim::test::read_text(file));
}

}  // namespace

TEST_CASE(
    "export: the CSV files hold every point, run, metric and series row, with names and "
    "errors quoted",
    "[sweep][export]") {
  ScratchFolder dir("export-all");
  auto plan = insim::test::make_plan({6, 3, 3, 2});
  plan.parameters[0].name = "rate, \"per week\"";
  plan.metrics[0].name = "killed, \"all\"";
  plan.series_columns[1] = "deaths\ntotal";
  plan.points[2].role = "AB1";
  const auto db = dir / "r.sqlite";
  const std::string error = "value 3 is above 1, at \"share\",\nsecond line";
  std::vector<insim::sweep::RunRecord> done;
  {
    auto store = insim::sweep::ResultStore::create(db, plan);
    for (std::int64_t id = 0; id < store.run_count(); ++id) {
      if (id == 7) continue;  // pending
      if (id == 4) {
        store.record_failure({id, 99, error, {}});
        continue;
      }
      auto run = insim::test::fake_run(plan, id);
      if (id == 9) run.metrics[2] = std::numeric_limits<double>::quiet_NaN();
      if (id == 11) run.series.columns[0][3] = std::numeric_limits<double>::quiet_NaN();
      store.record(run);
      done.push_back(std::move(run));
    }
  }
  const auto out = dir / "csv";  // created by the export
  const auto summary = export_csv(ResultReader(db), out);
  CHECK(summary.files.size() == 4);
  CHECK(summary.points == 6);
  CHECK(summary.runs == 17);
  CHECK(summary.metric_rows == 16);
  CHECK(summary.series_rows == 16 * 2 * 5);

  const auto points = read_csv(out / "points.csv");
  REQUIRE(points.size() == 7);
  CHECK(points[0] ==
        std::vector<std::string>{"point_id", "role", "rate, \"per week\"", "sahel.france.policy"});
  for (std::size_t p = 0; p < 6; ++p) {
    REQUIRE(points[p + 1].size() == 4);
    CHECK(points[p + 1][0] == std::to_string(p));
    CHECK(points[p + 1][1] == plan.points[p].role);
    CHECK(std::stod(points[p + 1][2]) == *plan.points[p].values[0].number);
    CHECK(points[p + 1][3] == plan.points[p].values[1].text);
  }

  const auto runs = read_csv(out / "runs.csv");
  REQUIRE(runs.size() == 18);
  CHECK(runs[0] == std::vector<std::string>{"run_id", "point_id", "replicate", "seed", "status",
                                            "error", "wall_seconds"});
  CHECK(runs[5] == std::vector<std::string>{"4", "1", "1", "99", "failed", error, "0"});
  CHECK(runs[8][0] == "8");  // run 7 is pending: no row
  CHECK(runs[8][4] == "done");
  CHECK(runs[8][5].empty());
  CHECK(std::stoll(runs[8][3]) == done[6].seed);
  CHECK(std::stod(runs[8][6]) == done[6].timing.wall_seconds);

  const auto metrics = read_csv(out / "metrics.csv");
  REQUIRE(metrics.size() == 17);
  CHECK(metrics[0] == std::vector<std::string>{"run_id", "point_id", "replicate", "killed, \"all\"",
                                               "metric_1", "metric_2"});
  for (std::size_t k = 0; k < done.size(); ++k) {
    const auto& row = metrics[k + 1];
    REQUIRE(row.size() == 6);
    CHECK(std::stoll(row[0]) == done[k].run_id);
    CHECK(std::stoll(row[1]) == done[k].run_id / 3);
    CHECK(std::stoll(row[2]) == done[k].run_id % 3);
    for (std::size_t m = 0; m < 3; ++m) {
      if (std::isnan(done[k].metrics[m])) {
        CHECK(row[3 + m].empty());
      } else {
        CHECK(std::stod(row[3 + m]) == done[k].metrics[m]);  // shortest text, same double
      }
    }
  }

  const auto series = read_csv(out / "series.csv");
  REQUIRE(series.size() == 1 + 160);
  CHECK(series[0] == std::vector<std::string>{"run_id", "step", "date", "column", "value"});
  std::size_t line = 1;
  for (const auto& run : done) {  // run by run, column by column in the plan's order, step by step
    for (std::size_t c = 0; c < 2; ++c) {
      for (std::size_t k = 0; k < 5; ++k, ++line) {
        const auto& row = series[line];
        REQUIRE(row.size() == 5);
        CHECK(std::stoll(row[0]) == run.run_id);
        CHECK(std::stoll(row[1]) == run.series.steps[k]);
        CHECK(row[2] == run.series.dates[k]);
        CHECK(row[3] == plan.series_columns[c]);
        const double v = run.series.columns[c][k];
        if (std::isnan(v)) {
          CHECK(row[4].empty());
        } else {
          CHECK(std::stod(row[4]) == v);
        }
      }
    }
  }
  // No file left behind but the four.
  CHECK(insim::test::entries(out) ==
        std::vector<std::string>{"metrics.csv", "points.csv", "runs.csv", "series.csv"});
}

TEST_CASE("export: a sweep that keeps no series writes no series.csv", "[sweep][export]") {
  ScratchFolder dir("export-no-series");
  const auto plan = insim::test::make_plan({2, 1, 1, 0});
  const auto db = dir / "r.sqlite";
  {
    auto store = insim::sweep::ResultStore::create(db, plan);
    store.record(insim::test::fake_run(plan, 0));
  }
  const auto summary = export_csv(ResultReader(db), dir / "csv");
  CHECK(summary.files.size() == 3);
  CHECK(insim::test::entries(dir / "csv") ==
        std::vector<std::string>{"metrics.csv", "points.csv", "runs.csv"});
  CHECK(read_csv(dir / "csv" / "metrics.csv").size() == 2);
  CHECK(read_csv(dir / "csv" / "runs.csv").size() == 2);
}
