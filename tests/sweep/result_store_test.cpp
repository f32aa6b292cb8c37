#include "sweep/result_store.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "core/error.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/sweep_fixture.hpp"

namespace insim {
namespace {

using sweep::ResultStore;

std::vector<std::int64_t> ids(const std::vector<sweep::PlannedRun>& runs) {
  std::vector<std::int64_t> out;
  for (const auto& r : runs) out.push_back(r.run_id);
  return out;
}

TEST_CASE("sweep store: a new database holds the plan and lists every run as pending", "[sweep]") {
  test::ScratchFolder dir("sweep-store");
  const auto plan = test::make_plan({});
  const auto file = dir / "out" / "results.sqlite";
  {
    auto store = ResultStore::create(file, plan);
    CHECK(store.run_count() == 18);
    const auto pending = store.pending_runs();
    REQUIRE(pending.size() == 18);
    CHECK(pending[7] == sweep::PlannedRun{7, 2, 1});  // run_id = point_id * 3 + replicate
    CHECK(store.counts().pending == 18);
  }
  CHECK(test::entries(dir / "out") == std::vector<std::string>{"results.sqlite"});
  auto reopened = ResultStore::open_for_resume(file, test::identity(plan));
  const auto& back = reopened.plan();
  CHECK(back.header.spec_text == plan.header.spec_text);
  CHECK(back.header.replicates == 3);
  CHECK(back.header.seed == plan.header.seed);
  CHECK_FALSE(back.header.git_commit.empty());
  CHECK(back.header.created_utc.size() == 20);  // 2025-01-31T12:00:00Z
  REQUIRE(back.points.size() == plan.points.size());
  CHECK(back.points[3].values[0].number == plan.points[3].values[0].number);
  CHECK(back.points[3].values[1].text == "leave");
  CHECK_FALSE(back.points[3].values[1].number.has_value());
  CHECK(back.metrics.size() == 4);
  CHECK(back.series_columns == plan.series_columns);
  CHECK(test::query_text(file, "PRAGMA journal_mode") == "wal");
  CHECK(test::query_int(file, "SELECT count(*) FROM point_values") == 12);
}

TEST_CASE("sweep store: a recorded run keeps its metrics and series and leaves the pending list",
          "[sweep]") {
  test::ScratchFolder dir("sweep-store");
  const auto plan = test::make_plan({});
  const auto file = dir / "results.sqlite";
  auto store = ResultStore::create(file, plan);
  const auto run = test::fake_run(plan, 4, 6);
  store.record(run);

  CHECK(ids(store.pending_runs()).size() == 17);
  CHECK(store.counts().done == 1);
  CHECK(test::query_text(file, "SELECT status FROM runs WHERE run_id = 4") == "done");
  CHECK(test::query_int(file, "SELECT seed FROM runs WHERE run_id = 4") == run.seed);
  CHECK(test::query_int(file, "SELECT point_id * 10 + replicate FROM runs") == 11);
  CHECK(test::query_int(file, "SELECT count(*) FROM metrics WHERE run_id = 4") == 4);
  CHECK(test::query_int(file, "SELECT count(*) FROM series WHERE run_id = 4") == 12);
  CHECK(test::query_text(file, "SELECT date FROM series WHERE step = 1 LIMIT 1") == "2012-01-09");
  sweep::Connection db(file, sweep::Connection::Mode::read_only);
  auto s = db.prepare("SELECT value FROM metrics WHERE run_id = 4 AND name = 'metric_2'");
  REQUIRE(s.step());
  CHECK(s.real(0) == run.metrics[2]);
  auto v =
      db.prepare("SELECT value FROM series WHERE run_id = 4 AND name = 'column_1' AND step = 5");
  REQUIRE(v.step());
  CHECK(v.real(0) == run.series.columns[1][5]);
}

TEST_CASE("sweep store: a reopened database lists exactly the unrecorded runs in run id order",
          "[sweep]") {
  test::ScratchFolder dir("sweep-store");
  const auto plan = test::make_plan({});
  const auto file = dir / "results.sqlite";
  {
    auto store = ResultStore::create(file, plan);
    for (std::int64_t id : {0, 5, 6, 17, 9}) store.record(test::fake_run(plan, id));
    store.record_failure({2, test::run_seed(plan, 2), "bad value", {}});
  }
  auto store = ResultStore::open_for_resume(file, test::identity(plan));
  CHECK(ids(store.pending_runs()) ==
        std::vector<std::int64_t>{1, 3, 4, 7, 8, 10, 11, 12, 13, 14, 15, 16});
  const auto counts = store.counts();
  CHECK(counts.done == 5);
  CHECK(counts.failed == 1);
  CHECK(counts.pending == 12);
}

TEST_CASE("sweep store: a failed run keeps its error text whole and is not pending", "[sweep]") {
  test::ScratchFolder dir("sweep-store");
  const auto plan = test::make_plan({});
  const auto file = dir / "results.sqlite";
  const std::string error =
      "scenarios/sahel/baseline.yaml: sahel.jihadist.recruitment_rate: 1.5 is outside [0, 1]\n"
      "second line with 'quotes' and | bars";
  {
    auto store = ResultStore::create(file, plan);
    store.record_failure({3, 77, error, {}});
    CHECK_THROWS_AS(store.record_failure({4, 77, "", {}}), std::invalid_argument);
  }
  CHECK(test::query_text(file, "SELECT error FROM runs WHERE run_id = 3") == error);
  CHECK(test::query_text(file, "SELECT status FROM runs WHERE run_id = 3") == "failed");
  CHECK(test::query_int(file, "SELECT count(*) FROM metrics") == 0);
  auto store = ResultStore::open_for_resume(file, test::identity(plan));
  CHECK(store.pending_runs().size() == 17);
  CHECK(store.pending_runs()[3].run_id == 4);
}

TEST_CASE("sweep store: a run recorded twice is refused and stays one row", "[sweep]") {
  test::ScratchFolder dir("sweep-store");
  const auto plan = test::make_plan({});
  const auto file = dir / "results.sqlite";
  auto store = ResultStore::create(file, plan);
  store.record(test::fake_run(plan, 8));
  auto again = test::fake_run(plan, 8);
  again.metrics[0] = 123.0;
  try {
    store.record(again);
    FAIL("a second record of run 8 was accepted");
  } catch (const std::logic_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("run 8 (point 2, replicate 2) is already recorded"));
  }
  CHECK_THROWS_AS(store.record_failure({8, 1, "late failure", {}}), std::logic_error);
  CHECK(test::query_int(file, "SELECT count(*) FROM runs") == 1);
  CHECK(test::query_int(file, "SELECT count(*) FROM metrics") == 4);
  CHECK(test::query_int(file, "SELECT count(*) FROM metrics WHERE value = 123.0") == 0);
  // The store goes on working after the refusal.
  store.record(test::fake_run(plan, 9));
  CHECK(store.counts().done == 2);
}

TEST_CASE("sweep store: a record that does not fit the plan writes nothing", "[sweep]") {
  test::ScratchFolder dir("sweep-store");
  const auto plan = test::make_plan({});
  const auto file = dir / "results.sqlite";
  auto store = ResultStore::create(file, plan);

  auto missing = test::fake_run(plan, 1);
  missing.metrics.pop_back();
  CHECK_THROWS_WITH(store.record(missing), Catch::Contains("run 1 has 3 metrics; the plan has 4"));
  auto extra = test::fake_run(plan, 1);
  extra.metrics.push_back(1.0);
  CHECK_THROWS_AS(store.record(extra), std::invalid_argument);
  auto short_column = test::fake_run(plan, 1);
  short_column.series.columns[1].pop_back();
  CHECK_THROWS_WITH(store.record(short_column),
                    Catch::Contains("its series has 2 columns, 5 steps"));
  auto one_column = test::fake_run(plan, 1);
  one_column.series.columns.pop_back();
  CHECK_THROWS_AS(store.record(one_column), std::invalid_argument);
  auto few_dates = test::fake_run(plan, 1);
  few_dates.series.dates.pop_back();
  CHECK_THROWS_AS(store.record(few_dates), std::invalid_argument);
  auto no_rows = test::fake_run(plan, 1, 0);
  CHECK_THROWS_AS(store.record(no_rows), std::invalid_argument);
  auto unordered = test::fake_run(plan, 1);
  std::swap(unordered.series.steps[1], unordered.series.steps[2]);
  CHECK_THROWS_WITH(store.record(unordered), Catch::Contains("steps do not increase"));
  CHECK_THROWS_AS(store.record(test::fake_run(plan, 18)), std::out_of_range);
  CHECK_THROWS_AS(store.record(test::fake_run(plan, -1)), std::out_of_range);

  CHECK(test::query_int(file, "SELECT count(*) FROM runs") == 0);
  CHECK(store.pending_runs().size() == 18);
}

TEST_CASE("sweep store: a NaN metric is stored as NULL and a plan may keep no series", "[sweep]") {
  test::ScratchFolder dir("sweep-store");
  test::PlanShape shape;
  shape.series_columns = 0;
  const auto plan = test::make_plan(shape);
  const auto file = dir / "results.sqlite";
  auto store = ResultStore::create(file, plan);
  auto run = test::fake_run(plan, 0);
  REQUIRE(run.series.steps.empty());
  run.metrics[1] = std::nan("");
  store.record(run);
  auto with_series = test::fake_run(test::make_plan({}), 1);
  CHECK_THROWS_AS(store.record(with_series), std::invalid_argument);
  CHECK(test::query_int(file, "SELECT count(*) FROM metrics WHERE value IS NULL") == 1);
  CHECK(test::query_int(file, "SELECT count(*) FROM metrics") == 4);
}

TEST_CASE("sweep store: create refuses an existing file and leaves it as it was", "[sweep]") {
  test::ScratchFolder dir("sweep-store");
  const auto file = dir.write("results.sqlite", "precious");
  try {
    (void)ResultStore::create(file, test::make_plan({}));
    FAIL("an existing file was overwritten");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains(file.string() + ": already exists: pass --resume"));
  }
  CHECK(test::read_text(file) == "precious");
  CHECK(test::entries(dir.path()) == std::vector<std::string>{"results.sqlite"});
}

