#pragma once
// First-order and total Sobol' indices from the model outputs of a Saltelli design
// (docs/sensitivity.md), with bootstrap percentile intervals over the base samples.
#include <cstddef>
#include <span>
#include <vector>

#include "analysis/bootstrap.hpp"

namespace insim::analysis {

struct SobolIndices {
  std::size_t base_samples_used = 0;  // groups whose d + 2 outputs are all finite
  double variance = 0.0;              // V(Y), from the outputs of A and B
  double level = 0.95;                // of the intervals
  // S_i = (1/N) sum_j f(B)_j (f(AB_i)_j - f(A)_j) / V(Y)   (Saltelli et al. 2010, table 2 (b))
  std::vector<stats::Interval> first_order;
  // ST_i = (1/2N) sum_j (f(A)_j - f(AB_i)_j)^2 / V(Y)     (Jansen 1999; Saltelli et al. 2010 (f))
  std::vector<stats::Interval> total;
};

// outputs[r] is the model output of row r of a SaltelliDesign with `parameters` = d, in its
// row order (groups of d + 2: A_j, AB_1j..AB_dj, B_j). A group with any non-finite output (a
// failed run) is left out whole. Throws std::invalid_argument when d = 0, the size is not a
// multiple of d + 2, fewer than 2 groups are usable, or the options are bad. Indices are NaN
// when the usable outputs of A and B have no variance.
[[nodiscard]] SobolIndices sobol_indices(std::span<const double> outputs, std::size_t parameters,
                                         const BootstrapOptions& options = {});

}  // namespace insim::analysis
