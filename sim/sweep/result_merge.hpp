#pragma once
// `insim merge OUT IN...` (docs/sweeps.md): joins the databases of one sweep's shards (a job
// array's `--shard i/n` processes), or of any partial runs of the same plan, into one new
// database. Every input must hold the same plan; every recorded run (done or failed) is copied
// with its metrics and series; a run recorded in two inputs must be the same run (timing aside).
// The output is itself a sweep database: it can be resumed, analysed, or merged again.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sweep/result_store.hpp"

namespace insim::sweep {

// What makes two databases hold the same sweep: the spec and base scenario (hashes), the design,
// seed and replicates, the parameters, every point's values, the metrics and the series columns.
// Not who made the files or when. Returns the first difference as a phrase ("point 4's value of
// sahel.actors.jnim.abuse: 0.35 here, 0.4 there"), or nullopt when the plans are the same.
[[nodiscard]] std::optional<std::string> plan_difference(const SweepPlan& here,
                                                         const SweepPlan& there);

struct MergeOutcome {
  std::int64_t runs = 0;        // points x replicates
  RunCounts counts;             // in the output
  std::int64_t duplicates = 0;  // runs met again in a later input (identical, kept once)
};

// Writes `out` from `inputs`, whole or not at all (built beside `out`, renamed into place).
// Throws InputError naming the file when `out` exists, an input is missing or not a sweep
// database (as ResultReader), an input's plan differs from the first input's, or a run is in
// two inputs with different results; output::OutputError when `out` cannot be written.
MergeOutcome merge_results(const std::filesystem::path& out,
                           const std::vector<std::filesystem::path>& inputs);

}  // namespace insim::sweep
