#include "analysis/sobol_sequence.hpp"

#include <fmt/format.h>

#include <bit>
#include <stdexcept>
#include <vector>

#include "analysis/sobol_direction_numbers.hpp"
#include "analysis/streams.hpp"

namespace insim::analysis {

UnitDesign sobol_sequence(std::size_t n, std::size_t d, SobolOptions options) {
  require_design_size("Sobol' sequence", n, d);
  if (d > kSobolMaxDims) {
    throw std::invalid_argument(fmt::format(
        "Sobol' sequence: d = {} dimensions, but direction numbers are typed in for at most {} "
        "(add lines of Joe & Kuo's table to sobol_direction_numbers.cpp for more)",
        d, kSobolMaxDims));
  }
  std::vector<std::uint32_t> shift(d, 0);
  if (options.digital_shift) {
    rng::CounterRng g = draws(options.seed, Stream::sobol_shift, 0, 0);
    for (std::size_t j = 0; j < d; ++j) shift[j] = static_cast<std::uint32_t>(g.next_u64() >> 32);
  }
  std::vector<const SobolDirections*> v(d);
  for (std::size_t j = 0; j < d; ++j) v[j] = &sobol_directions(j + 1);

  UnitDesign design(n, d);
  std::vector<std::uint32_t> x(d, 0);  // point i as 32-bit fractions; point 0 is the origin
  constexpr double kScale = 0x1.0p-32;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) {
      // Gray-code order: point i differs from point i - 1 by the direction number of the
      // lowest zero bit of i - 1, which is the lowest set bit of i.
      const int c = std::countr_zero(static_cast<std::uint64_t>(i));
      for (std::size_t j = 0; j < d; ++j) x[j] ^= (*v[j])[c];
    }
    for (std::size_t j = 0; j < d; ++j) design(i, j) = (x[j] ^ shift[j]) * kScale;
  }
  return design;
}

}  // namespace insim::analysis
