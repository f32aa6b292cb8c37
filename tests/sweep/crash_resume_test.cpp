// A sweep killed with SIGKILL at random points, then resumed: nothing half-written, nothing
// lost, nothing twice, and at the end the same database as a sweep never interrupted.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <set>
#include <thread>
#include <vector>

#include "rng/counter_rng.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/result_store.hpp"
#include "sweep/result_store_dump.hpp"
#include "sweep/sweep_fixture.hpp"

namespace insim {
namespace {

using sweep::ResultStore;

constexpr std::uint64_t kKillSeed = 7;  // picks where each round is killed
constexpr int kRounds = 6;
constexpr int kSteps = 100;  // series rows per column: each run's transaction writes 300 rows

test::PlanShape crash_shape() {
  test::PlanShape shape;
  shape.points = 80;
  shape.replicates = 5;
  shape.metrics = 6;
  shape.series_columns = 3;
  return shape;
}

// In the child: resumes the sweep and records its pending runs from two threads, as the runner
// will, writing each run id to `announce_fd` once record() has returned. Never returns.
[[noreturn]] void record_until_killed(const std::filesystem::path& file,
                                      const sweep::SweepPlan& plan, int announce_fd) {
  int code = 0;
  try {
    auto store = ResultStore::open_for_resume(file, test::identity(plan));
    const auto pending = store.pending_runs();
    std::atomic<std::size_t> next{0};
    std::atomic<int> failures{0};
    auto work = [&] {
      try {
        for (std::size_t i = next++; i < pending.size(); i = next++) {
          const std::int64_t id = pending[i].run_id;
          store.record(test::fake_run(plan, id, kSteps));
          // 8 bytes: one write(2) to a pipe, whole (below PIPE_BUF) even from two threads.
          if (::write(announce_fd, &id, sizeof id) != sizeof id) ++failures;
        }
      } catch (...) {
        ++failures;
      }
    };
    std::thread other(work);
    work();
    other.join();
    code = failures == 0 ? 0 : 3;
  } catch (...) {
    code = 4;
  }
  ::_exit(code);
}

struct Round {
  int exit_status = 0;               // waitpid's
  std::set<std::int64_t> announced;  // runs the child saw recorded before it died
};

// Starts a child recording the sweep and kills it with SIGKILL once it has announced `after`
// runs and `delay_us` more microseconds have passed: often in the middle of a transaction.
Round kill_after(const std::filesystem::path& file, const sweep::SweepPlan& plan, int after,
                 int delay_us) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(fds[0]);
    record_until_killed(file, plan, fds[1]);
  }
  ::close(fds[1]);
  Round round;
  auto read_one = [&] {
    std::int64_t id = 0;
    std::size_t got = 0;
    while (got < sizeof id) {
      const auto n = ::read(fds[0], reinterpret_cast<char*>(&id) + got, sizeof id - got);
      if (n <= 0) return false;
      got += static_cast<std::size_t>(n);
    }
    round.announced.insert(id);
    return true;
  };
  while (static_cast<int>(round.announced.size()) < after && read_one()) {
  }
  ::usleep(static_cast<useconds_t>(delay_us));
  ::kill(pid, SIGKILL);
  while (read_one()) {  // what it announced before it died
  }
  ::close(fds[0]);
  ::waitpid(pid, &round.exit_status, 0);
  return round;
}

// Every run in the file is whole: done, with each metric and series value it was given.
void check_runs_whole(const std::filesystem::path& file, const sweep::SweepPlan& plan,
                      const std::set<std::int64_t>& recorded) {
  sweep::Connection db(file, sweep::Connection::Mode::read_only);
  auto metrics = db.prepare("SELECT value FROM metrics WHERE run_id = ? ORDER BY name");
  auto series = db.prepare("SELECT value FROM series WHERE run_id = ? ORDER BY name, step");
  for (const auto id : recorded) {
    const auto expected = test::fake_run(plan, id, kSteps);
    std::vector<double> values;
    metrics.bind(1, id);
    while (metrics.step()) values.push_back(metrics.real(0));
    metrics.reset();
    CHECK(values == expected.metrics);  // names metric_0..5 sort in plan order
    values.clear();
    series.bind(1, id);
    while (series.step()) values.push_back(series.real(0));
    series.reset();
    std::vector<double> expected_series;
    for (const auto& column : expected.series.columns) {
      expected_series.insert(expected_series.end(), column.begin(), column.end());
    }
    CHECK(values == expected_series);
  }
  CHECK(test::query_int(file, "SELECT count(*) FROM runs WHERE status != 'done'") == 0);
}

TEST_CASE("sweep store: a sweep killed with SIGKILL and resumed equals one never interrupted",
          "[sweep][crash]") {
  test::ScratchFolder dir("sweep-crash");
  const auto plan = test::make_plan(crash_shape());

  const auto reference = dir / "reference.sqlite";
  {
    auto store = ResultStore::create(reference, plan);
    for (std::int64_t id = 0; id < store.run_count(); ++id) {
      store.record(test::fake_run(plan, id, kSteps));
    }
  }

  const auto file = dir / "killed.sqlite";
  std::int64_t run_count = 0;
  {
    auto store = ResultStore::create(file, plan);  // closed before any fork
    run_count = store.run_count();
  }
  std::set<std::int64_t> recorded_before;
  for (int r = 0; r < kRounds; ++r) {
    rng::CounterRng pick(kKillSeed, 0, static_cast<std::uint64_t>(r), 0);
    const int after = 1 + static_cast<int>(pick.below(12));
    const int delay_us = static_cast<int>(pick.below(3000));
    INFO("round " << r << ": killed " << delay_us << " us after run " << after);
    const auto round = kill_after(file, plan, after, delay_us);
    // Killed mid-sweep, not finished or failed on its own.
    REQUIRE(WIFSIGNALED(round.exit_status));
    CHECK(WTERMSIG(round.exit_status) == SIGKILL);

    auto store = ResultStore::open_for_resume(file, test::identity(plan));
    std::set<std::int64_t> recorded;
    {
      sweep::Connection db(file, sweep::Connection::Mode::read_only);
      auto s = db.prepare("SELECT run_id FROM runs");
      while (s.step()) recorded.insert(s.int64(0));
    }
    // Nothing lost: every run announced (and every one from earlier rounds) is there.
    CHECK(std::includes(recorded.begin(), recorded.end(), round.announced.begin(),
                        round.announced.end()));
    CHECK(std::includes(recorded.begin(), recorded.end(), recorded_before.begin(),
                        recorded_before.end()));
    CHECK(recorded.size() >= recorded_before.size() + round.announced.size());
    check_runs_whole(file, plan, recorded);
    // Pending: exactly the rest, in run id order.
    std::vector<std::int64_t> rest;
    for (std::int64_t id = 0; id < run_count; ++id) {
      if (recorded.count(id) == 0) rest.push_back(id);
    }
    std::vector<std::int64_t> pending;
    for (const auto& p : store.pending_runs()) pending.push_back(p.run_id);
    CHECK(pending == rest);
    REQUIRE_FALSE(rest.empty());
    recorded_before = recorded;
  }

  {
    auto store = ResultStore::open_for_resume(file, test::identity(plan));
    for (const auto& p : store.pending_runs()) store.record(test::fake_run(plan, p.run_id, kSteps));
    CHECK(store.counts().done == run_count);
  }
  CHECK(sweep::comparable_contents(file) == sweep::comparable_contents(reference));
}

}  // namespace
}  // namespace insim
