#include "models/epstein/vision.hpp"

#include <cstdlib>

namespace insim::epstein {

namespace {
// Widest |dx| in row dy; exact integer arithmetic so that Euclidean shapes have no rounding.
std::int32_t half_width(VisionShape shape, std::int32_t v, std::int32_t dy) {
  const std::int32_t ady = std::abs(dy);
  switch (shape) {
    case VisionShape::von_neumann:
      return v - ady;
    case VisionShape::moore:
      return v;
    case VisionShape::euclidean: {
      std::int32_t h = 0;
      while ((h + 1) * (h + 1) + ady * ady <= v * v) ++h;
      return h;
    }
  }
  return 0;
}
}  // namespace

Vision::Vision(VisionShape shape, std::int32_t radius) : shape_(shape), radius_(radius) {
  for (std::int32_t dy = -radius; dy <= radius; ++dy) {
    const std::int32_t h = half_width(shape, radius, dy);
    rows_.push_back({dy, h});
    for (std::int32_t dx = -h; dx <= h; ++dx)
      if (dx != 0 || dy != 0) offsets_.push_back({dx, dy});
  }
}

bool Vision::contains(std::int32_t dx, std::int32_t dy) const {
  if (std::abs(dy) > radius_) return false;
  return std::abs(dx) <= half_width(shape_, radius_, dy);
}

}  // namespace insim::epstein
