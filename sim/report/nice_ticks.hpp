#pragma once
// Axis ticks a reader can count in: multiples of 1, 2 or 5 x 10^k.
#include <vector>

namespace insim::report {

struct Ticks {
  std::vector<double> values;  // ascending; the first and last bound the axis
  double step = 1.0;
  int decimals = 0;  // digits after the point that spell every tick exactly
};

// About `target` intervals covering [low, high]. An empty or degenerate range ([v, v], NaN)
// gets the ticks of [min(v, 0), max(v, 0)], or [0, 1] when v is 0.
[[nodiscard]] Ticks nice_ticks(double low, double high, int target = 5);

// The largest 1, 2 or 5 x 10^k not above `value` (> 0): 730 -> 500, 0.3 -> 0.2.
[[nodiscard]] double nice_floor(double value);

}  // namespace insim::report
