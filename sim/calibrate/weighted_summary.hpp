#pragma once
// Summaries of a weighted population (an ABC-SMC generation's particles): mean and quantiles.
#include <span>

namespace insim::calibrate {

// Quantile p in [0, 1] of values with non-negative weights (not necessarily normalised): the
// values sorted, value i placed at the middle of its weight's share of the cumulative weight,
// c_i = (W_<i + w_i / 2) / W, and linear interpolation between those places (the ends held
// below c_0 and above c_last). With equal weights it is Hazen's quantile, (i + 1/2) / n.
// NaN values and zero weights are left out; NaN when nothing is left. Throws
// std::invalid_argument when the sizes differ, a weight is negative, or p is outside [0, 1].
[[nodiscard]] double weighted_quantile(std::span<const double> values,
                                       std::span<const double> weights, double p);

[[nodiscard]] double weighted_mean(std::span<const double> values, std::span<const double> weights);

struct WeightedSummary {
  double mean = 0.0;
  double p5 = 0.0, p50 = 0.0, p95 = 0.0;
};
[[nodiscard]] WeightedSummary weighted_summary(std::span<const double> values,
                                               std::span<const double> weights);

}  // namespace insim::calibrate
