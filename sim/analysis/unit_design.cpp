#include "analysis/unit_design.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <stdexcept>

namespace insim::analysis {

void require_design_size(const char* design, std::size_t n, std::size_t d) {
  if (d == 0) {
    throw std::invalid_argument(
        fmt::format("{}: the number of parameters d must be at least 1 (got 0)", design));
  }
  if (n == 0) {
    throw std::invalid_argument(
        fmt::format("{}: the number of points n must be at least 1 (got 0)", design));
  }
  // 2^32 points: beyond any sweep, and the limit of 32-bit Sobol' direction numbers.
  constexpr std::size_t kMaxPoints = std::size_t{1} << 32;
  if (n > kMaxPoints || d > kMaxPoints / n) {
    throw std::invalid_argument(fmt::format(
        "{}: n = {} points of d = {} parameters is too large (n * d must be at most 2^32)", design,
        n, d));
  }
}

}  // namespace insim::analysis
