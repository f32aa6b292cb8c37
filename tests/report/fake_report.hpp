#pragma once
// Made-up ReportData for the report's tests: smooth, deterministic curves (no runs behind them),
// Mali's nine regional capitals, every section filled.
#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "report/report_data.hpp"

namespace insim::test {

inline std::vector<std::string> months_from(int year, int month, std::size_t count) {
  std::vector<std::string> dates;
  for (std::size_t i = 0; i < count; ++i) {
    const int m = month - 1 + static_cast<int>(i);
    dates.push_back(fmt::format("{:04}-{:02}", year + m / 12, m % 12 + 1));
  }
  return dates;
}

// Bands around level * (1 + 0.3 sin(...)), wider for later months.
inline report::SeriesBands fake_bands(double level, std::size_t months, double phase) {
  report::SeriesBands b;
  for (std::size_t t = 0; t < months; ++t) {
    const double x = static_cast<double>(t);
    const double mid = level * (1.0 + 0.3 * std::sin(x / 9.0 + phase));
    const double spread = level * (0.05 + 0.2 * x / static_cast<double>(months));
    b.p5.push_back(std::max(0.0, mid - 2 * spread));
    b.p25.push_back(std::max(0.0, mid - spread));
    b.p50.push_back(mid);
    b.p75.push_back(mid + spread);
    b.p95.push_back(mid + 2 * spread);
  }
  return b;
}

inline report::ReportData fake_report(std::size_t scenarios = 3, std::size_t months = 120) {
  using namespace insim::report;
  ReportData d;
  d.title = "Baseline vs France stays vs purge cascade";
  d.subtitle = "20 runs each, 2012-01 to 2021-12, 1 agent = 100 people";
  const char* labels[] = {"Baseline", "France stays", "Purge cascade", "Fourth", "Fifth"};
  for (std::size_t s = 0; s < scenarios; ++s) {
    ScenarioInfo info;
    info.label = labels[s % 5];
    info.name = fmt::format("sahel_{}", s);
    info.file = fmt::format("scenarios/sahel/scenario_{}.yaml", s);
    info.text = "extends: baseline.yaml\nsahel:\n  changes:\n    drop_events: [barkhane_exit]\n";
    info.description = "What happens if " + info.label + ".";
    if (s > 0) {
      info.changes.push_back({"sahel.changes.drop_events", "[]", "[barkhane_exit]", "assumption"});
    }
    d.scenarios.push_back(info);
  }
  d.dates = months_from(2012, 1, months);
  d.window_from = "2018-01-01";
  d.window_to = "2021-12-31";
  d.runs = 20;

  TimeChart deaths{"civilians_killed_by_perpetrator",
                   "Civilians killed per month, by perpetrator",
                   "people killed per month",
                   "Median and bands over the runs. Source: insim runs of the Sahel model.",
                   {}};
  const char* perpetrators[] = {"JNIM", "ISGS", "State forces", "Militias"};
  for (std::size_t p = 0; p < 4; ++p) {
    Panel panel{perpetrators[p], {}};
    for (std::size_t s = 0; s < scenarios; ++s) {
      panel.by_scenario.push_back(fake_bands(40.0 * (p + 1) * (1.0 - 0.15 * s), months, s + p));
    }
    deaths.panels.push_back(panel);
  }
  TimeChart territory{"territory_held",
                      "Territory held by each actor",
                      "% of Mali's area",
                      "Median and bands over the runs.",
                      {}};
  for (const char* who : {"State", "Armed groups"}) {
    Panel panel{who, {}};
    for (std::size_t s = 0; s < scenarios; ++s) {
      panel.by_scenario.push_back(fake_bands(who[0] == 'S' ? 60.0 : 25.0, months, 0.5 * s));
    }
    territory.panels.push_back(panel);
  }
  TimeChart displaced{
      "displaced", "Displaced people", "people", "Median and bands over the runs.", {}};
  Panel all{"Mali", {}};
  for (std::size_t s = 0; s < scenarios; ++s)
    all.by_scenario.push_back(fake_bands(250000, months, s));
  displaced.panels.push_back(all);
  d.charts = {deaths, territory, displaced};

  d.map.regions = {"Kayes",      "Koulikoro", "Sikasso", "Ségou", "Mopti",
                   "Tombouctou", "Gao",       "Kidal",   "Bamako"};
  d.map.latitude = {14.4417, 12.87, 11.3176, 13.4312, 14.4891, 16.7705, 16.2717, 18.44, 12.65};
  d.map.longitude = {-11.4341, -7.56, -5.6665, -6.2492, -4.1928, -3.0056, -0.0447, 1.41, -8.0};
  d.map.holders = {"State", "JNIM", "ISGS", "CMA"};
  d.map.violence_label = "deaths per month in the region (median of the runs)";
  const std::size_t regions = d.map.regions.size();
  for (std::size_t s = 0; s < scenarios; ++s) {
    MapData::Layer layer;
    for (std::size_t t = 0; t < months; ++t) {
      for (std::size_t r = 0; r < regions; ++r) {
        const bool north = d.map.latitude[r] > 15.5;
        const bool lost = north && t > 2 + 10 * s;
        layer.holder.push_back(lost ? static_cast<int>(1 + (r + s) % 3) : 0);
        layer.holder_share.push_back(0.4 + 0.6 * std::fabs(std::sin(0.05 * t + r)));
        layer.deaths.push_back(north || r == 4 ? 5.0 + 30.0 * std::fabs(std::sin(0.1 * t + r + s))
                                               : 0.5 * r);
      }
    }
    d.map.by_scenario.push_back(layer);
  }

  for (std::size_t alt = 1; alt < scenarios; ++alt) {
    DifferenceRow row;
    row.outcome = "Civilians killed";
    row.unit = "people";
    row.alternative = alt;
    row.base_mean = 4200;
    row.alternative_mean = 2900;
    row.difference = -1300;
    row.difference_low = -1700;
    row.difference_high = -900;
    row.relative_defined = true;
    row.relative = -0.31;
    row.relative_low = -0.40;
    row.relative_high = -0.22;
    row.sentence =
        "With " + d.scenarios[alt].label +
        ", civilian deaths 2018-2021 are 31% lower (95% CI 22-40%) than in the baseline.";
    row.headline = true;
    d.differences.push_back(row);
    DifferenceRow same = row;
    same.outcome = "Displaced people";
    same.difference = 1200;
    same.difference_low = -3000;
    same.difference_high = 5400;
    same.relative = 0.004;
    same.relative_low = -0.01;
    same.relative_high = 0.02;
    same.spans_zero = true;
    same.headline = false;
    same.sentence = "Displaced people: cannot tell apart from the baseline.";
    d.differences.push_back(same);
  }

  d.trust.validation_runs = 20;
  d.trust.validation = {{"P3", "armed groups' share of the north's people, March vs January 2013",
                         "<= 0.5", "F07", 0.31, true},
                        {"deaths-2015", "civilian deaths in 2015", "300-900", "UCDP", 1250, false}};
  d.trust.values_documents = 40;
  d.trust.values_public_sources = 25;
  d.trust.values_assumptions = 30;
  d.trust.values_unstated = 5;
  d.trust.limits = {"Regions are whole units: no towns, roads or rivers.",
                    "Actors' decisions follow fixed rules, not strategy."};
  d.manifest_json = "{\n  \"seed\": 42,\n  \"note\": \"a <b> & c\"\n}";
  d.reproduce =
      "insim compare scenarios/sahel/baseline.yaml scenarios/sahel/france_stays.yaml "
      "--runs 20 --out report";
  d.data_sources = "Regions: Mali 2009 census. Events: ACLED and UCDP.";
  return d;
}

}  // namespace insim::test
