#pragma once
// Latin hypercube sampling (McKay, Beckman & Conover 1979): each parameter's range is cut into
// n equal strata and each stratum holds exactly one point; the strata are paired across
// parameters by independent random permutations, and each point lies uniformly at random
// within its stratum.
#include <cstddef>
#include <cstdint>

#include "analysis/unit_design.hpp"

namespace insim::analysis {

// Column j of row i lies in [pi_j(i) / n, (pi_j(i) + 1) / n) for a permutation pi_j of 0..n-1.
// Throws std::invalid_argument for n = 0 or d = 0.
[[nodiscard]] UnitDesign latin_hypercube(std::size_t n, std::size_t d, std::uint64_t seed);

}  // namespace insim::analysis
