#include "report/report_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "report/report_text.hpp"

namespace insim::report {

namespace {
[[noreturn]] void reject(const std::string& what) {
  throw std::invalid_argument("report data: " + what);
}

bool is_file_stem(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
  });
}

void check_charts(const ReportData& data) {
  std::set<std::string> ids;
  for (const TimeChart& chart : data.charts) {
    if (!is_file_stem(chart.id)) {
      reject(fmt::format("chart id '{}' must be lower-case letters, digits and _ (a file name)",
                         chart.id));
    }
    if (!ids.insert(chart.id).second) reject(fmt::format("two charts have the id '{}'", chart.id));
    for (const Panel& panel : chart.panels) {
      if (panel.by_scenario.size() != data.scenarios.size()) {
        reject(fmt::format("chart '{}', panel '{}': {} series for {} scenarios", chart.id,
                           panel.title, panel.by_scenario.size(), data.scenarios.size()));
      }
      for (const SeriesBands& b : panel.by_scenario) {
        for (const auto* series : {&b.p5, &b.p25, &b.p50, &b.p75, &b.p95}) {
          if (series->size() != data.dates.size()) {
            reject(fmt::format("chart '{}', panel '{}': {} values for {} dates", chart.id,
                               panel.title, series->size(), data.dates.size()));
          }
        }
      }
    }
  }
}

void check_map(const ReportData& data) {
  const MapData& map = data.map;
  if (map.regions.empty()) return;  // a model without regions: the page has no map
  if (map.latitude.size() != map.regions.size() || map.longitude.size() != map.regions.size()) {
    reject(fmt::format("map: {} regions but {} latitudes and {} longitudes", map.regions.size(),
                       map.latitude.size(), map.longitude.size()));
  }
  if (map.holders.empty()) reject("map: no holders (the state is holder 0)");
  if (map.by_scenario.size() != data.scenarios.size()) {
    reject(fmt::format("map: {} layers for {} scenarios", map.by_scenario.size(),
                       data.scenarios.size()));
  }
  const std::size_t cells = map.regions.size() * data.dates.size();
  for (std::size_t s = 0; s < map.by_scenario.size(); ++s) {
    const MapData::Layer& l = map.by_scenario[s];
    if (l.holder.size() != cells || l.holder_share.size() != cells || l.deaths.size() != cells) {
      reject(
          fmt::format("map layer of scenario {}: {} / {} / {} holder / share / deaths values, "
                      "expected {} (dates x regions)",
                      s, l.holder.size(), l.holder_share.size(), l.deaths.size(), cells));
    }
  }
}
}  // namespace

void check_report_data(const ReportData& data) {
  if (data.scenarios.empty()) reject("no scenarios (the first is the base)");
  if (data.dates.empty()) reject("no dates");
  for (const std::string& date : data.dates) {
    if (!is_year_month(date)) reject(fmt::format("date '{}' is not YYYY-MM", date));
  }
  check_charts(data);
  check_map(data);
  for (const DifferenceRow& row : data.differences) {
    if (row.alternative == 0 || row.alternative >= data.scenarios.size()) {
      reject(fmt::format("difference row '{}': alternative {} is not one of scenarios 1..{}",
                         row.outcome, row.alternative, data.scenarios.size() - 1));
    }
  }
}

std::size_t map_date_index(const ReportData& data) {
  const std::string month = data.window_to.substr(0, 7);
  const auto it = std::find(data.dates.begin(), data.dates.end(), month);
  return it != data.dates.end() ? static_cast<std::size_t>(it - data.dates.begin())
                                : data.dates.size() - 1;
}

}  // namespace insim::report
