#include "validation/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace insim::validation {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

double mean(std::span<const double> values) {
  if (values.empty()) return kNaN;
  double sum = 0.0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

double percentile(std::span<const double> values, double p) {
  if (values.empty()) return kNaN;
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double h = static_cast<double>(sorted.size() - 1) * std::clamp(p, 0.0, 100.0) / 100.0;
  const auto below = static_cast<std::size_t>(std::floor(h));
  const double frac = h - static_cast<double>(below);
  const double lo = sorted[below];
  if (frac == 0.0 || below + 1 >= sorted.size()) return lo;
  const double hi = sorted[below + 1];
  if (lo == hi) return lo;                                  // also keeps inf - inf out
  if (!std::isfinite(lo) || !std::isfinite(hi)) return hi;  // towards an infinite end
  return lo + frac * (hi - lo);
}

std::vector<double> ranks(std::span<const double> values) {
  const std::size_t n = values.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> out(n, 0.0);
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j + 1 < n && values[order[j + 1]] == values[order[i]]) ++j;
    const double shared = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
    for (std::size_t k = i; k <= j; ++k) out[order[k]] = shared;
    i = j + 1;
  }
  return out;
}

double spearman(std::span<const double> x, std::span<const double> y) {
  if (x.size() != y.size() || x.size() < 2) return kNaN;
  const std::vector<double> rx = ranks(x);
  const std::vector<double> ry = ranks(y);
  const double mx = mean(rx);
  const double my = mean(ry);
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < rx.size(); ++i) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) * (rx[i] - mx);
    syy += (ry[i] - my) * (ry[i] - my);
  }
  if (sxx == 0.0 || syy == 0.0) return kNaN;
  return sxy / std::sqrt(sxx * syy);
}

double ratio(double x, double y) {
  if (y != 0.0) return x / y;
  if (x == 0.0) return kNaN;
  return x > 0.0 ? std::numeric_limits<double>::infinity()
                 : -std::numeric_limits<double>::infinity();
}

}  // namespace insim::validation
