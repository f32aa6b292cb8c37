#include "report/region_map.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>

#include "report/nice_ticks.hpp"
#include "report/palette.hpp"
#include "report/report_text.hpp"
#include "report/svg_chart.hpp"

namespace insim::report {

namespace {
constexpr double kPad = 10.0;
constexpr double kHeader = 52.0;  // scenario name and month above the cells
constexpr double kFooter = 40.0;  // the schematic note below them
constexpr double kPalest = 0.75;  // towards white at a share of 0
constexpr double kCharEm = 0.6;   // DejaVu Sans' average advance, a little generous

std::string c(double v) { return coordinate(v); }

bool known(const MapData& map, const MapData::Layer& layer, std::size_t i) {
  return layer.holder[i] >= 0 && static_cast<std::size_t>(layer.holder[i]) < map.holders.size() &&
         !std::isnan(layer.holder_share[i]);
}
}  // namespace

MapLayout map_layout(const MapData& map) {
  const RegionCells cells = region_cells(project(map.latitude, map.longitude));
  MapLayout layout;
  if (cells.cells.empty()) return layout;
  const double inner = kMapWidth - 2 * kPad;
  const double scale = inner / (cells.box_max.x - cells.box_min.x);
  layout.map_height = scale * (cells.box_max.y - cells.box_min.y);
  // North up: y grows downwards on screen.
  const auto to_pixels = [&](Point p) {
    return Point{kPad + (p.x - cells.box_min.x) * scale, kHeader + (cells.box_max.y - p.y) * scale};
  };
  for (const Polygon& cell : cells.cells) {
    std::string d;
    for (std::size_t i = 0; i < cell.size(); ++i) {
      const Point p = to_pixels(cell[i]);
      fmt::format_to(std::back_inserter(d), "{}{},{}", i == 0 ? "M" : "L", c(p.x), c(p.y));
    }
    if (!d.empty()) d += "Z";
    layout.cell_paths.push_back(std::move(d));
    layout.label_at.push_back(to_pixels(centroid(cell)));
  }
  return layout;
}

double max_deaths(const MapData& map) {
  double most = 0;
  for (const MapData::Layer& layer : map.by_scenario) {
    for (const double d : layer.deaths) {
      if (std::isfinite(d)) most = std::max(most, d);
    }
  }
  return most;
}

RegionLook region_look(const MapData& map, const MapData::Layer& layer, std::size_t date,
                       std::size_t region, double max_deaths) {
  const std::size_t i = date * map.regions.size() + region;
  RegionLook look;
  look.fill = known(map, layer, i)
                  ? towards_white(holder_colour(static_cast<std::size_t>(layer.holder[i])),
                                  kPalest * (1.0 - std::clamp(layer.holder_share[i], 0.0, 1.0)))
                  : kNoDataColour;
  const double deaths = layer.deaths[i];
  if (max_deaths > 0 && std::isfinite(deaths) && deaths > 0) {
    look.radius = kMaxDeathsRadius * std::sqrt(deaths / max_deaths);
  }
  return look;
}

std::string region_map_svg(const MapData& map, const MapLayout& layout, std::size_t scenario,
                           const std::string& label, const std::string& year_month,
                           std::size_t date, double max_deaths) {
  const double height = kHeader + layout.map_height + kFooter;
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" id=\"map-{}\" "
      "data-scenario=\"{}\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" "
      "font-family=\"{}\" role=\"img\">\n<title>{}</title>\n"
      "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n"
      "<text class=\"map-scenario\" x=\"{}\" y=\"20\" font-size=\"17\" "
      "font-weight=\"bold\">{}</text>\n"
      "<text class=\"map-date\" x=\"{}\" y=\"40\" font-size=\"14\" fill=\"#333\">{}</text>\n",
      scenario, scenario, kMapWidth, c(height), kMapWidth, c(height), kFontFamily,
      escape_xml("Who holds each region: " + label), kMapWidth, c(height), c(kPad),
      escape_xml(label), c(kPad), escape_xml(month_label(year_month)));
  const MapData::Layer& layer = map.by_scenario[scenario];
  for (std::size_t r = 0; r < map.regions.size(); ++r) {
    const RegionLook look = region_look(map, layer, date, r, max_deaths);
    fmt::format_to(std::back_inserter(out),
                   "<path class=\"region\" data-region=\"{}\" d=\"{}\" fill=\"{}\" "
                   "stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n",
                   r, layout.cell_paths[r], look.fill);
  }
  for (std::size_t r = 0; r < map.regions.size(); ++r) {
    const RegionLook look = region_look(map, layer, date, r, max_deaths);
    const Point at = layout.label_at[r];
    fmt::format_to(std::back_inserter(out),
                   "<circle class=\"deaths\" data-region=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\" "
                   "fill=\"#000000\" fill-opacity=\"0.2\" stroke=\"#000000\" "
                   "stroke-width=\"1\"/>\n",
                   r, c(at.x), c(at.y), c(look.radius));
  }
  for (std::size_t r = 0; r < map.regions.size(); ++r) {
    const Point at = layout.label_at[r];
    fmt::format_to(std::back_inserter(out),
                   "<text class=\"region-name\" x=\"{}\" y=\"{}\" font-size=\"13.5\" "
                   "text-anchor=\"middle\" stroke=\"#ffffff\" stroke-width=\"3\" "
                   "stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>\n",
                   c(at.x), c(at.y + 5), escape_xml(map.regions[r]));
  }
  const double note_top = kHeader + layout.map_height + 16;
  const auto lines =
      wrap_words(kSchematicNote, static_cast<std::size_t>((kMapWidth - 2 * kPad) / (12 * kCharEm)));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    fmt::format_to(std::back_inserter(out),
                   "<text class=\"map-note\" x=\"{}\" y=\"{}\" font-size=\"12\" "
                   "fill=\"#444\">{}</text>\n",
                   c(kPad), c(note_top + 15.0 * static_cast<double>(i)), escape_xml(lines[i]));
  }
  out += "</svg>\n";
  return out;
}

