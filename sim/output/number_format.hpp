#pragma once
// How every number in the outputs is spelled, so that files compare byte for byte across runs,
// thread counts and machines: integral values as integers (no ".0", no exponent) and other
// reals as the shortest text that reads back to the same double (fmt "{}").
#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <iterator>

namespace insim::output {

// Integral doubles up to 2^53 in magnitude are exact integers; beyond that "{}" is exact too.
inline constexpr double kLargestExactInteger = 9007199254740992.0;

template <class OutputIt>
OutputIt format_number(OutputIt out, double value) {
  if (value == std::trunc(value) && std::fabs(value) <= kLargestExactInteger) {
    return fmt::format_to(out, "{}", static_cast<std::int64_t>(value));  // -0.0 prints "0"
  }
  return fmt::format_to(out, "{}", value);
}

[[nodiscard]] inline std::string format_number(double value) {
  std::string s;
  format_number(std::back_inserter(s), value);
  return s;
}

}  // namespace insim::output
