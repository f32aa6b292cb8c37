#pragma once
// The cells an agent sees: a shape of radius v around it, stored as row spans (dy, half-width),
// so that a count over the shape is one span per row, and as a flat offset list (own cell
// excluded) for uniform random picks.
#include <cstdint>
#include <span>
#include <vector>

#include "models/epstein/epstein_def.hpp"

namespace insim::epstein {

struct RowSpan {
  std::int32_t dy;          // row offset, -v .. v
  std::int32_t half_width;  // the row covers dx in [-half_width, half_width]
};

struct Offset {
  std::int32_t dx;
  std::int32_t dy;
};

class Vision {
 public:
  Vision(VisionShape shape, std::int32_t radius);

  // Whether displacement (dx, dy) lies in the shape (the torus-shortest displacement).
  [[nodiscard]] bool contains(std::int32_t dx, std::int32_t dy) const;
  [[nodiscard]] std::span<const RowSpan> rows() const { return rows_; }
  // Every displacement in the shape except (0, 0), rows top to bottom, left to right.
  [[nodiscard]] std::span<const Offset> offsets() const { return offsets_; }
  [[nodiscard]] std::int32_t radius() const { return radius_; }
  [[nodiscard]] VisionShape shape() const { return shape_; }

 private:
  VisionShape shape_;
  std::int32_t radius_;
  std::vector<RowSpan> rows_;
  std::vector<Offset> offsets_;
};

}  // namespace insim::epstein
