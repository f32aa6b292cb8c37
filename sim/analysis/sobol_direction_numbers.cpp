#include "analysis/sobol_direction_numbers.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace insim::analysis {
namespace {

// Joe, S. & Kuo, F. Y. (2008). Constructing Sobol sequences with better two-dimensional
// projections. SIAM J. Sci. Comput. 30(5), 2635-2654. Lines d = 2..32 of their file
// "new-joe-kuo-6.21201" (columns d, s, a, m_i), https://web.maths.unsw.edu.au/~fkuo/sobol/.
// The same numbers drive SciPy's and SALib's Sobol' generators.
constexpr std::array<JoeKuoLine, kSobolMaxDims - 1> kLines = {{
    {1, 0, {1}},                         // d = 2
    {2, 1, {1, 3}},                      // d = 3
    {3, 1, {1, 3, 1}},                   // d = 4
    {3, 2, {1, 1, 1}},                   // d = 5
    {4, 1, {1, 1, 3, 3}},                // d = 6
    {4, 4, {1, 3, 5, 13}},               // d = 7
    {5, 2, {1, 1, 5, 5, 17}},            // d = 8
    {5, 4, {1, 1, 5, 5, 5}},             // d = 9
    {5, 7, {1, 1, 7, 11, 19}},           // d = 10
    {5, 11, {1, 1, 5, 1, 1}},            // d = 11
    {5, 13, {1, 1, 1, 3, 11}},           // d = 12
    {5, 14, {1, 3, 5, 5, 31}},           // d = 13
    {6, 1, {1, 3, 3, 9, 7, 49}},         // d = 14
    {6, 13, {1, 1, 1, 15, 21, 21}},      // d = 15
    {6, 16, {1, 3, 1, 13, 27, 49}},      // d = 16
    {6, 19, {1, 1, 1, 15, 7, 5}},        // d = 17
    {6, 22, {1, 3, 1, 15, 13, 25}},      // d = 18
    {6, 25, {1, 1, 5, 5, 19, 61}},       // d = 19
    {7, 1, {1, 3, 7, 11, 23, 15, 103}},  // d = 20
    {7, 4, {1, 3, 7, 13, 13, 15, 69}},   // d = 21
    {7, 7, {1, 1, 3, 13, 7, 35, 63}},    // d = 22
    {7, 8, {1, 3, 5, 9, 1, 25, 53}},     // d = 23
    {7, 14, {1, 3, 1, 13, 9, 35, 107}},  // d = 24
    {7, 19, {1, 3, 1, 5, 27, 61, 31}},   // d = 25
    {7, 21, {1, 1, 5, 11, 19, 41, 61}},  // d = 26
    {7, 28, {1, 3, 5, 3, 3, 13, 69}},    // d = 27
    {7, 31, {1, 1, 7, 13, 1, 19, 1}},    // d = 28
    {7, 32, {1, 3, 7, 5, 13, 19, 59}},   // d = 29
    {7, 37, {1, 1, 3, 9, 25, 29, 41}},   // d = 30
    {7, 41, {1, 3, 5, 13, 23, 1, 55}},   // d = 31
    {7, 42, {1, 3, 7, 3, 13, 59, 17}},   // d = 32
}};

// Bratley & Fox (1988) recurrence, as in Joe & Kuo's reference code: for k > s,
// V_k = V_(k-s) xor (V_(k-s) >> s) xor sum over i = 1..s-1 of a_i V_(k-i).
constexpr std::array<SobolDirections, kSobolMaxDims> make_directions() {
  std::array<SobolDirections, kSobolMaxDims> v{};
  for (int k = 1; k <= kSobolBits; ++k) v[0][k - 1] = std::uint32_t{1} << (kSobolBits - k);
  for (std::size_t dim = 2; dim <= kSobolMaxDims; ++dim) {
    const JoeKuoLine& line = kLines[dim - 2];
    const int s = static_cast<int>(line.s);
    SobolDirections& vd = v[dim - 1];
    for (int k = 1; k <= kSobolBits; ++k) {
      if (k <= s) {
        vd[k - 1] = static_cast<std::uint32_t>(line.m[k - 1]) << (kSobolBits - k);
        continue;
      }
      std::uint32_t x = vd[k - s - 1] ^ (vd[k - s - 1] >> s);
      for (int i = 1; i < s; ++i) {
        if ((line.a >> (s - 1 - i)) & 1u) x ^= vd[k - i - 1];
      }
      vd[k - 1] = x;
    }
  }
  return v;
}

constexpr std::array<SobolDirections, kSobolMaxDims> kDirections = make_directions();

}  // namespace

std::span<const JoeKuoLine> joe_kuo_lines() { return kLines; }

const SobolDirections& sobol_directions(std::size_t dim) {
  if (dim < 1 || dim > kSobolMaxDims) {
    throw std::invalid_argument(fmt::format(
        "Sobol' directions: dimension {} is outside 1..{} (the direction numbers typed in)", dim,
        kSobolMaxDims));
  }
  return kDirections[dim - 1];
}

}  // namespace insim::analysis
