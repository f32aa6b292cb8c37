#pragma once
// Differences between two scenarios run with the same seeds: replicate i of the alternative and
// replicate i of the base share their random numbers, so their difference is far less noisy than
// two independent samples (common random numbers).
#include <span>

namespace insim::stats {

struct Interval {
  double estimate = 0.0;
  double low = 0.0;
  double high = 0.0;
};

struct PairedDifference {
  std::size_t n = 0;
  double level = 0.95;  // of both intervals
  double base_mean = 0.0;
  double alternative_mean = 0.0;
  Interval absolute;  // mean of (alt_i - base_i), Student's t interval
  // false when the base mean is 0, fewer than 2 pairs are usable, or the base mean is so noisy
  // (not significantly different from 0) that Fieller's interval for the ratio is unbounded.
  bool relative_defined = false;
  // alt_mean / base_mean - 1 with Fieller's interval for the ratio of paired means (NaN when
  // !relative_defined). When defined it contains 0 exactly when the absolute interval does: at
  // ratio 1 Fieller's test is the paired t test.
  Interval relative;
  bool spans_zero = false;  // absolute.low <= 0 <= absolute.high
};

// base[i] and alternative[i] come from replicate i (same seed). Requires equal sizes, n >= 2
// (throws std::invalid_argument otherwise) and 0 < level < 1. With every difference equal the
// interval has zero width. Pairs with NaN on either side are left out (n counts the pairs used);
// with fewer than 2 usable pairs the intervals are NaN.
[[nodiscard]] PairedDifference paired_difference(std::span<const double> base,
                                                 std::span<const double> alternative,
                                                 double level = 0.95);

// Quantile of Student's t distribution with `df` degrees of freedom (df > 0), 0 < p < 1.
[[nodiscard]] double student_t_quantile(double p, double df);

}  // namespace insim::stats
