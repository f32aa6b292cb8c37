#pragma once
// Saltelli's (2010) scheme for first-order and total Sobol' indices: two independent base
// matrices A and B (N x d) and, for each parameter i, AB_i = A with column i taken from B.
// N * (d + 2) model runs in all.
//
// Rows are grouped by base sample so that any prefix of whole groups is itself a valid design:
// group j holds A_j, AB_1j, ..., AB_dj, B_j at rows j * (d + 2) + 0, 1..d, d + 1.
#include <cstddef>

#include "analysis/sobol_sequence.hpp"
#include "analysis/unit_design.hpp"

namespace insim::analysis {

struct SaltelliDesign {
  std::size_t base_samples = 0;  // N
  std::size_t parameters = 0;    // d
  UnitDesign points;             // N * (d + 2) rows of d columns, in the order above

  [[nodiscard]] std::size_t group_size() const { return parameters + 2; }
  [[nodiscard]] std::size_t row_a(std::size_t j) const { return j * group_size(); }
  [[nodiscard]] std::size_t row_ab(std::size_t j, std::size_t i) const {
    return j * group_size() + 1 + i;
  }
  [[nodiscard]] std::size_t row_b(std::size_t j) const { return j * group_size() + parameters + 1; }
};

// A and B from the columns 0..d-1 and d..2d-1 of a 2d-dimensional Sobol' sequence (as SALib
// does), so d <= 16. N must be a power of two (the sequence is balanced only then).
// Throws std::invalid_argument otherwise.
[[nodiscard]] SaltelliDesign saltelli_design(std::size_t base_samples, std::size_t parameters,
                                             SobolOptions options = {});

// The same scheme on any base design of 2d columns, e.g. a simple random one: A = its first d
// columns, B = its last d. Throws std::invalid_argument when its columns are not even.
[[nodiscard]] SaltelliDesign saltelli_design(const UnitDesign& a_and_b);

}  // namespace insim::analysis