MapLegend map_legend_svg(const MapData& map, double max_deaths, double width) {
  constexpr double kFont = 13.0, kRow = 24.0;
  std::string body;
  double x = kPad, y = 16;
  body += fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\">Colour: who holds most of "
      "the region's area</text>\n",
      c(x), c(y), kFont);
  y += 10;
  bool any_unknown = false;
  for (const MapData::Layer& layer : map.by_scenario) {
    for (std::size_t i = 0; i < layer.holder.size(); ++i) any_unknown |= !known(map, layer, i);
  }
  std::vector<std::pair<std::string, std::string>> entries;
  for (std::size_t h = 0; h < map.holders.size(); ++h) {
    entries.emplace_back(holder_colour(h), map.holders[h]);
  }
  if (any_unknown) entries.emplace_back(kNoDataColour, "no data");
  for (const auto& [colour, name] : entries) {
    const double item = 22 + static_cast<double>(code_points(name)) * kFont * kCharEm + 18;
    if (x > kPad && x + item > width - kPad) {
      x = kPad;
      y += kRow;
    }
    fmt::format_to(std::back_inserter(body),
                   "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"14\" fill=\"{}\"/>\n"
                   "<text x=\"{}\" y=\"{}\" font-size=\"{}\">{}</text>\n",
                   c(x), c(y), colour, c(x + 22), c(y + 11.5), kFont, escape_xml(name));
    x += item;
  }
  y += kRow + 8;
  x = kPad;
  const std::string paler = "Paler: the holder has a smaller share of the area:";
  body += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"{}\">{}</text>\n", c(x), c(y + 11.5),
                      kFont, paler);
  x += 20 + static_cast<double>(code_points(paler)) * kFont * kCharEm;
  for (const double share : {1.0, 0.75, 0.5, 0.25}) {
    fmt::format_to(std::back_inserter(body),
                   "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"14\" fill=\"{}\"/>\n"
                   "<text x=\"{}\" y=\"{}\" font-size=\"{}\">{}%</text>\n",
                   c(x), c(y), towards_white(holder_colour(0), kPalest * (1 - share)), c(x + 20),
                   c(y + 11.5), kFont, static_cast<int>(share * 100));
    x += 66;
  }
  y += kRow + 14;
  x = kPad;
  body += fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\">Circle area: {}</text>\n",
      c(x), c(y), kFont, escape_xml(map.violence_label));
  y += 8;
  if (max_deaths > 0) {
    // Three reference circles at round numbers: the largest and about a quarter and a sixteenth.
    std::vector<double> values = {nice_floor(max_deaths)};
    for (const double f : {4.0, 16.0}) {
      const double v = nice_floor(max_deaths / f);
      if (v < values.back()) values.push_back(v);
    }
    const double cy = y + kMaxDeathsRadius;
    for (const double v : values) {
      const double r = kMaxDeathsRadius * std::sqrt(v / max_deaths);
      fmt::format_to(std::back_inserter(body),
                     "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#000000\" fill-opacity=\"0.2\" "
                     "stroke=\"#000000\"/>\n<text x=\"{}\" y=\"{}\" font-size=\"{}\">{}</text>\n",
                     c(x + kMaxDeathsRadius), c(cy + kMaxDeathsRadius - r), c(r),
                     c(x + 2 * kMaxDeathsRadius + 6), c(cy + kMaxDeathsRadius - 2), kFont,
                     readable(v));
      x += 2 * kMaxDeathsRadius + 14 + static_cast<double>(readable(v).size()) * kFont * kCharEm;
    }
    y += 2 * kMaxDeathsRadius + 8;
  } else {
    body += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"{}\">No deaths in any region in "
        "any month.</text>\n",
        c(x), c(y + 14), kFont);
    y += 22;
  }
  MapLegend legend;
  legend.height = std::ceil(y + 6);
  legend.svg = fmt::format(
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map-legend\" "
                   "width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"{}\">\n"
                   "<title>Legend of the maps</title>\n",
                   c(width), c(legend.height), c(width), c(legend.height), kFontFamily) +
               body + "</svg>\n";
  return legend;
}

