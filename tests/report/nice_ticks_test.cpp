#include "report/nice_ticks.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using insim::report::nice_floor;
using insim::report::nice_ticks;

namespace {
// The step's mantissa: 1, 2 or 5 for a nice step.
double mantissa(double step) { return step / std::pow(10.0, std::floor(std::log10(step) + 1e-12)); }
}  // namespace

TEST_CASE("nice ticks: steps are 1, 2 or 5 times a power of ten and cover the range") {
  const std::pair<double, double> ranges[] = {{0, 1},     {0, 7.3},       {0, 137},
                                              {-42, 318}, {0.012, 0.047}, {0, 250000},
                                              {3, 4},     {-5, -1},       {0, 99}};
  for (const auto& [low, high] : ranges) {
    CAPTURE(low, high);
    const auto t = nice_ticks(low, high, 5);
    const double m = mantissa(t.step);
    CHECK((std::fabs(m - 1) < 1e-9 || std::fabs(m - 2) < 1e-9 || std::fabs(m - 5) < 1e-9));
    CHECK(t.values.front() <= low);
    CHECK(t.values.back() >= high);
    CHECK(t.values.size() >= 3);
    CHECK(t.values.size() <= 12);
    for (const double v : t.values) CHECK(std::fabs(v / t.step - std::round(v / t.step)) < 1e-9);
    // The first and last ticks are no more than one step beyond the data.
    CHECK(low - t.values.front() < t.step + 1e-12);
    CHECK(t.values.back() - high < t.step + 1e-12);
  }
}

TEST_CASE("nice ticks: worked examples and the decimals that spell them") {
  auto t = nice_ticks(0, 137, 5);
  CHECK(t.step == 50);
  CHECK(t.values == std::vector<double>{0, 50, 100, 150});
  CHECK(t.decimals == 0);
  t = nice_ticks(0, 0.9, 5);
  CHECK(t.step == Approx(0.2));
  CHECK(t.decimals == 1);
  CHECK(t.values.size() == 6);
  CHECK(nice_ticks(0, 0.047, 5).decimals == 2);
}

TEST_CASE("nice ticks: an empty range still gets an axis that includes it and zero") {
  const auto zero = nice_ticks(0, 0);
  CHECK(zero.values.front() == 0);
  CHECK(zero.values.back() == 1);
  const auto t = nice_ticks(7, 7);
  CHECK(t.values.front() == 0);
  CHECK(t.values.back() >= 7);
  const auto nan = nice_ticks(std::nan(""), std::nan(""));
  CHECK(nan.values.front() == 0);
  CHECK(nan.values.back() == 1);
}

TEST_CASE("nice ticks: nice_floor rounds down to 1, 2 or 5 times a power of ten") {
  CHECK(nice_floor(730) == 500);
  CHECK(nice_floor(0.3) == Approx(0.2));
  CHECK(nice_floor(1) == 1);
  CHECK(nice_floor(19.9) == 10);
  CHECK(nice_floor(5) == 5);
}
