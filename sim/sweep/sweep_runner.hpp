#pragma once
// `insim sweep`'s work (docs/sweeps.md): read the spec, make the points, write the plan into a
// new results database (or open one to resume), then run every pending run in parallel, each
// recorded in its own transaction as it finishes. Run (point p, replicate r) runs seed
// `sweep.seed + r`, so every point sees the same chance events (common random numbers) and a
// run's results depend on nothing but its point and replicate: not the thread count, the
// process or shard that ran it, the order runs finish in, or an interruption.
//
// The steps are public so that the processes of an MPI job (sweep/mpi/sweep_mpi.hpp) share
// them: each prepares the same sweep from the spec, rank 0 alone opens the database, and every
// rank runs runs with execute_run().
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "sweep/result_store.hpp"
#include "sweep/run_result.hpp"
#include "sweep/sweep_def.hpp"

namespace insim::sweep {

// Shard `index` of `count` owns the runs with run_id % count == index: a scheduler's job array
// runs each shard as its own process, each into its own database, and `insim merge` joins them.
struct Shard {
  std::int64_t index = 0;
  std::int64_t count = 1;  // 1: the whole sweep
  [[nodiscard]] bool owns(std::int64_t run_id) const { return run_id % count == index; }
  bool operator==(const Shard&) const = default;
};

// "I/N" with 0 <= I < N (decimal integers, nothing else); nullopt for anything else.
[[nodiscard]] std::optional<Shard> parse_shard(std::string_view text);

struct SweepOptions {
  std::filesystem::path spec;
  std::filesystem::path database;
  bool resume = false;
  Shard shard;
  // (runs finished, runs to do in this call), from any thread, one call at a time.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

struct SweepOutcome {
  std::int64_t runs = 0;        // points x replicates
  std::int64_t shard_runs = 0;  // of those, the shard's (all of them without --shard)
  std::int64_t ran = 0;         // runs this call finished (done or failed)
  std::int64_t done = 0;        // in the database at the end
  std::int64_t failed = 0;
  double wall_seconds = 0.0;
};

// A sweep read from its spec: what every process running its runs needs. The plan's header
// holds the spec's and the base scenario's hashes; its version fields are left empty.
struct PreparedSweep {
  SweepDef def;
  std::filesystem::path base_file;  // the base scenario, as found from the spec's folder
  SweepPlan plan;
};

// Throws InputError for a bad spec (file:line:col and key) or a parameter that is not a number
// of the base scenario.
[[nodiscard]] PreparedSweep prepare_sweep(const std::filesystem::path& spec);

// A new database holding the plan, or (resume) the existing one after checking it was made from
// the same spec and base scenario. Throws InputError as ResultStore::create / open_for_resume.
[[nodiscard]] ResultStore open_results(const PreparedSweep& sweep,
                                       const std::filesystem::path& database, bool resume);

// The runs of `shard` with no row yet, in run_id order.
[[nodiscard]] std::vector<PlannedRun> pending_runs(const ResultStore& store, const Shard& shard);

// How many of `runs` runs (run ids 0 .. runs - 1) `shard` owns.
[[nodiscard]] std::int64_t shard_size(std::int64_t runs, const Shard& shard);

// Runs `run` at `point` with seed def.seed + run.replicate. A run that fails because of itself (a
// value out of range, a model error) gives a RunFailure with its error. `stop` is asked before
// each step; when it returns a signal number (non-zero) the run is abandoned by throwing
// RunStopped: it stays pending.
[[nodiscard]] RunResult execute_run(const PreparedSweep& sweep, const SweepPoint& point,
                                    const PlannedRun& run, const std::function<int()>& stop);

// Throws what prepare_sweep() and open_results() throw; RunStopped when a stop was requested:
// the finished runs are in the database, the rest pending.
SweepOutcome run_sweep(const SweepOptions& options);

}  // namespace insim::sweep
