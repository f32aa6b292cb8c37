#include "sweep/mpi/local_runs.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/task_arena.h>

#include <csignal>
#include <optional>
#include <stdexcept>
#include <utility>

#include "run/runner.hpp"
#include "run/stop_request.hpp"

namespace insim::sweep {

// The arena reserves no slot for the calling thread (the MPI thread never joins it), so its
// `threads` slots all go to TBB workers: the global limit counts those workers plus the caller.
LocalRuns::LocalRuns(const PreparedSweep& sweep, int threads)
    : sweep_(sweep),
      threads_(threads),
      control_(oneapi::tbb::global_control::max_allowed_parallelism,
               static_cast<std::size_t>(threads) + 1),
      arena_(threads, 0) {
  if (threads < 1) throw std::invalid_argument("LocalRuns: threads must be at least 1");
  arena_.initialize();
}

LocalRuns::~LocalRuns() {
  stop(SIGTERM);
  std::unique_lock lock(mutex_);
  ended_.wait(lock, [&] { return in_flight_ == 0; });
}

int LocalRuns::in_flight() const {
  const std::lock_guard lock(mutex_);
  return in_flight_;
}

void LocalRuns::start(std::int64_t run_id) {
  const std::int64_t replicates = sweep_.plan.header.replicates;
  const auto runs = static_cast<std::int64_t>(sweep_.plan.points.size()) * replicates;
  if (run_id < 0 || run_id >= runs) {
    throw std::out_of_range(
        fmt::format("run {} is not in the sweep: its runs are 0 to {}", run_id, runs - 1));
  }
  const PlannedRun run{run_id, run_id / replicates, run_id % replicates};
  {
    const std::lock_guard lock(mutex_);
    ++in_flight_;
  }
  arena_.enqueue([this, run] {
    std::optional<RunResult> result;
    try {
      // Isolated: while this run waits inside one of its parallel loops, its thread takes no
      // other run, which would hold this one until that one ended.
      oneapi::tbb::this_task_arena::isolate([&] {
        const SweepPoint& point = sweep_.plan.points[static_cast<std::size_t>(run.point_id)];
        result = execute_run(sweep_, point, run, [this] {
          const int local = stop_signal();
          return local != 0 ? local : stop_.load();
        });
      });
    } catch (const RunStopped&) {
    } catch (const std::exception& e) {
      result = RunFailure{run.run_id, sweep_.def.seed + run.replicate, e.what(), {}};
    }
    const std::lock_guard lock(mutex_);
    if (result) {
      finished_.results.push_back(std::move(*result));
    } else {
      ++finished_.stopped;
    }
    --in_flight_;
    ended_.notify_all();
  });
}

LocalRuns::Finished LocalRuns::take_finished() {
  const std::lock_guard lock(mutex_);
  return std::exchange(finished_, {});
}

void LocalRuns::wait(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  ended_.wait_for(lock, timeout,
                  [&] { return !finished_.results.empty() || finished_.stopped > 0; });
}

void LocalRuns::stop(int signal) {
  int expected = 0;
  stop_.compare_exchange_strong(expected, signal);
}

}  // namespace insim::sweep
