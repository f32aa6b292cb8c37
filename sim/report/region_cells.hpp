#pragma once
// Schematic region shapes from the regional capitals alone: each region is the set of points
// nearer its capital than any other (a Voronoi cell), clipped to the capitals' bounding box plus
// a margin. Not borders: the map says so.
#include <vector>

namespace insim::report {

struct Point {
  double x = 0, y = 0;
};
using Polygon = std::vector<Point>;  // convex, counter-clockwise in (x right, y up)

struct RegionCells {
  std::vector<Point> capitals;  // projected, one per region
  std::vector<Polygon> cells;   // one per region, same order
  Point box_min, box_max;       // the clipping box
};

// Equirectangular projection about the capitals' mean latitude φ0: x = longitude * cos φ0,
// y = latitude (degrees), so that distances and shapes near Mali keep their proportions.
[[nodiscard]] std::vector<Point> project(const std::vector<double>& latitude,
                                         const std::vector<double>& longitude);

// The cells of projected points; the box is their bounding box grown by `margin` times its
// larger side on every side. Two capitals at the same place share one cell (both get it).
[[nodiscard]] RegionCells region_cells(const std::vector<Point>& capitals, double margin = 0.12);

// The part of a convex polygon where a.x * x + a.y * y <= b (Sutherland-Hodgman, one edge).
[[nodiscard]] Polygon clip_half_plane(const Polygon& polygon, Point a, double b);

[[nodiscard]] double area(const Polygon& polygon);  // positive for counter-clockwise
[[nodiscard]] Point centroid(const Polygon& polygon);
// Inside or on the edge of a convex counter-clockwise polygon.
[[nodiscard]] bool contains(const Polygon& polygon, Point p);

}  // namespace insim::report
