#pragma once
// Simple random sampling: independent uniform points (plain Monte Carlo).
#include <cstddef>
#include <cstdint>

#include "analysis/unit_design.hpp"

namespace insim::analysis {

// Row i depends only on (seed, i), so the first rows of a larger design equal a smaller one.
// Throws std::invalid_argument for n = 0 or d = 0.
[[nodiscard]] UnitDesign simple_random(std::size_t n, std::size_t d, std::uint64_t seed);

}  // namespace insim::analysis
