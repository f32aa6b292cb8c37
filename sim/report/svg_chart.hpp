#pragma once
// A TimeChart as a standalone SVG: small multiples (one panel per quantity, sharing the y scale
// so that panels compare at a glance), each scenario's median as a line over its 50% and 90%
// bands, year ticks, the unit, a legend, the title and the note. The same text is the figure
// file and the chart inlined in report.html.
#include <string>
#include <vector>

#include "report/report_data.hpp"

namespace insim::report {

inline constexpr double kChartWidth = 960.0;  // SVG user units (CSS pixels)
inline constexpr const char* kFontFamily = "DejaVu Sans, sans-serif";

// `dates` are ReportData::dates (the x axis, "YYYY-MM"), `scenario_labels` the legend's names in
// ReportData::scenarios order, `runs` the replicates behind each band. Elements a test or the
// page can find: <svg class="chart" id="chart-ID">, per panel <g class="panel">, per scenario
// and panel <path class="median|band50|band90" data-scenario="k">, <g class="legend">.
[[nodiscard]] std::string time_chart_svg(const TimeChart& chart,
                                         const std::vector<std::string>& dates,
                                         const std::vector<std::string>& scenario_labels, int runs);

}  // namespace insim::report
