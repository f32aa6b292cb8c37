#pragma once
// `insim sweep`'s work (docs/sweeps.md): read the spec, make the points, write the plan into a
// new results database (or open one to resume), then run every pending run in parallel, each
// recorded in its own transaction as it finishes. Run (point p, replicate r) runs seed
// `sweep.seed + r`, so every point sees the same chance events (common random numbers) and a
// run's results depend on nothing but its point and replicate: not the thread count, not the
// order runs finish in, not an interruption.
#include <cstdint>
#include <filesystem>
#include <functional>

namespace insim::sweep {

struct SweepOptions {
  std::filesystem::path spec;
  std::filesystem::path database;
  bool resume = false;
  // (runs finished, runs to do in this call), from any thread, one call at a time.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

struct SweepOutcome {
  std::int64_t runs = 0;     // points x replicates
  std::int64_t ran = 0;      // runs this call finished (done or failed)
  std::int64_t done = 0;     // in the database at the end
  std::int64_t failed = 0;
  double wall_seconds = 0.0;
};

// Throws InputError for a bad spec (file:line:col and key), a parameter that is not a number of
// the base scenario, a database that exists (without resume) or does not match (with resume);
// RunStopped when a stop was requested: the finished runs are in the database, the rest pending.
SweepOutcome run_sweep(const SweepOptions& options);

}  // namespace insim::sweep
