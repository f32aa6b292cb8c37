#include "validation/statistics.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "validation/band.hpp"

using namespace insim::validation;

TEST_CASE("validation statistics: the mean of a few values, NaN for none", "[validation]") {
  const std::vector<double> v{1.0, 2.0, 6.0};
  CHECK(mean(v) == 3.0);
  CHECK(std::isnan(mean(std::vector<double>{})));
}

TEST_CASE("validation statistics: percentiles interpolate between closest ranks as NumPy does",
          "[validation]") {
  // numpy.percentile([1, 2, 3, 4, 5], [5, 50, 95]) = [1.2, 3, 4.8]; order of input irrelevant.
  const std::vector<double> v{5.0, 1.0, 4.0, 2.0, 3.0};
  CHECK(percentile(v, 5.0) == Approx(1.2));
  CHECK(percentile(v, 50.0) == Approx(3.0));
  CHECK(percentile(v, 95.0) == Approx(4.8));
  CHECK(percentile(v, 0.0) == 1.0);
  CHECK(percentile(v, 100.0) == 5.0);
  // numpy.percentile([10, 20], 5) = 10.5
  CHECK(percentile(std::vector<double>{20.0, 10.0}, 5.0) == Approx(10.5));
  CHECK(percentile(std::vector<double>{7.0}, 95.0) == 7.0);
  CHECK(std::isnan(percentile(std::vector<double>{}, 50.0)));
  // Towards an infinite value the percentile is infinite, never NaN.
  CHECK(percentile(std::vector<double>{1.0, INFINITY}, 95.0) == INFINITY);
  CHECK(percentile(std::vector<double>{INFINITY, INFINITY}, 50.0) == INFINITY);
}

TEST_CASE("validation statistics: tied values share the mean of their ranks", "[validation]") {
  CHECK(ranks(std::vector<double>{5.0, 1.0, 5.0}) == std::vector<double>{2.5, 1.0, 2.5});
  CHECK(ranks(std::vector<double>{3.0, 1.0, 2.0}) == std::vector<double>{3.0, 1.0, 2.0});
  CHECK(ranks(std::vector<double>{4.0, 4.0, 4.0, 1.0}) == std::vector<double>{3.0, 3.0, 3.0, 1.0});
}

TEST_CASE("validation statistics: Spearman's correlation on known data", "[validation]") {
  const std::vector<double> x{1.0, 2.0, 3.0, 4.0, 5.0};
  CHECK(spearman(x, std::vector<double>{10.0, 20.0, 30.0, 40.0, 50.0}) == Approx(1.0));
  CHECK(spearman(x, std::vector<double>{50.0, 40.0, 30.0, 20.0, 10.0}) == Approx(-1.0));
  // Monotone but not linear: still 1 (ranks, not values).
  CHECK(spearman(x, std::vector<double>{1.0, 4.0, 9.0, 100.0, 1000.0}) == Approx(1.0));
  // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) = 0.8207826816681233 (with a tie)
  CHECK(spearman(x, std::vector<double>{5.0, 6.0, 7.0, 8.0, 7.0}) == Approx(0.8207826816681233));
  // No difference of ranks: 1 - 6 * sum(d^2) / (n (n^2 - 1)) for [2, 1, 4, 3, 5]: 1 - 24 / 120
  CHECK(spearman(x, std::vector<double>{2.0, 1.0, 4.0, 3.0, 5.0}) == Approx(0.8));
  CHECK(std::isnan(spearman(x, std::vector<double>{3.0, 3.0, 3.0, 3.0, 3.0})));
  CHECK(std::isnan(spearman(x, std::vector<double>{1.0, 2.0})));
}

TEST_CASE("validation statistics: a ratio is undefined for nothing over nothing", "[validation]") {
  CHECK(ratio(3.0, 2.0) == 1.5);
  CHECK(ratio(0.0, 2.0) == 0.0);
  CHECK(std::isnan(ratio(0.0, 0.0)));
  CHECK(ratio(4.0, 0.0) == INFINITY);
}

TEST_CASE("validation band: closed, open and infinite ends", "[validation]") {
  const Band closed{0.33, 0.75};
  CHECK(closed.contains(0.33));
  CHECK(closed.contains(0.75));
  CHECK_FALSE(closed.contains(0.329));
  CHECK_FALSE(closed.contains(0.751));
  CHECK_FALSE(closed.contains(NAN));
  CHECK(closed.to_string() == "[0.33, 0.75]");

  const Band negative{-kInf, 0.0, false, true};
  CHECK(negative.contains(-0.01));
  CHECK_FALSE(negative.contains(0.0));
  CHECK(negative.to_string() == "(-inf, 0)");

  const Band at_least_two{2.0, kInf};
  CHECK_FALSE(at_least_two.contains(1.99));
  CHECK(at_least_two.contains(2.0));
  CHECK(at_least_two.contains(kInf));  // something from nothing is above any finite bound
  CHECK(at_least_two.to_string() == "[2, inf)");
}

TEST_CASE("validation band: within a factor of the target, above or below", "[validation]") {
  const Band b = within_factor(359.0, 2.0);
  CHECK(b.low == 179.5);
  CHECK(b.high == 718.0);
  CHECK(b.contains(180.0));
  CHECK(b.contains(718.0));
  CHECK_FALSE(b.contains(179.0));
  CHECK_FALSE(b.contains(719.0));
  CHECK(within_factor(100.0, 1.5).low == Approx(66.6667).epsilon(1e-4));
  // Ends are shown as given, so that the table does not misstate what passes.
  CHECK(b.to_string() == "[179.5, 718]");
  CHECK(within_factor(199575.0, 2.0).to_string() == "[99787.5, 399150]");
  CHECK(within_factor(100.0, 1.5).to_string() == "[66.6667, 150]");
}

TEST_CASE("validation band: numbers are short, whole from 100 up", "[validation]") {
  CHECK(short_number(400000.0) == "400000");
  CHECK(short_number(374412.4) == "374412");
  CHECK(short_number(0.65432) == "0.654");
  CHECK(short_number(12.345) == "12.3");
  CHECK(short_number(0.0) == "0");
  CHECK(short_number(kInf) == "inf");
  CHECK(short_number(-kInf) == "-inf");
  CHECK(short_number(NAN) == "n/a");
}
