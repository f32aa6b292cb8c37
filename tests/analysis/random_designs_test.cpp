#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "analysis/latin_hypercube.hpp"
#include "analysis/simple_random.hpp"

using insim::analysis::latin_hypercube;
using insim::analysis::simple_random;

TEST_CASE("simple random: reproducible for a seed, different for another, uniform on 0..1",
          "[analysis][design]") {
  const auto a = simple_random(4000, 3, 11);
  const auto b = simple_random(4000, 3, 11);
  const auto c = simple_random(4000, 3, 12);
  CHECK(a.values == b.values);
  std::size_t same = 0;
  for (std::size_t k = 0; k < a.values.size(); ++k) same += a.values[k] == c.values[k];
  CHECK(same == 0);
  // Row i depends only on (seed, i): a smaller design is a prefix of a larger one.
  const auto prefix = simple_random(10, 3, 11);
  CHECK(std::vector<double>(a.values.begin(), a.values.begin() + 30) == prefix.values);
  // Mean 1/2 and variance 1/12 per column (standard errors 0.0046 and 0.0013 at n = 4000).
  for (std::size_t j = 0; j < 3; ++j) {
    double sum = 0.0, squares = 0.0;
    for (std::size_t i = 0; i < a.rows; ++i) {
      REQUIRE(a(i, j) >= 0.0);
      REQUIRE(a(i, j) < 1.0);
      sum += a(i, j);
      squares += (a(i, j) - 0.5) * (a(i, j) - 0.5);
    }
    CHECK(sum / 4000.0 == Approx(0.5).margin(0.02));
    CHECK(squares / 4000.0 == Approx(1.0 / 12.0).margin(0.005));
  }
}

TEST_CASE("latin hypercube: exactly one point per stratum in every parameter",
          "[analysis][design]") {
  for (const std::size_t n : {1u, 2u, 7u, 100u, 1000u}) {
    const auto x = latin_hypercube(n, 5, 2024);
    REQUIRE(x.rows == n);
    for (std::size_t j = 0; j < 5; ++j) {
      std::vector<int> hits(n, 0);
      for (std::size_t i = 0; i < n; ++i) {
        REQUIRE(x(i, j) >= 0.0);
        REQUIRE(x(i, j) < 1.0);
        ++hits[static_cast<std::size_t>(std::floor(x(i, j) * static_cast<double>(n)))];
      }
      for (std::size_t s = 0; s < n; ++s) CHECK(hits[s] == 1);
    }
  }
}

TEST_CASE("latin hypercube: identical for the same seed, different for another, columns unpaired",
          "[analysis][design]") {
  const auto a = latin_hypercube(200, 4, 5);
  const auto b = latin_hypercube(200, 4, 5);
  const auto c = latin_hypercube(200, 4, 6);
  CHECK(a.values == b.values);
  CHECK(a.values != c.values);
  // Independent permutations: the strata of two columns are not paired in the same order, and
  // their correlation is small (standard error 1/sqrt(n) = 0.07).
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  std::size_t same_stratum = 0;
  for (std::size_t i = 0; i < a.rows; ++i) {
    const double x = a(i, 0) - 0.5, y = a(i, 1) - 0.5;
    sxy += x * y;
    sxx += x * x;
    syy += y * y;
    same_stratum += std::floor(a(i, 0) * 200) == std::floor(a(i, 1) * 200);
  }
  CHECK(std::abs(sxy / std::sqrt(sxx * syy)) < 0.25);
  CHECK(same_stratum < 10);
}

TEST_CASE("random designs: 0 points or 0 parameters are refused with the design named",
          "[analysis][design][errors]") {
  CHECK_THROWS_WITH(simple_random(10, 0, 1), Catch::Contains("simple random design") &&
                                                 Catch::Contains("d must be at least 1"));
  CHECK_THROWS_WITH(latin_hypercube(0, 3, 1),
                    Catch::Contains("Latin hypercube") && Catch::Contains("n must be at least 1"));
  CHECK_THROWS_AS(latin_hypercube(5, 0, 1), std::invalid_argument);
}
