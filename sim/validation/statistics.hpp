#pragma once
// Statistics over a handful of numbers: one value per run, or one per year. Values that could
// not be computed (NaN) are the caller's to leave out; these functions take finite or infinite
// values only, in a fixed order, so the result is the same for any thread count.
#include <span>
#include <vector>

namespace insim::validation {

[[nodiscard]] double mean(std::span<const double> values);  // NaN for none

// The p-th percentile (p in [0, 100]) by linear interpolation between closest ranks (Hyndman
// and Fan's type 7, NumPy's and R's default): rank h = (n - 1) p / 100 in the sorted values.
// NaN for none.
[[nodiscard]] double percentile(std::span<const double> values, double p);

// Ranks 1..n, ties sharing the mean of the ranks they span (so [5, 1, 5] -> [2.5, 1, 2.5]).
[[nodiscard]] std::vector<double> ranks(std::span<const double> values);

// Spearman's rank correlation: Pearson's correlation of the ranks (ties as above). NaN when the
// sizes differ, there are fewer than two pairs, or either side has all values equal.
[[nodiscard]] double spearman(std::span<const double> x, std::span<const double> y);

// x / y for counts and shares: NaN for 0 / 0 (nothing to compare), +inf for x > 0 over 0.
[[nodiscard]] double ratio(double x, double y);

}  // namespace insim::validation
