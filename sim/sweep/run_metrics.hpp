#pragma once
// What a sweep keeps of one run, computed as it runs: each metric of the spec (an aggregate of
// a sum of columns over a date window) and, if asked, whole national series.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "compare/run_reduction.hpp"
#include "sweep/sweep_def.hpp"

namespace insim::sweep {

struct RunOutputs {
  std::vector<double> metrics;              // spec order; NaN when the window saw nothing
  std::vector<std::vector<double>> series;  // spec order, one value per state 0..steps
};

class RunMetrics {
 public:
  // Throws InputError naming the metric (or series) and the column the model does not observe.
  RunMetrics(const SweepDef& def, const Simulation& sim);
  // Runs `sim` for `steps` steps from its current state. `between_steps` is called before each
  // step (a stop request throws from there).
  [[nodiscard]] RunOutputs run(Simulation& sim, const Calendar& calendar, std::int64_t steps,
                               const std::function<void()>& between_steps) const;

 private:
  std::vector<MetricDef> metrics_;
  compare::Outcomes outcomes_;  // one outcome per metric, then one per series
  compare::ResolvedOutcomes resolved_;
};

}  // namespace insim::sweep
