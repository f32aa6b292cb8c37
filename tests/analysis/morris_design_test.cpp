#include "analysis/morris_design.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <stdexcept>
#include <vector>

using insim::analysis::morris_design;

TEST_CASE("morris: each trajectory moves every parameter once by plus or minus Delta on the grid",
          "[analysis][morris]") {
  const std::size_t r = 50, d = 5, p = 4;
  const auto m = morris_design(r, d, p, 77);
  REQUIRE(m.points.rows == r * (d + 1));
  REQUIRE(m.delta == Approx(2.0 / 3.0));  // p / (2 (p - 1))
  for (std::size_t t = 0; t < r; ++t) {
    std::set<std::size_t> moved;
    for (std::size_t s = 0; s < d; ++s) {
      const std::size_t k = m.moved[t * d + s];
      moved.insert(k);
      for (std::size_t j = 0; j < d; ++j) {
        const double change = m.points(m.row(t, s + 1), j) - m.points(m.row(t, s), j);
        if (j == k) {
          CHECK(std::abs(change) == Approx(m.delta));
        } else {
          CHECK(change == 0.0);
        }
      }
    }
    CHECK(moved.size() == d);
    for (std::size_t s = 0; s <= d; ++s) {
      for (std::size_t j = 0; j < d; ++j) {
        const double level = m.points(m.row(t, s), j) * static_cast<double>(p - 1);
        CHECK(level == Approx(std::round(level)).margin(1e-12));
        CHECK(m.points(m.row(t, s), j) >= 0.0);
        CHECK(m.points(m.row(t, s), j) <= 1.0);
      }
    }
  }
}

TEST_CASE("morris: base points, directions and move orders are random across trajectories",
          "[analysis][morris]") {
  const std::size_t r = 200, d = 3, p = 6;
  const auto m = morris_design(r, d, p, 3);
  std::set<double> starts;
  std::size_t up = 0, down = 0;
  std::set<std::vector<std::size_t>> orders;
  for (std::size_t t = 0; t < r; ++t) {
    starts.insert(m.points(m.row(t, 0), 0));
    for (std::size_t s = 0; s < d; ++s) {
      const std::size_t k = m.moved[t * d + s];
      (m.points(m.row(t, s + 1), k) > m.points(m.row(t, s), k) ? up : down) += 1;
    }
    orders.insert({m.moved.begin() + t * d, m.moved.begin() + (t + 1) * d});
  }
  CHECK(starts.size() == p);  // every level of the 6-level grid starts some trajectory
  CHECK(up > 250);            // of 600 moves, about half each way
  CHECK(down > 250);
  CHECK(orders.size() == 6);  // all 3! orders of moves occur
}

TEST_CASE("morris: identical for the same seed and different for another", "[analysis][morris]") {
  const auto a = morris_design(10, 4, 4, 1);
  const auto b = morris_design(10, 4, 4, 1);
  const auto c = morris_design(10, 4, 4, 2);
  CHECK(a.points.values == b.points.values);
  CHECK(a.moved == b.moved);
  CHECK(a.points.values != c.points.values);
}

TEST_CASE("morris: odd or too few levels, no trajectories or no parameters are refused",
          "[analysis][morris][errors]") {
  CHECK_THROWS_WITH(morris_design(10, 3, 5, 1), Catch::Contains("p = 5 must be even"));
  CHECK_THROWS_AS(morris_design(10, 3, 0, 1), std::invalid_argument);
  CHECK_THROWS_WITH(morris_design(0, 3, 4, 1), Catch::Contains("trajectories r"));
  CHECK_THROWS_WITH(morris_design(10, 0, 4, 1), Catch::Contains("parameters d"));
}
