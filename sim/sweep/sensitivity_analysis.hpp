#pragma once
// `insim analyze sensitivity` (docs/sweeps.md): one metric of a sobol or morris sweep turned
// into Sobol' indices or Morris effects, with bootstrap intervals. A point's metric is the mean
// over its replicates; a point with a failed or pending run, or a run whose metric is not a
// number, has none (NaN), and the estimators then leave its Saltelli group or Morris trajectory
// out whole.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "analysis/bootstrap.hpp"
#include "analysis/morris_effects.hpp"
#include "analysis/sobol_indices.hpp"
#include "sweep/result_reader.hpp"
#include "sweep/sweep_def.hpp"

namespace insim::sweep {

// The metric at each point of the design, and why some points have none.
struct PointOutputs {
  std::vector<double> values;             // per point: mean over replicates, NaN when incomplete
  std::int64_t points_without_value = 0;  // points whose value is NaN
  std::int64_t runs_failed = 0;
  std::int64_t runs_pending = 0;
  std::int64_t runs_without_value = 0;  // done, but the metric is NaN (its window saw nothing)
};

// `metric_by_run` as ResultReader::metric_by_run gives it (index run_id); `runs` the recorded
// runs (to tell failed from pending). run_id = point x replicates + replicate.
[[nodiscard]] PointOutputs point_outputs(std::span<const double> metric_by_run,
                                         std::span<const RunRow> runs, std::size_t points,
                                         std::int64_t replicates);

struct SensitivityResult {
  Design design = Design::sobol;  // sobol or morris
  std::string metric;
  std::string metric_definition;
  std::vector<std::string> parameters;  // the plan's order
  std::int64_t replicates = 1;
  std::size_t units = 0;  // base samples N (sobol) or trajectories r (morris) of the design
  std::size_t units_used = 0;
  PointOutputs outputs;
  analysis::BootstrapOptions bootstrap;
  analysis::SobolIndices sobol;    // when design == sobol
  analysis::MorrisEffects morris;  // when design == morris
};

// Throws InputError naming the database for: a design other than sobol or morris, a metric the
// sweep does not keep (the message lists those it keeps), a stored spec or points that do not
// rebuild (sweep/sensitivity_design.hpp), and too few complete groups or trajectories.
[[nodiscard]] SensitivityResult analyze_sensitivity(const ResultReader& reader,
                                                    const std::string& metric,
                                                    const analysis::BootstrapOptions& bootstrap);

// Parameter indices, most important first: by total index ST (sobol) or mu* (morris); NaN last,
// ties in the plan's order.
[[nodiscard]] std::vector<std::size_t> importance_order(const SensitivityResult& result);

}  // namespace insim::sweep
