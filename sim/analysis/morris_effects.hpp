#pragma once
// Morris elementary effects from the model outputs of a MorrisDesign (docs/sensitivity.md):
// per parameter the mean effect mu, the mean absolute effect mu* (Campolongo et al. 2007) and
// the standard deviation sigma (Morris 1991), with a bootstrap interval for mu* over the
// trajectories.
#include <cstddef>
#include <span>
#include <vector>

#include "analysis/bootstrap.hpp"
#include "analysis/morris_design.hpp"

namespace insim::analysis {

struct MorrisEffect {
  double mu = 0.0;       // mean of the elementary effects
  double mu_star = 0.0;  // mean of their absolute values: the importance ranking
  double sigma = 0.0;    // their standard deviation (r - 1 denominator): interaction, nonlinearity
  stats::Interval mu_star_interval;
};

struct MorrisEffects {
  std::size_t trajectories_used = 0;  // trajectories whose d + 1 outputs are all finite
  double level = 0.95;
  std::vector<MorrisEffect> parameters;  // in the design's parameter order
};

// Elementary effects EE[t * d + k] = (y(x + e_k Delta) - y(x)) / Delta of parameter k on
// trajectory t, in output units per unit of the parameter's normalised range; NaN for a
// trajectory with a non-finite output. outputs[r] is the output of design row r. Throws
// std::invalid_argument when outputs.size() != the design's rows.
[[nodiscard]] std::vector<double> elementary_effects(const MorrisDesign& design,
                                                     std::span<const double> outputs);

// mu, mu*, sigma over the usable trajectories (sigma NaN with only one), the mu* interval from
// resampling trajectories. Throws std::invalid_argument as elementary_effects does, when no
// trajectory is usable, or for bad options.
[[nodiscard]] MorrisEffects morris_effects(const MorrisDesign& design,
                                           std::span<const double> outputs,
                                           const BootstrapOptions& options = {});

}  // namespace insim::analysis
