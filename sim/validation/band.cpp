#include "validation/band.hpp"

#include <fmt/format.h>

#include <cmath>

namespace insim::validation {

bool Band::contains(double x) const {
  if (std::isnan(x)) return false;
  const bool above_low = low_open ? x > low : x >= low;
  const bool below_high = high_open ? x < high : x <= high;
  return above_low && below_high;
}

namespace {
// A band's end as given (179.5 stays 179.5: rounding would misstate what passes), shortened
// only when the shortest exact text is long (100 / 1.5).
std::string end_text(double x) {
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  std::string exact = fmt::format("{}", x);
  if (x == std::trunc(x) && std::fabs(x) < 1e15) exact = fmt::format("{:.0f}", x);
  return exact.size() <= 10 ? exact : fmt::format("{:.6g}", x);
}
}  // namespace

std::string Band::to_string() const {
  const char open = low_open || std::isinf(low) ? '(' : '[';
  const char close = high_open || std::isinf(high) ? ')' : ']';
  return fmt::format("{}{}, {}{}", open, end_text(low), end_text(high), close);
}

Band within_factor(double target, double factor) { return {target / factor, target * factor}; }

std::string short_number(double x) {
  if (std::isnan(x)) return "n/a";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (std::fabs(x) >= 100.0) return fmt::format("{:.0f}", x);
  if (x == 0.0) return "0";
  return fmt::format("{:.3g}", x);
}

}  // namespace insim::validation
