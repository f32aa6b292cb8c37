#include "analysis/bootstrap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "stats/summary.hpp"

namespace insim::analysis {

void require_bootstrap_options(const char* who, const BootstrapOptions& options) {
  if (options.resamples == 0) {
    throw std::invalid_argument(
        fmt::format("{}: the bootstrap needs at least 1 resample (1000 is usual)", who));
  }
  if (!(options.level > 0.0 && options.level < 1.0)) {
    throw std::invalid_argument(
        fmt::format("{}: the confidence level {} must be strictly between 0 and 1 (e.g. 0.95)", who,
                    options.level));
  }
}

stats::Interval percentile_interval(double estimate, std::span<double> replicates, double level) {
  const auto finite_end = std::partition(replicates.begin(), replicates.end(),
                                         [](double v) { return std::isfinite(v); });
  const std::span<double> finite(replicates.begin(), finite_end);
  if (finite.empty()) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    return {estimate, nan, nan};
  }
  std::sort(finite.begin(), finite.end());
  return {estimate, stats::quantile_sorted(finite, 0.5 * (1.0 - level)),
          stats::quantile_sorted(finite, 0.5 * (1.0 + level))};
}

}  // namespace insim::analysis
