#include "output/column_stats.hpp"

#include <catch2/catch.hpp>
#include <vector>

using insim::output::ColumnStats;

TEST_CASE("column stats: min, max, mean, final and the first step of the max") {
  ColumnStats stats(2);
  stats.add(0, std::vector<double>{5, -1});
  stats.add(10, std::vector<double>{9, -3});
  stats.add(20, std::vector<double>{2, -1});
  stats.add(30, std::vector<double>{9, -2});
  REQUIRE(stats.rows() == 4);

  const auto a = stats.summary(0);
  CHECK(a.min == 2);
  CHECK(a.max == 9);
  CHECK(a.step_of_max == 10);  // the first time 9 was seen, not the last
  CHECK(a.mean == 6.25);
  CHECK(a.final_value == 9);

  const auto b = stats.summary(1);
  CHECK(b.min == -3);
  CHECK(b.max == -1);
  CHECK(b.step_of_max == 0);
  CHECK(b.mean == -1.75);
  CHECK(b.final_value == -2);
}

TEST_CASE("column stats: the mean of many rows keeps the bits a naive sum loses") {
  // 1e16 followed by a million 1.0s: a plain running sum never moves off 1e16.
  ColumnStats stats(1);
  stats.add(0, std::vector<double>{1e16});
  for (int i = 1; i <= 1'000'000; ++i) stats.add(i, std::vector<double>{1.0});
  const double expected = (1e16 + 1e6) / 1'000'001.0;
  CHECK(stats.summary(0).mean == expected);
}

TEST_CASE("column stats: a row of the wrong width is refused") {
  ColumnStats stats(3);
  CHECK_THROWS(stats.add(0, std::vector<double>{1, 2}));
}
