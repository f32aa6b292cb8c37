#include "compare/sentence.hpp"

#include <catch2/catch.hpp>
#include <limits>
#include <string>

using Catch::Matchers::Contains;
using insim::compare::difference_sentence;
using insim::compare::plain_number;
using insim::compare::plain_percent;
using insim::stats::PairedDifference;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

PairedDifference relative(double estimate, double low, double high) {
  PairedDifference d;
  d.n = 20;
  d.base_mean = 1000.0;
  d.alternative_mean = 1000.0 * (1.0 + estimate);
  d.absolute = {1000.0 * estimate, 1000.0 * low, 1000.0 * high};
  d.relative_defined = true;
  d.relative = {estimate, low, high};
  d.spans_zero = low <= 0.0 && high >= 0.0;
  return d;
}

PairedDifference absolute(double base_mean, double estimate, double low, double high) {
  PairedDifference d;
  d.n = 20;
  d.base_mean = base_mean;
  d.alternative_mean = base_mean + estimate;
  d.absolute = {estimate, low, high};
  d.relative_defined = false;
  d.relative = {kNaN, kNaN, kNaN};
  d.spans_zero = low <= 0.0 && high >= 0.0;
  return d;
}

std::string france(const PairedDifference& d, std::string_view unit = "people") {
  return difference_sentence("France stays after 2022", "civilians killed", unit,
                             "from 2022-01 to 2025-12", "the baseline", d);
}

}  // namespace

TEST_CASE("sentence: a clear fall reads as percent lower with its interval", "[sentence]") {
  CHECK(france(relative(-0.31, -0.40, -0.22)) ==
        "In \"France stays after 2022\", civilians killed from 2022-01 to 2025-12 are 31% lower "
        "(95% CI 22% to 40% lower) than in the baseline.");
}

TEST_CASE("sentence: a clear rise reads as percent higher", "[sentence]") {
  CHECK(france(relative(0.254, 0.0312, 0.55)) ==
        "In \"France stays after 2022\", civilians killed from 2022-01 to 2025-12 are 25% higher "
        "(95% CI 3.1% to 55% higher) than in the baseline.");
}

TEST_CASE("sentence: an interval spanning zero says the runs cannot tell the two apart",
          "[sentence]") {
  CHECK(france(relative(0.03, -0.05, 0.11)) ==
        "In \"France stays after 2022\", civilians killed from 2022-01 to 2025-12 are 3% higher "
        "(95% CI from 5% lower to 11% higher) than in the baseline; the runs cannot tell the two "
        "apart.");
}

TEST_CASE("sentence: a change that rounds to nothing is about the same, never -0%", "[sentence]") {
  const std::string s = france(relative(-0.0004, -0.021, 0.0189));
  CHECK(s ==
        "In \"France stays after 2022\", civilians killed from 2022-01 to 2025-12 are about the "
        "same (95% CI from 2.1% lower to 1.9% higher) as in the baseline; the runs cannot tell "
        "the two apart.");
  CHECK_THAT(s, !Contains("-0%") && !Contains(" -"));
}

TEST_CASE("sentence: with a base mean of 0 it gives absolute numbers with the unit", "[sentence]") {
  CHECK(france(absolute(0.0, 12.0, 4.0, 20.0)) ==
        "In \"France stays after 2022\", civilians killed from 2022-01 to 2025-12 are 12 people "
        "more (95% CI 4 to 20) than in the baseline (0).");
  CHECK(france(absolute(0.0, 3.0, -4.04, 10.0)) ==
        "In \"France stays after 2022\", civilians killed from 2022-01 to 2025-12 are 3 people "
        "more (95% CI from 4 fewer to 10 more) than in the baseline (0); the runs cannot tell the "
        "two apart.");
}

TEST_CASE("sentence: large absolute numbers get thousands separators and fewer", "[sentence]") {
  CHECK(france(absolute(250.4, -12437.0, -15003.0, -9871.0)) ==
        "In \"France stays after 2022\", civilians killed from 2022-01 to 2025-12 are 12,400 "
        "people fewer (95% CI 9,870 to 15,000) than in the baseline (250).");
}

TEST_CASE("sentence: one person, and a unit in percent speaks of percentage points", "[sentence]") {
  CHECK_THAT(france(absolute(0.0, -1.02, -1.9, -0.2)), Contains("are 1 person fewer (95% CI"));
  CHECK(difference_sentence("Purge cascade", "areas held by JNIM", "% of Mali's area (mean)", "",
                            "the baseline", absolute(0.0, 4.26, 1.5, 7.0)) ==
        "In \"Purge cascade\", areas held by JNIM are 4.3 percentage points higher (95% CI "
        "1.5 to 7) than in the baseline (0%).");
}

TEST_CASE("sentence: too few runs say so instead of printing NaN", "[sentence]") {
  PairedDifference d = absolute(0.0, kNaN, kNaN, kNaN);
  d.n = 1;
  const std::string s = france(d);
  CHECK(s ==
        "In \"France stays after 2022\", civilians killed from 2022-01 to 2025-12 cannot be "
        "compared with the baseline: too few runs have a value for it.");
  CHECK_THAT(s, !Contains("NaN") && !Contains("nan"));
}

TEST_CASE("sentence: the confidence level is the one the interval was made with", "[sentence]") {
  PairedDifference d = relative(-0.31, -0.40, -0.22);
  d.level = 0.9;
  CHECK_THAT(france(d), Contains("(90% CI 22% to 40% lower)"));
}

TEST_CASE("sentence: numbers are rounded for readers", "[sentence]") {
  CHECK(plain_number(0.0) == "0");
  CHECK(plain_number(-0.0) == "0");
  CHECK(plain_number(-0.004) == "0");
  CHECK(plain_number(0.35) == "0.35");
  CHECK(plain_number(0.5) == "0.5");
  CHECK(plain_number(3.0) == "3");
  CHECK(plain_number(-3.46) == "-3.5");
  CHECK(plain_number(42.4) == "42");
  CHECK(plain_number(999.6) == "1,000");
  CHECK(plain_number(12437.0) == "12,400");
  CHECK(plain_number(-1234567.0) == "-1,230,000");
  CHECK(plain_number(kNaN) == "n/a");
  CHECK(plain_percent(0.314) == "31%");
  CHECK(plain_percent(0.034) == "3.4%");
  CHECK(plain_percent(0.03) == "3%");
  CHECK(plain_percent(0.0996) == "10%");
  CHECK(plain_percent(-0.0001) == "0%");
  CHECK(plain_percent(-0.25) == "-25%");
  CHECK(plain_percent(12.5) == "1,250%");
}
