#include "analysis/saltelli_design.hpp"

#include <fmt/format.h>

#include <bit>
#include <stdexcept>

#include "analysis/sobol_direction_numbers.hpp"

namespace insim::analysis {

SaltelliDesign saltelli_design(std::size_t base_samples, std::size_t parameters,
                               SobolOptions options) {
  if (parameters == 0) {
    throw std::invalid_argument("Saltelli design: the number of parameters d must be at least 1");
  }
  if (parameters > kSobolMaxDims / 2) {
    throw std::invalid_argument(fmt::format(
        "Saltelli design: d = {} parameters need {} Sobol' dimensions, but at most {} are typed "
        "in, so d must be at most {}",
        parameters, 2 * parameters, kSobolMaxDims, kSobolMaxDims / 2));
  }
  if (!std::has_single_bit(base_samples)) {
    throw std::invalid_argument(fmt::format(
        "Saltelli design: the number of base samples N = {} must be a power of two (e.g. {}), "
        "where the Sobol' sequence is balanced",
        base_samples, base_samples == 0 ? 1 : std::bit_ceil(base_samples)));
  }
  return saltelli_design(sobol_sequence(base_samples, 2 * parameters, options));
}

SaltelliDesign saltelli_design(const UnitDesign& a_and_b) {
  if (a_and_b.dims == 0 || a_and_b.dims % 2 != 0) {
    throw std::invalid_argument(fmt::format(
        "Saltelli design: the base design needs an even number 2d >= 2 of columns (A then B), "
        "got {}",
        a_and_b.dims));
  }
  require_design_size("Saltelli design", a_and_b.rows, a_and_b.dims);
  const std::size_t n = a_and_b.rows;
  const std::size_t d = a_and_b.dims / 2;
  SaltelliDesign s;
  s.base_samples = n;
  s.parameters = d;
  require_design_size("Saltelli design", n * s.group_size(), d);
  s.points = UnitDesign(n * s.group_size(), d);
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t k = 0; k < d; ++k) {
      const double a = a_and_b(j, k);
      const double b = a_and_b(j, d + k);
      s.points(s.row_a(j), k) = a;
      s.points(s.row_b(j), k) = b;
      for (std::size_t i = 0; i < d; ++i) s.points(s.row_ab(j, i), k) = i == k ? b : a;
    }
  }
  return s;
}

}  // namespace insim::analysis