TEST_CASE("sweep store: an inconsistent plan is refused before any file is made", "[sweep]") {
  test::ScratchFolder dir("sweep-store");
  auto plan = test::make_plan({});
  plan.points[2].values.pop_back();
  CHECK_THROWS_WITH(ResultStore::create(dir / "a.sqlite", plan),
                    Catch::Contains("point 2 has 1 values for 2 parameters"));
  plan = test::make_plan({});
  plan.metrics.push_back(plan.metrics[0]);
  CHECK_THROWS_WITH(ResultStore::create(dir / "a.sqlite", plan),
                    Catch::Contains("metric 'metric_0' appears twice"));
  plan = test::make_plan({});
  plan.header.replicates = 0;
  CHECK_THROWS_AS(ResultStore::create(dir / "a.sqlite", plan), std::invalid_argument);
  plan = test::make_plan({});
  plan.points.clear();
  CHECK_THROWS_AS(ResultStore::create(dir / "a.sqlite", plan), std::invalid_argument);
  CHECK(test::entries(dir.path()).empty());
}

TEST_CASE("sweep store: a second writer on the same file is refused while the first is open",
          "[sweep]") {
  test::ScratchFolder dir("sweep-store");
  const auto plan = test::make_plan({});
  const auto file = dir / "results.sqlite";
  {
    auto first = ResultStore::create(file, plan);
    CHECK_THROWS_WITH(ResultStore::open_for_resume(file, test::identity(plan)),
                      Catch::Contains("is being written by another insim sweep"));
    // Readers are welcome meanwhile.
    first.record(test::fake_run(plan, 0));
    CHECK(test::query_int(file, "SELECT count(*) FROM runs") == 1);
  }
  auto second = ResultStore::open_for_resume(file, test::identity(plan));
  CHECK(second.counts().done == 1);
}

}  // namespace
}  // namespace insim
