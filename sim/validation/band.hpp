#pragma once
// The range a checked quantity must fall in. Ends are closed unless marked open; an infinite
// end is written "inf" with a round bracket and admits an infinite value (a ratio of something
// to nothing counts as above any finite bound).
#include <limits>
#include <string>

namespace insim::validation {

inline constexpr double kInf = std::numeric_limits<double>::infinity();

struct Band {
  double low = -kInf;
  double high = kInf;
  bool low_open = false;
  bool high_open = false;

  [[nodiscard]] bool contains(double x) const;
  // "[0.33, 0.75]", "[179.5, 718]", "[2, inf)", "(-inf, 0)": ends as given, not rounded.
  [[nodiscard]] std::string to_string() const;
};

// [target / factor, target * factor]: within a factor of the target, above or below.
[[nodiscard]] Band within_factor(double target, double factor);

// A number as the table shows it: up to three significant digits, whole numbers from 100 up
// (400000, not 4e+05), "inf", "-inf", "n/a" for NaN.
[[nodiscard]] std::string short_number(double x);

}  // namespace insim::validation
