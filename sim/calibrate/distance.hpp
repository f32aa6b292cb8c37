#pragma once
// How far a candidate's runs are from the targets. Each target gives a term on a logarithmic
// scale: deaths and displaced people span orders of magnitude (UCDP counts 198 deaths in 2016 and
// 1,281 in 2018; IDP snapshots run from 30,000 to 400,000), so a run twice too high should be as
// far off in 2016 as in 2018, and a difference of 100 people should not outweigh everything
// else. The candidate's distance is the root mean square of the weighted terms.
#include <span>

#include "validation/band.hpp"

namespace insim::calibrate {

// sign(x) ln(1 + |x|): ln(1 + x) for the counts and shares the targets are, and defined for the
// differences and correlations some checks measure (P4a, rank, P11), which may be negative.
[[nodiscard]] double log_scale(double x);

// An observed target's term: ln((simulated + 1) / (observed + 1)) for non-negative values (+1
// so that a count of 0 is a finite distance from a small count).
[[nodiscard]] double observed_term(double simulated, double observed);

// A band check's term: 0 inside the band (or at an open end), else the log-scale distance to the
// nearest end, log_scale(value) - log_scale(end). +-inf for an infinite value outside a finite
// end; NaN for NaN.
[[nodiscard]] double band_term(double value, const validation::Band& band);

// sqrt(sum_i (weight_i term_i)^2 / n). NaN when a term is NaN (the candidate cannot be judged);
// +inf when one is infinite. Throws std::invalid_argument when the sizes differ or n = 0.
[[nodiscard]] double rms_distance(std::span<const double> terms, std::span<const double> weights);

}  // namespace insim::calibrate
