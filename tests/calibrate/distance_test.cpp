#include "calibrate/distance.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "calibrate/best_scenario.hpp"
#include "calibrate/weighted_summary.hpp"

using namespace insim::calibrate;

TEST_CASE("calibrate distance: an observed target's term is ln((sim + 1) / (obs + 1))",
          "[calibrate]") {
  CHECK(observed_term(300.0, 300.0) == 0.0);
  CHECK(observed_term(601.0, 300.0) == Approx(std::log(2.0)));
  CHECK(observed_term(150.0, 301.0) == Approx(std::log(151.0 / 302.0)));
  CHECK(observed_term(0.0, 0.0) == 0.0);
  // Twice too high is as far off at 200 as at 2000: deaths span orders of magnitude.
  CHECK(observed_term(401.0, 200.0) == Approx(observed_term(4001.0, 2000.0)));
}

TEST_CASE(
    "calibrate distance: a band's term is 0 inside and the log distance to the nearest end "
    "outside",
    "[calibrate]") {
  const insim::validation::Band band{100.0, 400.0};
  CHECK(band_term(100.0, band) == 0.0);
  CHECK(band_term(250.0, band) == 0.0);
  CHECK(band_term(400.0, band) == 0.0);
  CHECK(band_term(801.0, band) == Approx(std::log(802.0 / 401.0)));
  CHECK(band_term(49.5, band) == Approx(std::log(50.5 / 101.0)));
  const insim::validation::Band above{2.0, insim::validation::kInf};
  CHECK(band_term(1e9, above) == 0.0);
  CHECK(band_term(insim::validation::kInf, above) == 0.0);
  CHECK(band_term(0.0, above) == Approx(-std::log(3.0)));
  // Differences and correlations may be negative: sign(x) ln(1 + |x|) stays defined.
  const insim::validation::Band shift{0.2, 1.0};
  CHECK(band_term(-0.5, shift) == Approx(-std::log(1.5) - std::log(1.2)));
  CHECK(std::isnan(band_term(std::nan(""), band)));
}

TEST_CASE("calibrate distance: the root mean square of the weighted terms, NaN when one is NaN",
          "[calibrate]") {
  const double terms[] = {0.3, -0.4};
  const double ones[] = {1.0, 1.0};
  CHECK(rms_distance(terms, ones) == Approx(std::sqrt((0.09 + 0.16) / 2.0)));
  const double weights[] = {2.0, 0.5};
  CHECK(rms_distance(terms, weights) == Approx(std::sqrt((0.36 + 0.04) / 2.0)));
  const double undefined[] = {0.3, std::nan("")};
  CHECK(std::isnan(rms_distance(undefined, ones)));
  const double infinite[] = {0.3, -insim::validation::kInf};
  CHECK(std::isinf(rms_distance(infinite, ones)));
}

TEST_CASE("calibrate weighted quantile: each value at the middle of its weight's share",
          "[calibrate]") {
  const double v[] = {3.0, 1.0, 2.0};
  const double equal[] = {1.0, 1.0, 1.0};
  CHECK(weighted_quantile(v, equal, 0.5) == 2.0);
  CHECK(weighted_quantile(v, equal, 0.0) == 1.0);
  CHECK(weighted_quantile(v, equal, 1.0) == 3.0);
  // Hazen: places 1/6, 1/2, 5/6.
  CHECK(weighted_quantile(v, equal, 1.0 / 3.0) == Approx(1.5));
  // Weights 2, 1, 1 for 3, 1, 2: places 1 -> 1/8, 2 -> 3/8, 3 -> 3/4.
  const double w[] = {2.0, 1.0, 1.0};
  CHECK(weighted_quantile(v, w, 0.5) == Approx(2.0 + (0.5 - 0.375) / (0.75 - 0.375)));
  CHECK(weighted_mean(v, w) == Approx((6.0 + 1.0 + 2.0) / 4.0));
  const double zero_but_one[] = {0.0, 0.0, 5.0};
  CHECK(weighted_quantile(v, zero_but_one, 0.05) == 2.0);
  CHECK(weighted_quantile(v, zero_but_one, 0.95) == 2.0);
  const double negative[] = {1.0, -1.0, 1.0};
  CHECK_THROWS_AS(weighted_quantile(v, negative, 0.5), std::invalid_argument);
}

TEST_CASE("calibrate best.yaml: nests dotted paths into sections with each value's source",
          "[calibrate]") {
  const BestValue values[] = {
      {"sahel.civilians.flee_rate", "0.0051", "insim calibrate \"x\": median"},
      {"sahel.actors.jnim.abuse", "0.31", "s"},
      {"sahel.civilians.return_rate", "0.06", "t"},
      {"run.steps", "100", "u"}};
  CHECK(best_scenario_yaml("../sahel/baseline.yaml", "Mali (calibrated)", "line one\nline two",
                           values) ==
        "# line one\n# line two\n"
        "extends: \"../sahel/baseline.yaml\"\n"
        "name: \"Mali (calibrated)\"\n"
        "sahel:\n"
        "  civilians:\n"
        "    flee_rate: {value: 0.0051, source: \"insim calibrate \\\"x\\\": median\"}\n"
        "    return_rate: {value: 0.06, source: \"t\"}\n"
        "  actors:\n"
        "    jnim:\n"
        "      abuse: {value: 0.31, source: \"s\"}\n"
        "run:\n"
        "  steps: {value: 100, source: \"u\"}\n");
  const BestValue in_list[] = {{"sahel.events[3].value", "1", "s"}};
  CHECK_THROWS_AS(best_scenario_yaml("b.yaml", "n", "", in_list), std::invalid_argument);
}
