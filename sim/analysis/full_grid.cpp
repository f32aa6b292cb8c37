#include "analysis/full_grid.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace insim::analysis {

UnitDesign full_grid(std::span<const std::size_t> levels) {
  const std::size_t d = levels.size();
  if (d == 0) throw std::invalid_argument("full grid: give the levels of at least 1 parameter");
  std::size_t n = 1;
  for (std::size_t j = 0; j < d; ++j) {
    if (levels[j] == 0) {
      throw std::invalid_argument(
          fmt::format("full grid: parameter {} has 0 levels; each needs at least 1", j));
    }
    if (n > (std::size_t{1} << 32) / levels[j]) {
      throw std::invalid_argument("full grid: more than 2^32 combinations of levels");
    }
    n *= levels[j];
  }
  require_design_size("full grid", n, d);

  UnitDesign design(n, d);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t rest = i;  // mixed-radix digits of i, the last parameter the least significant
    for (std::size_t j = d; j-- > 0;) {
      const std::size_t level_count = levels[j];
      const std::size_t k = rest % level_count;
      rest /= level_count;
      design(i, j) =
          level_count == 1 ? 0.5 : static_cast<double>(k) / static_cast<double>(level_count - 1);
    }
  }
  return design;
}

}  // namespace insim::analysis
