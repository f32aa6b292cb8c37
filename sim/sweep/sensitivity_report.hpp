#pragma once
// What `insim analyze sensitivity` prints and writes: the table (what was used, one row per
// parameter with its indices and intervals, most important first) and the plain lines saying
// which parameters matter; the CSV of the indices (the plan's parameter order).
#include <string>

#include "sweep/sensitivity_analysis.hpp"

namespace insim::sweep {

// A parameter "matters little" below these: a total index of 0.05 (5% of the variance, its
// interactions included), the common screening threshold; a mu* under a tenth of the largest.
inline constexpr double kSmallTotalIndex = 0.05;
inline constexpr double kSmallMuStarShare = 0.1;

// The report for a terminal: header lines (metric, design, runs used and left out, replicates,
// intervals), the table, then the sentences. `database` is the file as the user named it.
[[nodiscard]] std::string sensitivity_text(const SensitivityResult& result,
                                           const std::string& database);

// Sentences naming the parameters that matter most and those that matter little (and, for
// Sobol', the share of variance left to interactions; for Morris, the parameters whose effects
// vary along the trajectories). Part of sensitivity_text().
[[nodiscard]] std::string importance_summary(const SensitivityResult& result);

// One row per parameter in the plan's order, numbers as in every output (shortest round trip),
// an empty field for an undefined value. Sobol': parameter, first_order, first_order_low,
// first_order_high, total, total_low, total_high. Morris: parameter, mu_star, mu_star_low,
// mu_star_high, mu, sigma.
[[nodiscard]] std::string sensitivity_csv(const SensitivityResult& result);

}  // namespace insim::sweep
