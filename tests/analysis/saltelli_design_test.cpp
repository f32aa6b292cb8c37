#include "analysis/saltelli_design.hpp"

#include <catch2/catch.hpp>
#include <stdexcept>

#include "analysis/simple_random.hpp"
#include "analysis/sobol_sequence.hpp"

using insim::analysis::saltelli_design;
using insim::analysis::simple_random;
using insim::analysis::sobol_sequence;

TEST_CASE("saltelli: N (d + 2) runs, AB_i is A with column i from B, A and B halves of a 2d Sobol'",
          "[analysis][saltelli]") {
  const std::size_t n = 64, d = 3;
  const auto s = saltelli_design(n, d);
  REQUIRE(s.base_samples == n);
  REQUIRE(s.parameters == d);
  REQUIRE(s.points.rows == n * (d + 2));
  REQUIRE(s.points.dims == d);
  const auto base = sobol_sequence(n, 2 * d);
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t k = 0; k < d; ++k) {
      CHECK(s.points(s.row_a(j), k) == base(j, k));
      CHECK(s.points(s.row_b(j), k) == base(j, d + k));
      for (std::size_t i = 0; i < d; ++i) {
        CHECK(s.points(s.row_ab(j, i), k) == (i == k ? base(j, d + k) : base(j, k)));
      }
    }
  }
  // The documented row order: A_j, AB_1j..AB_dj, B_j.
  CHECK(s.row_a(2) == 10);
  CHECK(s.row_ab(2, 0) == 11);
  CHECK(s.row_b(2) == 14);
}

TEST_CASE("saltelli: any base design of 2d columns, and a shifted Sobol' base per seed",
          "[analysis][saltelli]") {
  const auto base = simple_random(10, 4, 3);
  const auto s = saltelli_design(base);
  CHECK(s.base_samples == 10);
  CHECK(s.parameters == 2);
  CHECK(s.points(s.row_ab(7, 1), 1) == base(7, 3));
  CHECK(s.points(s.row_ab(7, 1), 0) == base(7, 0));
  const auto a = saltelli_design(32, 2, {true, 1});
  const auto b = saltelli_design(32, 2, {true, 1});
  const auto c = saltelli_design(32, 2, {true, 2});
  CHECK(a.points.values == b.points.values);
  CHECK(a.points.values != c.points.values);
}

TEST_CASE("saltelli: N not a power of two, d = 0 or d > 16, an odd base are refused",
          "[analysis][saltelli][errors]") {
  CHECK_THROWS_WITH(saltelli_design(1000, 3),
                    Catch::Contains("N = 1000 must be a power of two") && Catch::Contains("1024"));
  CHECK_THROWS_AS(saltelli_design(0, 3), std::invalid_argument);
  CHECK_THROWS_WITH(saltelli_design(64, 0), Catch::Contains("at least 1"));
  CHECK_THROWS_WITH(saltelli_design(64, 17), Catch::Contains("at most 16"));
  CHECK_THROWS_WITH(saltelli_design(simple_random(8, 3, 1)), Catch::Contains("even number"));
}