std::string maps_figure_svg(const MapData& map, const std::vector<std::string>& scenario_labels,
                            const std::vector<std::string>& dates, std::size_t date) {
  const MapLayout layout = map_layout(map);
  const double most = max_deaths(map);
  const std::size_t n = map.by_scenario.size();
  const double width = std::max(kMapWidth * static_cast<double>(n), 700.0);
  const double map_height = kHeader + layout.map_height + kFooter;
  const MapLegend legend = map_legend_svg(map, most, width);
  const double top = 40;
  const double height = std::ceil(top + map_height + legend.height);
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map-figure\" width=\"{}\" "
      "height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"{}\">\n<title>{}</title>\n"
      "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n"
      "<text x=\"{}\" y=\"26\" font-size=\"18\" font-weight=\"bold\">{}</text>\n",
      c(width), c(height), c(width), c(height), kFontFamily,
      escape_xml("Who holds each region, " + month_label(dates[date])), c(width), c(height),
      c(kPad),
      escape_xml("Who holds each region, and deaths there, in " + month_label(dates[date])));
  for (std::size_t s = 0; s < n; ++s) {
    std::string one = region_map_svg(map, layout, s, scenario_labels[s], dates[date], date, most);
    // Nested <svg> placed by x/y: the same drawing as the page's, moved into its column.
    one.insert(std::string_view("<svg").size(),
               fmt::format(" x=\"{}\" y=\"{}\"", c(kMapWidth * static_cast<double>(s)), c(top)));
    out += one;
  }
  std::string placed = legend.svg;
  placed.insert(std::string_view("<svg").size(),
                fmt::format(" x=\"0\" y=\"{}\"", c(top + map_height)));
  out += placed;
  out += "</svg>\n";
  return out;
}

}  // namespace insim::report
