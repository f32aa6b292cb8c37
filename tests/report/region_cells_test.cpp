#include "report/region_cells.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "fake_report.hpp"

using namespace insim::report;

namespace {
double box_area(const RegionCells& r) {
  return (r.box_max.x - r.box_min.x) * (r.box_max.y - r.box_min.y);
}

// Whether p is strictly inside (away from every edge) a convex counter-clockwise polygon.
bool strictly_inside(const Polygon& polygon, Point p) {
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const Point a = polygon[i], b = polygon[(i + 1) % polygon.size()];
    if ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x) <= 1e-9) return false;
  }
  return true;
}
}  // namespace

TEST_CASE("region cells: clipping a square by a half-plane keeps the right part") {
  const Polygon square = {{0, 0}, {2, 0}, {2, 2}, {0, 2}};
  const Polygon left = clip_half_plane(square, {1, 0}, 1.0);  // x <= 1
  CHECK(area(left) == Approx(2.0));
  for (const Point& p : left) CHECK(p.x <= 1.0 + 1e-12);
  CHECK(area(clip_half_plane(square, {1, 1}, 1.0)) == Approx(0.5));  // x + y <= 1
  CHECK(clip_half_plane(square, {1, 0}, -1.0).empty());              // x <= -1: nothing
  CHECK(area(clip_half_plane(square, {1, 0}, 5.0)) == Approx(4.0));  // all of it
}

TEST_CASE("region cells: each of Mali's capitals lies inside its own cell and no other") {
  const auto d = insim::test::fake_report(1, 12);
  const RegionCells r = region_cells(project(d.map.latitude, d.map.longitude));
  REQUIRE(r.cells.size() == 9);
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    CAPTURE(d.map.regions[i]);
    CHECK(area(r.cells[i]) > 0);
    CHECK(strictly_inside(r.cells[i], r.capitals[i]));
    for (std::size_t j = 0; j < r.cells.size(); ++j) {
      if (j != i) CHECK_FALSE(strictly_inside(r.cells[j], r.capitals[i]));
    }
  }
}

TEST_CASE("region cells: the cells tile the box without overlapping") {
  const auto d = insim::test::fake_report(1, 12);
  const RegionCells r = region_cells(project(d.map.latitude, d.map.longitude));
  double total = 0;
  for (const Polygon& cell : r.cells) total += area(cell);
  CHECK(total == Approx(box_area(r)).epsilon(1e-9));
  // Every point of a grid over the box is in exactly one cell (on no shared edge).
  std::size_t points = 0;
  for (int gx = 0; gx < 40; ++gx) {
    for (int gy = 0; gy < 40; ++gy) {
      const Point p = {r.box_min.x + (gx + 0.5) / 40 * (r.box_max.x - r.box_min.x),
                       r.box_min.y + (gy + 0.5) / 40 * (r.box_max.y - r.box_min.y)};
      int owners = 0;
      for (const Polygon& cell : r.cells) owners += strictly_inside(cell, p) ? 1 : 0;
      points += owners == 1 ? 1 : 0;
    }
  }
  CHECK(points == 1600);
}

TEST_CASE("region cells: every point of a cell is nearest its own capital") {
  const auto d = insim::test::fake_report(1, 12);
  const RegionCells r = region_cells(project(d.map.latitude, d.map.longitude));
  for (std::size_t i = 0; i < r.cells.size(); ++i) {
    const Point c = centroid(r.cells[i]);
    for (std::size_t j = 0; j < r.capitals.size(); ++j) {
      const auto dist = [&](Point p) { return std::hypot(c.x - p.x, c.y - p.y); };
      CHECK(dist(r.capitals[i]) <= dist(r.capitals[j]) + 1e-9);
    }
  }
}

TEST_CASE("region cells: the projection narrows longitude by the cosine of the latitude") {
  const auto p = project({60.0, 60.0}, {10.0, 20.0});
  CHECK(p[1].x - p[0].x == Approx(5.0));  // cos 60° = 1/2
  CHECK(p[0].y == 60.0);
}

TEST_CASE("region cells: one capital gets the whole box, two at one place share it") {
  const RegionCells one = region_cells({{3, 4}});
  REQUIRE(one.cells.size() == 1);
  CHECK(area(one.cells[0]) == Approx(box_area(one)));
  CHECK(contains(one.cells[0], {3, 4}));
  const RegionCells same = region_cells({{0, 0}, {0, 0}, {2, 0}});
  CHECK(area(same.cells[0]) == Approx(area(same.cells[1])));
  CHECK(contains(same.cells[0], {0, 0}));
}
