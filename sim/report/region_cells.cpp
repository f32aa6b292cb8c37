#include "report/region_cells.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace insim::report {

std::vector<Point> project(const std::vector<double>& latitude,
                           const std::vector<double>& longitude) {
  if (latitude.size() != longitude.size()) {
    throw std::invalid_argument("project: one longitude per latitude expected");
  }
  double mean_latitude = 0;
  for (const double lat : latitude) mean_latitude += lat;
  if (!latitude.empty()) mean_latitude /= static_cast<double>(latitude.size());
  const double squeeze = std::cos(mean_latitude * std::numbers::pi / 180.0);
  std::vector<Point> points;
  points.reserve(latitude.size());
  for (std::size_t i = 0; i < latitude.size(); ++i) {
    points.push_back({longitude[i] * squeeze, latitude[i]});
  }
  return points;
}

Polygon clip_half_plane(const Polygon& polygon, Point a, double b) {
  Polygon out;
  const auto side = [&](Point p) { return a.x * p.x + a.y * p.y - b; };  // <= 0 inside
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const Point p = polygon[i];
    const Point q = polygon[(i + 1) % polygon.size()];
    const double sp = side(p), sq = side(q);
    if (sp <= 0) out.push_back(p);
    if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
      const double t = sp / (sp - sq);
      out.push_back({p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)});
    }
  }
  return out;
}

RegionCells region_cells(const std::vector<Point>& capitals, double margin) {
  RegionCells r;
  r.capitals = capitals;
  if (capitals.empty()) return r;
  Point lo = capitals[0], hi = capitals[0];
  for (const Point& p : capitals) {
    lo = {std::min(lo.x, p.x), std::min(lo.y, p.y)};
    hi = {std::max(hi.x, p.x), std::max(hi.y, p.y)};
  }
  // One capital (or all on one spot) still gets a box of side 1 (a degree of latitude).
  const double grow = std::max(margin * std::max(hi.x - lo.x, hi.y - lo.y), 0.5);
  r.box_min = {lo.x - grow, lo.y - grow};
  r.box_max = {hi.x + grow, hi.y + grow};
  const Polygon box = {
      r.box_min, {r.box_max.x, r.box_min.y}, r.box_max, {r.box_min.x, r.box_max.y}};
  for (const Point& p : capitals) {
    Polygon cell = box;
    for (const Point& q : capitals) {
      // Nearer p than q: (q - p) . x <= (|q|^2 - |p|^2) / 2. No half-plane for q at p's place.
      const Point normal = {q.x - p.x, q.y - p.y};
      if (normal.x == 0 && normal.y == 0) continue;
      cell = clip_half_plane(cell, normal, (q.x * q.x + q.y * q.y - p.x * p.x - p.y * p.y) / 2);
    }
    r.cells.push_back(std::move(cell));
  }
  return r;
}

double area(const Polygon& polygon) {
  double twice = 0;
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const Point p = polygon[i], q = polygon[(i + 1) % polygon.size()];
    twice += p.x * q.y - q.x * p.y;
  }
  return twice / 2;
}

Point centroid(const Polygon& polygon) {
  const double a = area(polygon);
  if (a == 0) {
    Point mean;
    for (const Point& p : polygon) mean = {mean.x + p.x, mean.y + p.y};
    const double n = std::max<double>(1, static_cast<double>(polygon.size()));
    return {mean.x / n, mean.y / n};
  }
  double cx = 0, cy = 0;
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const Point p = polygon[i], q = polygon[(i + 1) % polygon.size()];
    const double cross = p.x * q.y - q.x * p.y;
    cx += (p.x + q.x) * cross;
    cy += (p.y + q.y) * cross;
  }
  return {cx / (6 * a), cy / (6 * a)};
}

bool contains(const Polygon& polygon, Point p) {
  if (polygon.size() < 3) return false;
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    const Point a = polygon[i], b = polygon[(i + 1) % polygon.size()];
    const double cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
    // A small tolerance relative to the edge: a capital on its cell's edge (a shared spot) counts.
    if (cross < -1e-9 * std::hypot(b.x - a.x, b.y - a.y)) return false;
  }
  return true;
}

}  // namespace insim::report
