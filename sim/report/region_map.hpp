#pragma once
// The map of regions for one scenario at one month, as SVG: each schematic cell (region_cells)
// filled with its holder's colour, paler where the holder has less of the region's area, a
// circle sized by the month's deaths, the region's name, and the words that say the shapes are
// not borders. Also the map's legend and the figure with every scenario side by side.
#include <cstddef>
#include <string>
#include <vector>

#include "report/region_cells.hpp"
#include "report/report_data.hpp"

namespace insim::report {

inline constexpr double kMapWidth = 440.0;  // one scenario's map, pixels
inline constexpr double kMaxDeathsRadius = 22.0;
inline constexpr const char* kSchematicNote =
    "Schematic shapes built from the regional capitals' coordinates, not borders";

// The cells in pixels of a kMapWidth-wide map, shared by every scenario's map.
struct MapLayout {
  std::vector<std::string> cell_paths;  // SVG path data, one per region
  std::vector<Point> label_at;          // each cell's centroid, pixels
  double map_height = 0;                // of the drawing of the cells
};
[[nodiscard]] MapLayout map_layout(const MapData& map);

// How one region looks at one month: fill and circle radius. Deaths scale by area (radius by
// square root) against `max_deaths`, the largest month of any region in any scenario, so that
// every map and every month share one scale.
struct RegionLook {
  std::string fill;
  double radius = 0;
};
[[nodiscard]] RegionLook region_look(const MapData& map, const MapData::Layer& layer,
                                     std::size_t date, std::size_t region, double max_deaths);
[[nodiscard]] double max_deaths(const MapData& map);

// <svg class="map" id="map-K">; each region a <path class="region" data-region="r">, its
// circle <circle class="deaths" data-region="r">; the month in <text class="map-date">.
[[nodiscard]] std::string region_map_svg(const MapData& map, const MapLayout& layout,
                                         std::size_t scenario, const std::string& label,
                                         const std::string& year_month, std::size_t date,
                                         double max_deaths);

// <svg class="map-legend">: holders' colours, paleness by share, circle sizes; `height` is the
// height it needs at `width`.
struct MapLegend {
  std::string svg;
  double height = 0;
};
[[nodiscard]] MapLegend map_legend_svg(const MapData& map, double max_deaths, double width);

// The figure file: a title, every scenario's map side by side at `date`, the legend.
[[nodiscard]] std::string maps_figure_svg(const MapData& map,
                                          const std::vector<std::string>& scenario_labels,
                                          const std::vector<std::string>& dates, std::size_t date);

}  // namespace insim::report
