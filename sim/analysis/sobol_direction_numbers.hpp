#pragma once
// Direction numbers of the Sobol' sequence for the first 32 dimensions (Joe & Kuo 2008).
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace insim::analysis {

inline constexpr std::size_t kSobolMaxDims = 32;
inline constexpr int kSobolBits = 32;  // points are multiples of 2^-32: at most 2^32 of them

// One line of Joe & Kuo's table: primitive polynomial x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1
// of degree s, whose inner coefficients a_1..a_(s-1) are the bits of `a` (a_1 the highest), and
// the initial direction numbers m_1..m_s (odd, m_k < 2^k).
struct JoeKuoLine {
  unsigned s;
  unsigned a;
  std::array<unsigned, 7> m;  // m[k - 1] = m_k; zeros past s
};

// Lines for dimensions 2..32 (dimension 1 is the van der Corput sequence: all m_k = 1).
[[nodiscard]] std::span<const JoeKuoLine> joe_kuo_lines();

// V_k = m_k * 2^(32 - k) for k = 1..32 of dimension `dim` (1-based, 1..32), stored at [k - 1].
using SobolDirections = std::array<std::uint32_t, kSobolBits>;
[[nodiscard]] const SobolDirections& sobol_directions(std::size_t dim);

}  // namespace insim::analysis
