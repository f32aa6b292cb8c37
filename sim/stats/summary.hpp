#pragma once
// Summaries of one quantity over replicate runs: mean and the quantiles the report's bands use.
#include <span>

namespace insim::stats {

// The p-quantile (0 <= p <= 1) of values sorted ascending, interpolating linearly between
// order statistics (Hyndman & Fan type 7, R's and numpy's default). NaN for no values;
// std::invalid_argument for p outside [0, 1].
[[nodiscard]] double quantile_sorted(std::span<const double> sorted, double p);

struct Summary {
  double mean = 0.0;
  double p5 = 0.0, p25 = 0.0, p50 = 0.0, p75 = 0.0, p95 = 0.0;
  std::size_t count = 0;  // values that are not NaN
};

// NaN values are left out; all fields NaN (count 0) when none is left. Sorts `values` in place
// (callers pass scratch they own: no allocation).
[[nodiscard]] Summary summarise(std::span<double> values);

}  // namespace insim::stats
