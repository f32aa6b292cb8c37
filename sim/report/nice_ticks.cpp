#include "report/nice_ticks.hpp"

#include <algorithm>
#include <cmath>

namespace insim::report {

namespace {
// The smallest 1, 2, 5 or 10 x 10^k at or above `raw`.
double nice_ceil(double raw) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double mantissa = raw / magnitude;
  for (const double m : {1.0, 2.0, 5.0}) {
    if (mantissa <= m * (1 + 1e-9)) return m * magnitude;
  }
  return 10.0 * magnitude;
}
}  // namespace

double nice_floor(double value) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
  const double mantissa = value / magnitude;
  for (const double m : {5.0, 2.0}) {
    if (mantissa >= m * (1 - 1e-9)) return m * magnitude;
  }
  return magnitude;
}

Ticks nice_ticks(double low, double high, int target) {
  if (!std::isfinite(low) || !std::isfinite(high)) low = high = 0.0;
  if (low > high) std::swap(low, high);
  if (low == high) {
    low = std::min(low, 0.0);
    high = std::max(high, 0.0);
    if (low == high) high = 1.0;
  }
  Ticks t;
  t.step = nice_ceil((high - low) / std::max(target, 1));
  // Integer multiples of the step, so every tick is spelled exactly (no 0.30000000000000004).
  const double first = std::floor(low / t.step + 1e-9);
  const double last = std::ceil(high / t.step - 1e-9);
  for (double k = first; k <= last; k += 1.0) t.values.push_back(k * t.step);
  t.decimals = std::max(0, -static_cast<int>(std::floor(std::log10(t.step) + 1e-9)));
  return t;
}

}  // namespace insim::report
