#pragma once
// The plain sentence under each row of the table of differences, for readers who do not read
// confidence intervals: the change, its interval in words, and whether the runs can tell the
// scenarios apart at all.
#include <string>
#include <string_view>

#include "stats/paired.hpp"

namespace insim::compare {

// One plain sentence for a row of the differences table, e.g.
//   In "France stays after 2022", civilians killed from 2022-01 to 2025-12 are 31% lower
//   (95% CI 22% to 40% lower) than in the baseline.
// When the interval spans zero it says so: "... 3% higher (95% CI from 5% lower to 11%
// higher) than in the baseline; the runs cannot tell the two apart."
// When the relative difference is undefined (base mean 0, or too noisy for a ratio) it gives
// absolute numbers with the unit: "... 12 people more (95% CI 4 to 20) than in the baseline (0)".
// `base_label` is read after "in" ("the baseline"); `window` may be empty. Counts take "more"
// and "fewer"; a unit starting with "%" is spoken of in percentage points, "higher" and "lower".
// With too few runs to estimate anything the sentence says that instead; never "NaN" or "-0%".
[[nodiscard]] std::string difference_sentence(std::string_view scenario_label,
                                              std::string_view outcome, std::string_view unit,
                                              std::string_view window, std::string_view base_label,
                                              const stats::PairedDifference& d);

// How the sentence spells a number, for readers rather than files: magnitudes of 1000 and more
// keep 3 significant figures with thousands separators ("12,437" -> "12,400"), 10 to 1000 are
// whole, 1 to 10 keep one decimal and below 1 two, trailing zeros dropped; never "-0".
// Non-finite values read "n/a".
[[nodiscard]] std::string plain_number(double value);
// A share as a percentage (0.314 -> "31%", 0.034 -> "3.4%", 0.03 -> "3%"), never "-0%".
[[nodiscard]] std::string plain_percent(double share);

}  // namespace insim::compare
