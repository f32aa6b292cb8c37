#include "report/region_map.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "fake_report.hpp"
#include "report/palette.hpp"
#include "report/report_text.hpp"
#include "text_search.hpp"

using namespace insim::report;
using insim::test::attribute;
using insim::test::count_of;
using insim::test::fake_report;
using insim::test::tags_starting;

namespace {
// A map with two regions and one month, whose values the test sets.
MapData two_regions() {
  MapData m;
  m.regions = {"North", "South"};
  m.latitude = {18, 12};
  m.longitude = {0, -8};
  m.holders = {"State", "JNIM"};
  m.violence_label = "deaths per month";
  m.by_scenario.push_back({{1, 0}, {1.0, 1.0}, {40.0, 10.0}});
  return m;
}
}  // namespace

TEST_CASE("map: one shape, circle and name per region, and the words that they are not borders") {
  const ReportData d = fake_report(3, 24);
  const MapLayout layout = map_layout(d.map);
  const std::string svg =
      region_map_svg(d.map, layout, 1, "France stays", "2013-12", 23, max_deaths(d.map));
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" id=\"map-1\"", 0) == 0);
  CHECK(count_of(svg, "<path class=\"region\"") == 9);
  CHECK(count_of(svg, "<circle class=\"deaths\"") == 9);
  CHECK(count_of(svg, "class=\"region-name\"") == 9);
  CHECK(count_of(svg, ">Ségou</text>") == 1);
  CHECK(count_of(svg, ">France stays</text>") == 1);
  CHECK(count_of(svg, ">December 2013</text>") == 1);
  // The note is wrapped over lines: its words are all there, in order.
  std::string note;
  for (const auto& tag : tags_starting(svg, "<text class=\"map-note\"")) {
    const std::size_t start = svg.find(tag) + tag.size();
    note += (note.empty() ? "" : " ") + svg.substr(start, svg.find('<', start) - start);
  }
  CHECK(note == escape_xml(kSchematicNote));
}

TEST_CASE("map: a region takes its holder's colour, paler where the holder has less of it") {
  MapData m = two_regions();
  const MapLayout layout = map_layout(m);
  std::string svg = region_map_svg(m, layout, 0, "Base", "2013-01", 0, max_deaths(m));
  auto regions = tags_starting(svg, "<path class=\"region\"");
  REQUIRE(regions.size() == 2);
  CHECK(attribute(regions[0], "fill") == holder_colour(1));  // North: JNIM, all of it
  CHECK(attribute(regions[1], "fill") == holder_colour(0));  // South: the state

  m.by_scenario[0].holder_share = {0.5, 0.2};
  svg = region_map_svg(m, layout, 0, "Base", "2013-01", 0, max_deaths(m));
  regions = tags_starting(svg, "<path class=\"region\"");
  const auto brightness = [](const std::string& colour) {
    return std::stoi(colour.substr(1, 2), nullptr, 16) +
           std::stoi(colour.substr(3, 2), nullptr, 16) +
           std::stoi(colour.substr(5, 2), nullptr, 16);
  };
  CHECK(brightness(attribute(regions[0], "fill")) > brightness(holder_colour(1)));
  CHECK(brightness(attribute(regions[1], "fill")) >
        brightness(towards_white(holder_colour(0), 0.5 * 0.75)));

  m.by_scenario[0].holder = {-1, 7};  // unknown holders: grey, not a guess
  svg = region_map_svg(m, layout, 0, "Base", "2013-01", 0, max_deaths(m));
  regions = tags_starting(svg, "<path class=\"region\"");
  CHECK(attribute(regions[0], "fill") == kNoDataColour);
  CHECK(attribute(regions[1], "fill") == kNoDataColour);
}

TEST_CASE("map: circle areas are proportional to deaths on one scale for all maps") {
  MapData m = two_regions();
  m.by_scenario.push_back({{0, 0}, {1.0, 1.0}, {160.0, 0.0}});  // a second scenario: the largest
  const double most = max_deaths(m);
  CHECK(most == 160.0);
  const RegionLook north = region_look(m, m.by_scenario[0], 0, 0, most);
  const RegionLook south = region_look(m, m.by_scenario[0], 0, 1, most);
  CHECK(north.radius == Approx(kMaxDeathsRadius / 2));  // 40 of 160: a quarter of the area
  CHECK(south.radius == Approx(kMaxDeathsRadius / 4));  // 10 of 160
  CHECK(region_look(m, m.by_scenario[1], 0, 1, most).radius == 0.0);
  m.by_scenario[0].deaths[0] = std::nan("");
  CHECK(region_look(m, m.by_scenario[0], 0, 0, most).radius == 0.0);
}

TEST_CASE("map: the legend names every holder and the circles' meaning") {
  const ReportData d = fake_report(2, 12);
  const MapLegend legend = map_legend_svg(d.map, max_deaths(d.map), 900);
  for (const auto& h : d.map.holders) CHECK(count_of(legend.svg, ">" + h + "</text>") == 1);
  CHECK(count_of(legend.svg, "Circle area: " + d.map.violence_label) == 1);
  CHECK(count_of(legend.svg, "<circle") == 3);
  CHECK(count_of(legend.svg, "no data") == 0);
  CHECK(legend.height > 50);
}

TEST_CASE("map: the figure puts every scenario's map side by side, at the month asked") {
  const ReportData d = fake_report(3, 24);
  const std::string svg = maps_figure_svg(d.map, {"Baseline", "France stays", "Purge"}, d.dates, 5);
  CHECK(count_of(svg, "class=\"map\"") == 3);
  CHECK(count_of(svg, "<path class=\"region\"") == 27);
  CHECK(count_of(svg, ">June 2012</text>") == 3);
  CHECK(count_of(svg, "<svg x=\"880.0\" y=\"40.0\"") == 1);
  CHECK(count_of(svg, "class=\"map-legend\"") == 1);
}
