#pragma once
// Sobol' low-discrepancy sequence (Sobol' 1967) with Joe & Kuo's (2008) direction numbers, in
// Gray-code order (Antonov & Saleev 1979), as SciPy and SALib generate it.
//
// The first point, the origin, is kept (Owen 2022, "On dropping the first Sobol' point"):
// the first 2^m points form a (t, m, d)-net only with it, and dropping it biases estimates.
// Every parameter mapping accepts u = 0 (it maps to the lower bound).
#include <cstddef>
#include <cstdint>

#include "analysis/unit_design.hpp"

namespace insim::analysis {

struct SobolOptions {
  // Random digital shift (XOR of each coordinate's 32 bits with a random word per dimension,
  // keyed by seed): randomised quasi-Monte Carlo that keeps the net property. Off: the
  // published, deterministic sequence.
  bool digital_shift = false;
  std::uint64_t seed = 0;
};

// n points of d dimensions, 1 <= d <= 32, 1 <= n <= 2^32; any n is allowed, but the
// sequence is balanced only at powers of two. Throws std::invalid_argument otherwise.
[[nodiscard]] UnitDesign sobol_sequence(std::size_t n, std::size_t d, SobolOptions options = {});

}  // namespace insim::analysis
