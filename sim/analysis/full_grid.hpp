#pragma once
// Full factorial grid: every combination of levels[j] equally spaced values per parameter.
#include <cstddef>
#include <span>

#include "analysis/unit_design.hpp"

namespace insim::analysis {

// Level k of L is k / (L - 1), so the grid includes both ends of each range (0 and 1); a
// parameter with one level sits at 0.5. Rows in lexicographic order, the last parameter varying
// fastest. d = levels.size() >= 1, every levels[j] >= 1; throws std::invalid_argument otherwise.
[[nodiscard]] UnitDesign full_grid(std::span<const std::size_t> levels);

}  // namespace insim::analysis
