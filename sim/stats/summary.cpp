#include "stats/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace insim::stats {

double quantile_sorted(std::span<const double> sorted, double p) {
  if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("quantile: p must be in [0, 1]");
  const std::size_t n = sorted.size();
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  // Type 7: h = (n - 1) p, interpolate between the order statistics floor(h) and floor(h) + 1.
  const double h = static_cast<double>(n - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, n - 1);
  const double lower = sorted[lo];
  const double fraction = h - static_cast<double>(lo);
  if (fraction == 0.0 || sorted[hi] == lower) return lower;  // no inf - inf for infinite values
  return lower + fraction * (sorted[hi] - lower);
}

Summary summarise(std::span<double> values) {
  const auto kept_end =
      std::partition(values.begin(), values.end(), [](double v) { return !std::isnan(v); });
  const std::span<double> kept(values.begin(), kept_end);
  Summary s;
  s.count = kept.size();
  if (kept.empty()) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    s.mean = s.p5 = s.p25 = s.p50 = s.p75 = s.p95 = nan;
    return s;
  }
  std::sort(kept.begin(), kept.end());
  // Summed in sorted order: the mean does not depend on the order the runs came in.
  double sum = 0.0;
  for (const double v : kept) sum += v;
  s.mean = sum / static_cast<double>(kept.size());
  const std::span<const double> sorted(kept.data(), kept.size());
  s.p5 = quantile_sorted(sorted, 0.05);
  s.p25 = quantile_sorted(sorted, 0.25);
  s.p50 = quantile_sorted(sorted, 0.50);
  s.p75 = quantile_sorted(sorted, 0.75);
  s.p95 = quantile_sorted(sorted, 0.95);
  return s;
}

}  // namespace insim::stats
