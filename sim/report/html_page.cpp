#include "report/html_page.hpp"

#include <fmt/format.h>

#include <iterator>
#include <stdexcept>

#include "report/html_sections.hpp"
#include "report/map_page_data.hpp"
#include "report/page_assets.hpp"
#include "report/region_map.hpp"
#include "report/report_check.hpp"
#include "report/report_text.hpp"

namespace insim::report {

namespace {
std::string e(std::string_view text) { return escape_xml(text); }

std::vector<std::string> labels_of(const ReportData& data) {
  std::vector<std::string> labels;
  for (const ScenarioInfo& s : data.scenarios) labels.push_back(s.label);
  return labels;
}

std::string charts_html(const ReportData& data, const std::vector<std::string>& chart_svgs) {
  std::string out = fmt::format(
      "<section id=\"charts\">\n<h2>Over time</h2>\n<p class=\"lead\">Each chart follows one "
      "outcome month by month from {} to {}. A line is the median of the {} runs of a "
      "scenario: half the runs lie above it, half below. The darker band holds the middle 50% "
      "of the runs, the lighter band 90%. Where bands of two scenarios overlap a lot, the runs "
      "do not tell them apart at that time.</p>\n",
      e(month_label(data.dates.front())), e(month_label(data.dates.back())), data.runs);
  for (const std::string& svg : chart_svgs) out += "<figure>\n" + svg + "</figure>\n";
  if (chart_svgs.empty()) out += "<p>No charts.</p>\n";
  out += "</section>\n";
  return out;
}

std::string map_html(const ReportData& data) {
  std::string out = "<section id=\"map\">\n<h2>Who holds what, and where people die</h2>\n";
  if (data.map.regions.empty()) {
    return out + "<p>This model has no regions, so there is no map.</p>\n</section>\n";
  }
  const std::size_t date = map_date_index(data);
  const std::vector<std::string> labels = labels_of(data);
  fmt::format_to(
      std::back_inserter(out),
      "<p class=\"lead\">One map per scenario, side by side, for the month chosen with the "
      "slider. A region's colour is the actor holding the largest share of its area (median of "
      "the runs), paler when that share is smaller; the circle's area is the deaths in the "
      "region that month. {}.</p>\n"
      "<div class=\"slider\"><label for=\"map-slider\">Month:</label>"
      "<input type=\"range\" id=\"map-slider\" min=\"0\" max=\"{}\" step=\"1\" value=\"{}\">"
      "<output id=\"map-slider-date\" for=\"map-slider\">{}</output></div>\n<div class=\"maps\">\n",
      e(kSchematicNote), data.dates.size() - 1, date, e(month_label(data.dates[date])));
  const MapLayout layout = map_layout(data.map);
  const double most = max_deaths(data.map);
  for (std::size_t s = 0; s < data.scenarios.size(); ++s) {
    out += region_map_svg(data.map, layout, s, labels[s], data.dates[date], date, most);
  }
  out += "</div>\n";
  out += map_legend_svg(data.map, most, 1000).svg;
  out += "<script type=\"application/json\" id=\"map-data\">" +
         json_for_script(map_page_data(data.map, labels, data.dates)) + "</script>\n";
  out += "</section>\n";
  return out;
}

std::string contents_html(const ReportData& data) {
  std::string out = "<nav class=\"contents\"><ol>\n";
  const std::pair<const char*, const char*> entries[] = {
      {"answer", "The answer in short"},
      {"charts", "Over time"},
      {"map", "Who holds what, and where people die"},
      {"differences", "The table of differences"},
      {"trust", "How far to trust this"},
      {"scenarios", "What each scenario changes"},
      {"reproduce", "Reproduce"},
      {"manifest", "Run manifest"},
      {"sources", "Data sources"}};
  for (const auto& [id, title] : entries) {
    if (std::string_view(id) == "map" && data.map.regions.empty()) continue;
    fmt::format_to(std::back_inserter(out), "<li><a href=\"#{}\">{}</a></li>\n", id, title);
  }
  out += "</ol></nav>\n";
  return out;
}
}  // namespace

std::string report_html(const ReportData& data, const std::vector<std::string>& chart_svgs) {
  check_report_data(data);
  if (chart_svgs.size() != data.charts.size()) {
    throw std::invalid_argument(fmt::format("report page: {} chart drawings for {} charts",
                                            chart_svgs.size(), data.charts.size()));
  }
  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>{}</title>\n<script>{}</script>\n<style>{}</style>\n</head>\n<body>\n"
      "<header>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n</header>\n",
      e(data.title), error_counter_script(), page_css(), e(data.title), e(data.subtitle));
  page += contents_html(data);
  page += answer_html(data);
  page += charts_html(data, chart_svgs);
  page += map_html(data);
  page += differences_html(data);
  page += trust_html(data);
  page += scenarios_html(data);
  fmt::format_to(std::back_inserter(page),
                 "<section id=\"reproduce\">\n<h2>Reproduce</h2>\n<p>This command runs the same "
                 "scenarios with the same seeds and writes this report again:</p>\n"
                 "<pre class=\"command\">{}</pre>\n</section>\n"
                 "<section id=\"manifest\">\n<h2>Run manifest</h2>\n<p>Everything needed to "
                 "repeat the runs exactly: scenario files and their hashes, seeds, program "
                 "version, threads and build.</p>\n<pre class=\"manifest\">{}</pre>\n</section>\n"
                 "<section id=\"sources\">\n<h2>Data sources</h2>\n"
                 "<p class=\"sources-text\">{}</p>\n</section>\n",
                 e(data.reproduce), e(data.manifest_json), e(data.data_sources));
  fmt::format_to(std::back_inserter(page), "<script>{}</script>\n</body>\n</html>\n", map_script());
  return page;
}

}  // namespace insim::report
