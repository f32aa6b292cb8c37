#include "report/svg_chart.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "fake_report.hpp"
#include "text_search.hpp"

using namespace insim::report;
using insim::test::attribute;
using insim::test::count_of;
using insim::test::fake_report;
using insim::test::tags_starting;

namespace {
const std::vector<std::string> kLabels = {"Baseline", "France stays", "Purge cascade"};
}

TEST_CASE("chart: the SVG has its title, unit, year ticks, legend and note") {
  const ReportData d = fake_report(3, 120);
  const TimeChart& chart = d.charts[0];  // 4 panels
  const std::string svg = time_chart_svg(chart, d.dates, kLabels, 20);
  CHECK(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-"
                  "civilians_killed_by_perpetrator\"",
                  0) == 0);
  CHECK(count_of(svg, "<title>Civilians killed per month, by perpetrator</title>") == 1);
  CHECK(count_of(svg, ">Civilians killed per month, by perpetrator</text>") == 1);
  CHECK(count_of(svg, ">Vertical axis: people killed per month</text>") == 1);
  CHECK(count_of(svg, "font-family=\"DejaVu Sans, sans-serif\"") == 1);
  // 2012..2021: ten Januaries on each of the four panels' x axes.
  for (const char* year : {">2012</text>", ">2016</text>", ">2021</text>"}) {
    CHECK(count_of(svg, year) == 4);
  }
  CHECK(count_of(svg, "<g class=\"legend\">") == 1);
  for (const auto& label : kLabels) CHECK(count_of(svg, ">" + label + "</text>") == 1);
  CHECK(count_of(svg, "line: median of 20 runs; dark band: 50%, light band: 90% of runs") == 1);
  CHECK(count_of(svg, "class=\"chart-note\"") >= 1);
  CHECK(count_of(svg,
                 "<desc>Median and bands over the runs. Source: insim runs of the Sahel "
                 "model.</desc>") == 1);
  CHECK(count_of(svg,
                 "fill=\"#444\">Median and bands over the runs. Source: insim runs of the "
                 "Sahel model.</text>") == 1);
  for (const char* panel : {"JNIM", "ISGS", "State forces", "Militias"}) {
    CHECK(count_of(svg, std::string("font-weight=\"bold\">") + panel + "</text>") == 1);
  }
}

TEST_CASE("chart: each panel has a median line and both bands for every scenario") {
  const ReportData d = fake_report(3, 120);
  for (const TimeChart& chart : d.charts) {
    const std::string svg = time_chart_svg(chart, d.dates, kLabels, 20);
    const std::size_t expected = chart.panels.size() * 3;
    CHECK(count_of(svg, "<g class=\"panel\">") == chart.panels.size());
    CHECK(count_of(svg, "<path class=\"median\"") == expected);
    CHECK(count_of(svg, "<path class=\"band50\"") == expected);
    CHECK(count_of(svg, "<path class=\"band90\"") == expected);
    for (std::size_t s = 0; s < 3; ++s) {
      CHECK(count_of(svg, "class=\"median\" data-scenario=\"" + std::to_string(s) + "\"") ==
            chart.panels.size());
    }
    // Each scenario's line in its own colour.
    CHECK(count_of(svg, "stroke=\"#0072b2\" stroke-width=\"1.8\"") == chart.panels.size());
    CHECK(count_of(svg, "stroke=\"#d55e00\" stroke-width=\"1.8\"") == chart.panels.size());
  }
}

TEST_CASE("chart: a month without data breaks the line and the bands") {
  ReportData d = fake_report(1, 24);
  TimeChart chart = d.charts[2];  // one panel
  SeriesBands& b = chart.panels[0].by_scenario[0];
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (auto* series : {&b.p5, &b.p25, &b.p50, &b.p75, &b.p95}) {
    (*series)[10] = nan;
    (*series)[11] = nan;
    (*series)[20] = nan;
  }
  b.p50[22] = nan;  // month 21 has neighbours missing on both sides: drawn as a dot
  const std::string svg = time_chart_svg(chart, d.dates, {"Baseline"}, 20);
  const auto median = tags_starting(svg, "<path class=\"median\"");
  REQUIRE(median.size() == 1);
  const std::string line = attribute(median[0], "d");
  CHECK(count_of(line, "M") == 4);  // months 0-9, 12-19, 21, 23
  CHECK(count_of(line, "L") == (10 - 1) + (8 - 1) + 0 + 0);
  CHECK(count_of(line, "h0") == 2);  // the lone months 21 and 23
  const auto band = tags_starting(svg, "<path class=\"band90\"");
  REQUIRE(band.size() == 1);
  CHECK(count_of(attribute(band[0], "d"), "Z") == 3);  // 0-9, 12-19, 21-23
  CHECK(attribute(band[0], "d").find("nan") == std::string::npos);
}

TEST_CASE("chart: y ticks are round numbers with thousands separators and cover the data") {
  const ReportData d = fake_report(3, 120);
  const std::string svg = time_chart_svg(d.charts[2], d.dates, kLabels, 20);  // ~250,000 people
  const auto ticks = tags_starting(svg, "<text class=\"y-tick\"");
  REQUIRE(ticks.size() >= 3);
  std::vector<std::string> labels;
  for (const auto& tag : ticks) {
    const std::size_t start = svg.find(tag) + tag.size();
    labels.push_back(svg.substr(start, svg.find('<', start) - start));
  }
  CHECK(labels.front() == "0");
  CHECK(std::find(labels.begin(), labels.end(), "100,000") != labels.end());
  // The axis reaches the highest 95th percentile.
  double highest = 0;
  for (const auto& s : d.charts[2].panels[0].by_scenario) {
    for (const double v : s.p95) highest = std::max(highest, v);
  }
  std::string last = labels.back();
  last.erase(std::remove(last.begin(), last.end(), ','), last.end());
  CHECK(std::stod(last) >= highest);
}

TEST_CASE("chart: text from the data is escaped") {
  ReportData d = fake_report(2, 24);
  TimeChart chart = d.charts[2];
  chart.title = "Deaths <script>alert(1)</script>";
  chart.panels[0].title = "A & B";
  const std::string svg = time_chart_svg(chart, d.dates, {"<b>Base</b>", "Alt"}, 20);
  CHECK(svg.find("<script>") == std::string::npos);
  CHECK(svg.find("<b>") == std::string::npos);
  CHECK(count_of(svg, "&lt;script&gt;") == 2);  // <title> and the visible title
  CHECK(count_of(svg, "A &amp; B") == 1);
}

TEST_CASE("chart: many years are labelled every few years so the labels fit") {
  ReportData d = fake_report(1, 12 * 40);  // 2012..2051 on a one-third-width panel
  TimeChart chart = d.charts[0];
  chart.panels.resize(3);
  const std::string svg = time_chart_svg(chart, d.dates, {"Baseline"}, 20);
  CHECK(count_of(svg, ">2020</text>") == 3);
  CHECK(count_of(svg, ">2013</text>") == 0);
  CHECK(count_of(svg, "class=\"x-tick\"") < 3 * 40 / 2);
}
