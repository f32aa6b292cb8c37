// insim merge's logic: shards' databases joined equal one whole sweep's row for row; a merged
// file merges again; different sweeps, a run recorded differently twice, and an existing output
// are refused, naming the file, with nothing written.
#include "sweep/result_merge.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <functional>

#include "core/error.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/result_store_dump.hpp"
#include "sweep/sweep_fixture.hpp"

namespace insim {
namespace {

using sweep::ResultStore;

// Records into a new database at `file` the runs for which `keep(run_id)` holds; every fifth
// run fails, as a run with a bad value would.
void write_runs(const std::filesystem::path& file, const sweep::SweepPlan& plan,
                const std::function<bool(std::int64_t)>& keep) {
  auto store = ResultStore::create(file, plan);
  for (std::int64_t id = 0; id < store.run_count(); ++id) {
    if (!keep(id)) continue;
    if (id % 5 == 4) {
      store.record_failure({id,
                            test::run_seed(plan, id),
                            "sahel.civilians.refugee_share: 3 is above its maximum, 1",
                            {}});
    } else {
      store.record(test::fake_run(plan, id, 6));
    }
  }
}

std::string contents(const std::filesystem::path& file) { return sweep::comparable_contents(file); }

// An InputError whose message holds every one of `parts`.
template <class F>
std::string input_error_of(F&& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}

TEST_CASE("sweep merge: the shards' databases merged equal the whole sweep's row for row",
          "[sweep][merge]") {
  for (const int columns : {2, 0}) {  // with and without series
    test::ScratchFolder dir("sweep-merge");
    const auto plan = test::make_plan({.series_columns = columns});
    write_runs(dir / "whole.sqlite", plan, [](auto) { return true; });
    write_runs(dir / "s0.sqlite", plan, [](auto id) { return id % 3 == 0; });
    write_runs(dir / "s1.sqlite", plan, [](auto id) { return id % 3 == 1; });
    write_runs(dir / "s2.sqlite", plan, [](auto id) { return id % 3 == 2; });

    const auto m = sweep::merge_results(dir / "out" / "merged.sqlite",
                                        {dir / "s0.sqlite", dir / "s1.sqlite", dir / "s2.sqlite"});
    CHECK(m.runs == 18);
    CHECK(m.counts.done == 15);
    CHECK(m.counts.failed == 3);
    CHECK(m.counts.pending == 0);
    CHECK(m.duplicates == 0);
    // Nothing beside the output: no temporary file, no write-ahead log left over.
    CHECK(test::entries(dir / "out") == std::vector<std::string>{"merged.sqlite"});
    CHECK(contents(dir / "out" / "merged.sqlite") == contents(dir / "whole.sqlite"));
    // Timing travels too (comparable_contents leaves it out).
    const std::string times =
        "SELECT group_concat(started_utc || finished_utc || wall_seconds) "
        "FROM (SELECT * FROM runs WHERE run_id % 3 = 1 ORDER BY run_id)";
    CHECK(test::query_text(dir / "out" / "merged.sqlite", times) ==
          test::query_text(dir / "s1.sqlite", times));
  }
}

TEST_CASE("sweep merge: a merged file merges again, and a partial merge is resumable",
          "[sweep][merge]") {
  test::ScratchFolder dir("sweep-merge-again");
  const auto plan = test::make_plan({});
  write_runs(dir / "whole.sqlite", plan, [](auto) { return true; });
  write_runs(dir / "s0.sqlite", plan, [](auto id) { return id % 2 == 0; });
  write_runs(dir / "s1.sqlite", plan, [](auto id) { return id % 2 == 1; });

  const auto half = sweep::merge_results(dir / "half.sqlite", {dir / "s0.sqlite"});
  CHECK(half.counts.pending == 9);
  {
    auto store = ResultStore::open_for_resume(dir / "half.sqlite", test::identity(plan));
    const auto pending = store.pending_runs();
    REQUIRE(pending.size() == 9);
    for (const auto& run : pending) CHECK(run.run_id % 2 == 1);
  }
  // The half again (all its runs met twice, the same) and the other shard.
  const auto m = sweep::merge_results(dir / "all.sqlite",
                                      {dir / "half.sqlite", dir / "s1.sqlite", dir / "s0.sqlite"});
  CHECK(m.duplicates == 9);
  CHECK(m.counts.pending == 0);
  CHECK(contents(dir / "all.sqlite") == contents(dir / "whole.sqlite"));
}

TEST_CASE("sweep merge: a run in two inputs must be the same run, timing aside", "[sweep][merge]") {
  test::ScratchFolder dir("sweep-merge-overlap");
  const auto plan = test::make_plan({});
  write_runs(dir / "a.sqlite", plan, [](auto id) { return id < 10; });
  {
    // Runs 8 and 9 again, recorded later and slower: the same results.
    auto store = ResultStore::create(dir / "b.sqlite", plan);
    for (std::int64_t id : {8, 11}) {
      auto run = test::fake_run(plan, id, 6);
      run.timing.wall_seconds = 42.0;
      store.record(run);
    }
    store.record_failure({9,
                          test::run_seed(plan, 9),
                          "sahel.civilians.refugee_share: 3 is above its maximum, 1",
                          {}});
  }
  const auto m = sweep::merge_results(dir / "ab.sqlite", {dir / "a.sqlite", dir / "b.sqlite"});
  CHECK(m.duplicates == 2);
  CHECK(m.counts.done + m.counts.failed == 11);

  // The same run with one metric, one series value, or its error different is refused.
  using Change = std::function<void(sweep::RunRecord&)>;
  const std::vector<Change> changes = {
      [](sweep::RunRecord& r) { r.metrics[2] += 1e-12; },
      [](sweep::RunRecord& r) { r.series.columns[1][3] = std::nan(""); },
      [](sweep::RunRecord& r) { r.seed += 1; },
  };
  for (std::size_t k = 0; k < changes.size(); ++k) {
    const auto other = dir / ("c" + std::to_string(k) + ".sqlite");
    {
      auto store = ResultStore::create(other, plan);
      auto run = test::fake_run(plan, 3, 6);
      changes[k](run);
      store.record(run);
    }
    const auto out = dir / "refused" / "out.sqlite";
    const std::string error = input_error_of([&] {
      (void)sweep::merge_results(out, {dir / "a.sqlite", other});
    });
    INFO(error);
    CHECK_THAT(error, Catch::Contains(other.string()) && Catch::Contains("run 3 (point 1") &&
                          Catch::Contains((dir / "a.sqlite").string()));
    CHECK(test::entries(dir / "refused").empty());
  }
  {
    auto store = ResultStore::create(dir / "d.sqlite", plan);
    store.record_failure({4, test::run_seed(plan, 4), "another error", {}});
  }
  CHECK_THAT(input_error_of([&] {
               (void)sweep::merge_results(dir / "e.sqlite", {dir / "a.sqlite", dir / "d.sqlite"});
             }),
             Catch::Contains("records run 4"));
  CHECK_FALSE(std::filesystem::exists(dir / "e.sqlite"));
}

TEST_CASE(
    "sweep merge: databases of different sweeps are refused, naming the file and the "
    "difference",
    "[sweep][merge]") {
  test::ScratchFolder dir("sweep-merge-plans");
  const auto plan = test::make_plan({});
  write_runs(dir / "a.sqlite", plan, [](auto id) { return id < 3; });

  struct Case {
    const char* name;
    std::function<void(sweep::SweepPlan&)> change;
    const char* says;
  };
  const std::vector<Case> cases = {
      {"spec", [](auto& p) { p.header.spec_hash = "spec-2"; }, "spec-2"},
      {"base", [](auto& p) { p.header.base_scenario_hash = "base-2"; }, "base scenario"},
      {"point",
       [](auto& p) {
         p.points[4].values[0].number = 0.5;
         p.points[4].values[0].text = "0.5";
       },
       "point 4's value of sahel.jihadist.recruitment_rate"},
      {"points", [](auto& p) { p.points.pop_back(); }, "number of points"},
      {"metric", [](auto& p) { p.metrics[1].definition = "max of column 1"; }, "metrics"},
      {"series", [](auto& p) { p.series_columns.pop_back(); }, "series columns"},
  };
  for (const auto& c : cases) {
    auto other_plan = plan;
    c.change(other_plan);
    const auto other = dir / (std::string(c.name) + ".sqlite");
    write_runs(other, other_plan, [](auto id) { return id == 5; });
    const std::string error = input_error_of([&] {
      (void)sweep::merge_results(dir / "out.sqlite", {dir / "a.sqlite", other});
    });
    INFO(c.name << ": " << error);
    CHECK_THAT(error, Catch::Contains(other.string()) && Catch::Contains("another sweep") &&
                          Catch::Contains(c.says));
    CHECK_FALSE(std::filesystem::exists(dir / "out.sqlite"));
  }
  // Not a sweep database at all.
  test::write_text(dir / "notes.sqlite", "not a database");
  CHECK_THAT(
      input_error_of([&] {
        (void)sweep::merge_results(dir / "out.sqlite", {dir / "a.sqlite", dir / "notes.sqlite"});
      }),
      Catch::Contains("notes.sqlite") && Catch::Contains("not an insim sweep database"));
  CHECK_THAT(input_error_of(
                 [&] { (void)sweep::merge_results(dir / "out.sqlite", {dir / "missing.sqlite"}); }),
             Catch::Contains("missing.sqlite") && Catch::Contains("does not exist"));
  for (const auto& name : test::entries(dir.path())) {  // no output, no temporary file
    CHECK(name.find("out") == std::string::npos);
    CHECK(name.find("merging") == std::string::npos);
  }
}

TEST_CASE("sweep merge: an existing output is refused and left as it is", "[sweep][merge]") {
  test::ScratchFolder dir("sweep-merge-exists");
  const auto plan = test::make_plan({});
  write_runs(dir / "a.sqlite", plan, [](auto id) { return id < 3; });
  test::write_text(dir / "out.sqlite", "keep me");
  CHECK_THAT(
      input_error_of([&] { (void)sweep::merge_results(dir / "out.sqlite", {dir / "a.sqlite"}); }),
      Catch::Contains("out.sqlite") && Catch::Contains("already exists"));
  CHECK(test::read_text(dir / "out.sqlite") == "keep me");
  // Nor may the output be one of the inputs.
  CHECK_THAT(
      input_error_of([&] { (void)sweep::merge_results(dir / "a.sqlite", {dir / "a.sqlite"}); }),
      Catch::Contains("already exists"));
}

}  // namespace
}  // namespace insim
