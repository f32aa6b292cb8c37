#pragma once
// Geometry of the width x height torus: cell index = y * width + x.
#include <cstdint>
#include <cstdlib>

namespace insim::epstein {

struct Torus {
  std::int32_t width = 0;
  std::int32_t height = 0;

  [[nodiscard]] std::int32_t cells() const { return width * height; }
  [[nodiscard]] std::int32_t cell(std::int32_t x, std::int32_t y) const { return y * width + x; }
  [[nodiscard]] std::int32_t x_of(std::int32_t cell) const { return cell % width; }
  [[nodiscard]] std::int32_t y_of(std::int32_t cell) const { return cell / width; }
  // Wraps a coordinate that is at most one period outside [0, n).
  [[nodiscard]] static std::int32_t wrap(std::int32_t v, std::int32_t n) {
    return v < 0 ? v + n : (v >= n ? v - n : v);
  }
  // The cell at displacement (dx, dy) from `from`; |dx| <= width, |dy| <= height.
  [[nodiscard]] std::int32_t offset(std::int32_t from, std::int32_t dx, std::int32_t dy) const {
    return cell(wrap(x_of(from) + dx, width), wrap(y_of(from) + dy, height));
  }
  // Shortest signed displacement from a to b along one axis of period n, in (-n/2, n/2].
  [[nodiscard]] static std::int32_t delta(std::int32_t a, std::int32_t b, std::int32_t n) {
    std::int32_t d = (b - a) % n;
    if (d < 0) d += n;
    return d > n / 2 ? d - n : d;
  }
  [[nodiscard]] std::int32_t dx(std::int32_t from, std::int32_t to) const {
    return delta(x_of(from), x_of(to), width);
  }
  [[nodiscard]] std::int32_t dy(std::int32_t from, std::int32_t to) const {
    return delta(y_of(from), y_of(to), height);
  }
};

}  // namespace insim::epstein
