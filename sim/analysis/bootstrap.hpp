#pragma once
// Bootstrap confidence intervals shared by the sensitivity estimators: resample the independent
// units (base samples, trajectories) with replacement, recompute the estimate on each resample,
// and take the percentile interval (Efron & Tibshirani 1993, ch. 13).
#include <cstddef>
#include <cstdint>
#include <span>

#include "stats/paired.hpp"  // stats::Interval

namespace insim::analysis {

struct BootstrapOptions {
  std::size_t resamples = 1000;
  double level = 0.95;     // of the percentile intervals, in (0, 1)
  std::uint64_t seed = 0;  // resample b draws from (seed, its stream, b): reproducible bit for bit
};

// Throws std::invalid_argument unless resamples >= 1 and 0 < level < 1; `who` names the caller.
void require_bootstrap_options(const char* who, const BootstrapOptions& options);

// {estimate, (1 - level)/2 quantile, (1 + level)/2 quantile} of the finite replicates (type 7
// quantiles); low and high are NaN when none is finite. Reorders `replicates`.
[[nodiscard]] stats::Interval percentile_interval(double estimate, std::span<double> replicates,
                                                  double level);

}  // namespace insim::analysis
