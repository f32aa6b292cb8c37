#include "analysis/parameter_distribution.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "analysis/full_grid.hpp"

using insim::analysis::discrete_index;
using insim::analysis::full_grid;
using insim::analysis::parameter_values;
using insim::analysis::ParameterDistribution;

namespace {
double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// CDF of Normal(mean, sd^2) truncated to [low, high], straight from its definition.
double truncated_cdf(double x, double mean, double sd, double low, double high) {
  const double fl = normal_cdf((low - mean) / sd), fh = normal_cdf((high - mean) / sd);
  return (normal_cdf((x - mean) / sd) - fl) / (fh - fl);
}
}  // namespace

TEST_CASE("parameters: uniform is linear in u and hits both bounds exactly",
          "[analysis][parameters]") {
  const auto p = ParameterDistribution::uniform(0.1, 0.3);
  CHECK(p.value(0.0) == 0.1);
  CHECK(p.value(1.0) == 0.3);
  CHECK(p.value(0.5) == Approx(0.2));
  CHECK(p.value(0.25) == Approx(0.15));
}

TEST_CASE("parameters: log-uniform is uniform in the logarithm", "[analysis][parameters]") {
  const auto p = ParameterDistribution::log_uniform(0.001, 10.0);
  CHECK(p.value(0.0) == 0.001);
  CHECK(p.value(1.0) == 10.0);
  CHECK(p.value(0.5) == Approx(0.1));  // geometric midpoint
  CHECK(p.value(0.75) == Approx(1.0));
}

TEST_CASE("parameters: truncated normal inverts its truncated CDF, in the body and in a tail",
          "[analysis][parameters]") {
  struct Case {
    double mean, sd, low, high;
  };
  // Symmetric, lopsided, and bounds wholly above the mean (the mirrored, upper-tail case).
  for (const Case c : {Case{1.0, 2.0, -3.0, 5.0}, Case{0.0, 1.0, -0.5, 4.0},
                       Case{0.0, 1.0, 3.0, 6.0}, Case{10.0, 0.5, 2.0, 8.0}}) {
    const auto p = ParameterDistribution::truncated_normal(c.mean, c.sd, c.low, c.high);
    CHECK(p.value(0.0) == c.low);
    CHECK(p.value(1.0) == c.high);
    double previous = c.low;
    for (const double u : {0.001, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999}) {
      const double x = p.value(u);
      CHECK(x > previous);
      CHECK(x < c.high);
      CHECK(truncated_cdf(x, c.mean, c.sd, c.low, c.high) == Approx(u).epsilon(1e-7));
      previous = x;
    }
  }
  const auto symmetric = ParameterDistribution::truncated_normal(1.0, 2.0, -3.0, 5.0);
  CHECK(symmetric.value(0.5) == Approx(1.0));
}

TEST_CASE("parameters: a discrete list gives each value for an equal share of the unit interval",
          "[analysis][parameters]") {
  const auto p = ParameterDistribution::discrete({5.0, -1.0, 2.0});
  CHECK(p.value(0.0) == 5.0);
  CHECK(p.value(0.33) == 5.0);
  CHECK(p.value(0.34) == -1.0);
  CHECK(p.value(0.66) == -1.0);
  CHECK(p.value(0.67) == 2.0);
  CHECK(p.value(1.0) == 2.0);
  CHECK(p.low() == -1.0);
  CHECK(p.high() == 5.0);
  // A full grid with as many levels as values visits each value once.
  const auto grid = full_grid(std::vector<std::size_t>{4});
  for (std::size_t k = 0; k < 4; ++k) CHECK(discrete_index(grid(k, 0), 4) == k);
}

TEST_CASE("parameters: a design maps column by column", "[analysis][parameters]") {
  const auto grid = full_grid(std::vector<std::size_t>{2, 3});
  const std::vector<ParameterDistribution> dists = {ParameterDistribution::uniform(10, 20),
                                                    ParameterDistribution::discrete({1, 2, 3})};
  const auto v = parameter_values(grid, dists);
  const std::vector<double> expected = {10, 1, 10, 2, 10, 3, 20, 1, 20, 2, 20, 3};
  CHECK(v == expected);
  CHECK_THROWS_WITH(parameter_values(grid, std::span(dists).first(1)),
                    Catch::Contains("2 columns but 1 parameter distributions"));
}

TEST_CASE("parameters: bad bounds, spreads, lists and unit values are refused clearly",
          "[analysis][parameters][errors]") {
  CHECK_THROWS_WITH(ParameterDistribution::uniform(2.0, 2.0),
                    Catch::Contains("low (2) must be below high (2)"));
  CHECK_THROWS_AS(ParameterDistribution::uniform(3.0, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(ParameterDistribution::uniform(0.0, std::numeric_limits<double>::infinity()),
                  std::invalid_argument);
  CHECK_THROWS_WITH(ParameterDistribution::log_uniform(0.0, 1.0), Catch::Contains("above 0"));
  CHECK_THROWS_AS(ParameterDistribution::log_uniform(1.0, 0.5), std::invalid_argument);
  CHECK_THROWS_WITH(ParameterDistribution::truncated_normal(0.0, 0.0, -1.0, 1.0),
                    Catch::Contains("sd (0)"));
  CHECK_THROWS_AS(ParameterDistribution::truncated_normal(0.0, 1.0, 1.0, -1.0),
                  std::invalid_argument);
  CHECK_THROWS_WITH(ParameterDistribution::truncated_normal(0.0, 1.0, 50.0, 60.0),
                    Catch::Contains("no probability"));
  CHECK_THROWS_WITH(ParameterDistribution::discrete({}), Catch::Contains("at least one value"));
  CHECK_THROWS_AS(ParameterDistribution::discrete({1.0, std::nan("")}), std::invalid_argument);
  const auto p = ParameterDistribution::uniform(0.0, 1.0);
  CHECK_THROWS_WITH(p.value(1.5), Catch::Contains("outside [0, 1]"));
  CHECK_THROWS_AS(p.value(std::nan("")), std::invalid_argument);
  CHECK_THROWS_AS(discrete_index(0.5, 0), std::invalid_argument);
}
