#pragma once
// The runs one MPI rank does at once: up to `threads` runs, each on a thread of a TBB arena of
// that many threads (a run's own parallel loops share them), started by the thread that talks
// MPI and handed back to it as they finish. That thread never runs a run itself, so it answers
// messages at once however long runs take.
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/task_arena.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "sweep/sweep_runner.hpp"

namespace insim::sweep {

class LocalRuns {
 public:
  // `sweep` must outlive this. Sets TBB's thread limit to `threads` workers plus the calling
  // thread, for the life of this object.
  LocalRuns(const PreparedSweep& sweep, int threads);
  // Stops the runs in flight and waits for them.
  ~LocalRuns();
  LocalRuns(const LocalRuns&) = delete;
  LocalRuns& operator=(const LocalRuns&) = delete;

  [[nodiscard]] int threads() const { return threads_; }
  [[nodiscard]] int in_flight() const;
  [[nodiscard]] int free_slots() const { return threads_ - in_flight(); }

  // Starts `run` (when a slot is free). Throws std::out_of_range for a run id not in the plan.
  void start(std::int64_t run_id);

  struct Finished {
    std::vector<RunResult> results;  // done or failed: to be recorded
    int stopped = 0;                 // abandoned by a stop: they stay pending
  };
  // The runs that ended since the last call.
  [[nodiscard]] Finished take_finished();
  // Returns when a run ends or after `timeout`, whichever comes first.
  void wait(std::chrono::milliseconds timeout);
  // Runs in flight, and any started later, stop at their next step (RunStopped).
  void stop(int signal);

 private:
  const PreparedSweep& sweep_;
  int threads_;
  oneapi::tbb::global_control control_;
  oneapi::tbb::task_arena arena_;
  mutable std::mutex mutex_;
  std::condition_variable ended_;
  int in_flight_ = 0;
  Finished finished_;
  std::atomic<int> stop_{0};
};

}  // namespace insim::sweep
