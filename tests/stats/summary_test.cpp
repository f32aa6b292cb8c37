#include "stats/summary.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

using insim::stats::quantile_sorted;
using insim::stats::summarise;
using insim::stats::Summary;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

// Expected values from the type 7 definition: h = (n - 1) p, x[floor h] + (h - floor h) *
// (x[floor h + 1] - x[floor h]) on 0-based sorted values (what R's quantile() and numpy's
// percentile() return by default).
TEST_CASE("quantile: type 7 interpolates between order statistics as R and numpy do",
          "[stats][summary]") {
  const std::vector<double> x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  CHECK(quantile_sorted(x, 0.0) == 1.0);
  CHECK(quantile_sorted(x, 1.0) == 10.0);
  CHECK(quantile_sorted(x, 0.5) == Approx(5.5));    // h = 4.5
  CHECK(quantile_sorted(x, 0.25) == Approx(3.25));  // h = 2.25
  CHECK(quantile_sorted(x, 0.05) == Approx(1.45));  // h = 0.45
  CHECK(quantile_sorted(x, 0.95) == Approx(9.55));  // h = 8.55

  const std::vector<double> uneven = {0.5, 2.0, 2.0, 7.0, 20.0};
  CHECK(quantile_sorted(uneven, 0.1) == Approx(1.1));   // h = 0.4: 0.5 + 0.4 * 1.5
  CHECK(quantile_sorted(uneven, 0.75) == Approx(7.0));  // h = 3 exactly
  CHECK(quantile_sorted(uneven, 0.9) == Approx(14.8));  // h = 3.6: 7 + 0.6 * 13
}

TEST_CASE("quantile: no values give NaN and p outside 0..1 is refused", "[stats][summary]") {
  CHECK(std::isnan(quantile_sorted({}, 0.5)));
  const std::vector<double> x = {1, 2};
  CHECK_THROWS_AS(quantile_sorted(x, -0.1), std::invalid_argument);
  CHECK_THROWS_AS(quantile_sorted(x, 1.5), std::invalid_argument);
  CHECK_THROWS_AS(quantile_sorted(x, kNaN), std::invalid_argument);
}

TEST_CASE("summary: mean and band quantiles of unsorted values", "[stats][summary]") {
  std::vector<double> v = {9, 3, 7, 1, 5, 10, 2, 8, 4, 6};
  const Summary s = summarise(v);
  CHECK(s.count == 10);
  CHECK(s.mean == Approx(5.5));
  CHECK(s.p5 == Approx(1.45));
  CHECK(s.p25 == Approx(3.25));
  CHECK(s.p50 == Approx(5.5));
  CHECK(s.p75 == Approx(7.75));
  CHECK(s.p95 == Approx(9.55));
}

TEST_CASE("summary: NaN values are left out of every field", "[stats][summary]") {
  std::vector<double> v = {kNaN, 4.0, kNaN, 1.0, 2.0, kNaN, 3.0};
  const Summary s = summarise(v);
  CHECK(s.count == 4);
  CHECK(s.mean == Approx(2.5));
  CHECK(s.p50 == Approx(2.5));
  CHECK(s.p5 == Approx(1.15));  // h = 0.15 over {1, 2, 3, 4}
  CHECK(s.p95 == Approx(3.85));
}

TEST_CASE("summary: a single value is every quantile and the mean", "[stats][summary]") {
  std::vector<double> v = {42.0};
  const Summary s = summarise(v);
  CHECK(s.count == 1);
  for (double q : {s.mean, s.p5, s.p25, s.p50, s.p75, s.p95}) CHECK(q == 42.0);
}

TEST_CASE("summary: all NaN or no values give NaN fields and count 0", "[stats][summary]") {
  std::vector<double> v = {kNaN, kNaN, kNaN};
  for (const Summary& s : {summarise(v), summarise({})}) {
    CHECK(s.count == 0);
    for (double q : {s.mean, s.p5, s.p25, s.p50, s.p75, s.p95}) CHECK(std::isnan(q));
  }
}

TEST_CASE("summary: the result does not depend on the order of the values", "[stats][summary]") {
  std::vector<double> a = {0.1, 0.2, 0.3, 1e16, -1e16, 0.7};
  std::vector<double> b = {-1e16, 0.7, 0.3, 0.1, 1e16, 0.2};
  const Summary sa = summarise(a), sb = summarise(b);
  CHECK(sa.mean == sb.mean);  // bitwise: summed in sorted order
  CHECK(sa.p25 == sb.p25);
}

TEST_CASE("summary: infinite values are ordered, not turned into NaN", "[stats][summary]") {
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> v = {1.0, inf, inf};
  const Summary s = summarise(v);
  CHECK(s.p50 == inf);
  CHECK(s.p95 == inf);  // between two infinite order statistics: not inf + 0.9 * (inf - inf)
}
