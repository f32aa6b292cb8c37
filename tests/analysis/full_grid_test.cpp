#include "analysis/full_grid.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

using insim::analysis::full_grid;

TEST_CASE("full grid: every combination of levels once, range ends included, last fastest",
          "[analysis][design]") {
  const std::vector<std::size_t> levels = {3, 2, 1};
  const auto g = full_grid(levels);
  REQUIRE(g.rows == 6);
  REQUIRE(g.dims == 3);
  // Lexicographic order: (0,0), (0,1), (0.5,0), (0.5,1), (1,0), (1,1); one level sits at 0.5.
  const std::vector<std::pair<double, double>> expected = {{0.0, 0.0}, {0.0, 1.0}, {0.5, 0.0},
                                                           {0.5, 1.0}, {1.0, 0.0}, {1.0, 1.0}};
  for (std::size_t i = 0; i < 6; ++i) {
    CHECK(g(i, 0) == expected[i].first);
    CHECK(g(i, 1) == expected[i].second);
    CHECK(g(i, 2) == 0.5);
  }
  const std::vector<std::size_t> five = {5, 4};
  const auto h = full_grid(five);
  std::set<std::pair<double, double>> distinct;
  for (std::size_t i = 0; i < h.rows; ++i) distinct.insert({h(i, 0), h(i, 1)});
  CHECK(distinct.size() == 20);
  CHECK(h(19, 0) == 1.0);
  CHECK(h(19, 1) == 1.0);
  CHECK(h(1, 1) == Approx(1.0 / 3.0));
}

TEST_CASE("full grid: no parameters or a parameter with 0 levels is refused",
          "[analysis][design][errors]") {
  CHECK_THROWS_AS(full_grid(std::vector<std::size_t>{}), std::invalid_argument);
  const std::vector<std::size_t> zero = {3, 0};
  CHECK_THROWS_WITH(full_grid(zero), Catch::Contains("parameter 1 has 0 levels"));
}
