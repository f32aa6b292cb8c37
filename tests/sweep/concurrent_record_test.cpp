#include <atomic>
#include <catch2/catch.hpp>
#include <thread>
#include <vector>

#include "support/scratch_folder.hpp"
#include "sweep/result_store.hpp"
#include "sweep/result_store_dump.hpp"
#include "sweep/sweep_fixture.hpp"

namespace insim {
namespace {

using sweep::ResultStore;

TEST_CASE("sweep store: four threads recording 200 runs each lose nothing", "[sweep]") {
  test::ScratchFolder dir("sweep-threads");
  test::PlanShape shape;
  shape.points = 200;
  shape.replicates = 4;
  const auto plan = test::make_plan(shape);
  constexpr int kThreads = 4;

  const auto threaded = dir / "threaded.sqlite";
  {
    auto store = ResultStore::create(threaded, plan);
    // Thread t records runs t, t + 4, t + 8, ...: every commit races the other threads'.
    std::atomic<int> errors{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < kThreads; ++t) {
      workers.emplace_back([&, t] {
        for (std::int64_t id = t; id < store.run_count(); id += kThreads) {
          try {
            if (id % 50 == 7) {
              store.record_failure({id, test::run_seed(plan, id), "failed on purpose", {}});
            } else {
              store.record(test::fake_run(plan, id));
            }
          } catch (...) {
            ++errors;
          }
        }
      });
    }
    for (auto& w : workers) w.join();
    CHECK(errors == 0);
    CHECK(store.pending_runs().empty());
    const auto counts = store.counts();
    CHECK(counts.done == 784);
    CHECK(counts.failed == 16);
  }
  CHECK(test::query_int(threaded, "SELECT count(*) FROM runs") == 800);
  CHECK(test::query_int(threaded, "SELECT count(*) FROM metrics") == 784 * 4);
  CHECK(test::query_int(threaded, "SELECT count(*) FROM series") == 784 * 2 * 5);

  // Row for row the same as recording them one by one, in order.
  const auto serial = dir / "serial.sqlite";
  {
    auto store = ResultStore::create(serial, plan);
    for (std::int64_t id = 0; id < store.run_count(); ++id) {
      if (id % 50 == 7) {
        store.record_failure({id, test::run_seed(plan, id), "failed on purpose", {}});
      } else {
        store.record(test::fake_run(plan, id));
      }
    }
  }
  CHECK(sweep::comparable_contents(threaded) == sweep::comparable_contents(serial));
}

TEST_CASE("sweep store: the comparable contents leave out timing and show every value", "[sweep]") {
  test::ScratchFolder dir("sweep-dump");
  const auto plan = test::make_plan({});
  auto record_all = [&](const std::filesystem::path& file, double metric_shift) {
    auto store = ResultStore::create(file, plan);
    for (std::int64_t id = 0; id < store.run_count(); ++id) {
      auto run = test::fake_run(plan, id);
      run.timing.wall_seconds = 1.5 * static_cast<double>(id);  // differs from the fixture's
      run.timing.started -= std::chrono::hours(24 * id);
      if (id == 11) run.metrics[2] += metric_shift;
      store.record(run);
    }
  };
  record_all(dir / "a.sqlite", 0.0);
  record_all(dir / "b.sqlite", 0.0);
  record_all(dir / "c.sqlite", 1e-12);
  const auto a = sweep::comparable_contents(dir / "a.sqlite");
  CHECK(a == sweep::comparable_contents(dir / "b.sqlite"));
  CHECK(a != sweep::comparable_contents(dir / "c.sqlite"));
  CHECK_THAT(a, Catch::Contains("[series]\n0|\"column_0\"|0|\"2012-01-02\"|"));
  CHECK_THAT(a, Catch::Contains("\n11|3|2|"));  // run 11: point 3, replicate 2
}

}  // namespace
}  // namespace insim
