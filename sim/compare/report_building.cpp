// ReportData from a comparison's reduced runs (compare_outputs.hpp): the report only lays out.
#include <fmt/format.h>

#include <cmath>

#include "compare/compare_outputs.hpp"
#include "core/file_text.hpp"
#include "scenario/loader/source_summary.hpp"

namespace insim::compare {

namespace {

// The model's main limits in plain words (docs/ODD.md part 2, docs/calibration.md).
const std::vector<std::string>& model_limits() {
  static const std::vector<std::string> limits{
      "The bands show how much the model's own chance events move the results from run to run; "
      "they do not show how uncertain the model's parameters are (a sensitivity analysis does).",
      "The model was calibrated by hand to the deaths and displacement recorded for 2012-2019; "
      "the table above shows which historical patterns it reproduces and which it misses.",
      "After 2025 the model applies the same rules with no new events: 2026-2030 is what those "
      "rules imply, not a forecast.",
      "A counterfactual changes one decision and keeps every other event as it happened, even "
      "events the change might itself have prevented or brought about.",
      "Regions are Mali's regions of 2012; inside a region, villages and towns have no map "
      "positions, and the border zone with Burkina Faso and Niger is not modelled.",
      "Refugees who leave Mali are counted but not followed abroad.",
  };
  return limits;
}

constexpr const char* kDataSources =
    "Events, forces and mechanisms: the source documents summarised in the project's FACTS.md "
    "(each parameter cites its fact id). Population: Mali's 1998 and 2009 censuses (RGPH) and "
    "the 2022 census (RGPH5); regions and coordinates: GADM 3.6 and ACLED location points; "
    "communities: CIA World Factbook (2018 estimates). Deaths used for calibration: UCDP "
    "Georeferenced Event Dataset, 2012-2019; displacement: IOM DTM and UNHCR figures "
    "(scenarios/sahel/validation/targets.yaml lists each with its source). Every chart shows "
    "simulated values, not observations.";

// POSIX shell quoting for the reproduce command.
std::string shell_quote(const std::string& arg) {
  if (!arg.empty() &&
      arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                            "-_./=:,+@%") == std::string::npos) {
    return arg;
  }
  std::string q = "'";
  for (char c : arg) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

report::MapData map_data(const CompareInputs& in, std::size_t months) {
  const MapSpec& spec = in.outcomes.map;
  report::MapData map;
  map.regions = spec.regions;
  map.latitude = spec.latitude;
  map.longitude = spec.longitude;
  map.holders = spec.holders;
  map.violence_label = "deaths per month in the region (median of the runs)";
  const std::size_t regions = spec.regions.size();
  for (std::size_t s = 0; s < in.bands.size(); ++s) {
    report::MapData::Layer layer;
    layer.holder.resize(months * regions);
    layer.holder_share.resize(months * regions);
    layer.deaths.resize(months * regions);
    for (std::size_t d = 0; d < months; ++d) {
      for (std::size_t r = 0; r < regions; ++r) {
        const auto& shares = spec.holder_share[r];
        // shares[0] is the area armed groups hold; the state holds the rest.
        int best = 0;
        double best_share = 1.0 - in.bands[s][shares[0]].p50[d];
        for (std::size_t h = 1; h < shares.size(); ++h) {
          const double x = in.bands[s][shares[h]].p50[d];
          if (x > best_share) {
            best = static_cast<int>(h);
            best_share = x;
          }
        }
        layer.holder[d * regions + r] = best;
        layer.holder_share[d * regions + r] = std::isnan(best_share) ? 0.0 : best_share;
        layer.deaths[d * regions + r] = in.bands[s][spec.deaths[r]].p50[d];
      }
    }
    map.by_scenario.push_back(std::move(layer));
  }
  return map;
}

}  // namespace

report::ReportData report_data(const CompareInputs& in, std::vector<report::DifferenceRow> rows,
                               std::string manifest_json) {
  const ScenarioSet& set = in.set;
  const std::size_t runs = in.windows[0].size();
  const std::size_t months = in.bands[0].empty() ? 0 : in.bands[0][0].p50.size();
  report::ReportData data;

  std::string title;
  for (std::size_t s = 0; s < set.labels.size(); ++s) {
    title += (s ? " vs " : "") + set.labels[s];
  }
  data.title = title;
  data.subtitle = fmt::format(
      "{} runs of each scenario, {} to {}, one simulated person for every {} people; the table "
      "compares {} to {}",
      runs, month_label(set.calendar, 0),
      month_label(set.calendar, static_cast<std::int64_t>(months) - 1),
      set.scenarios[0].def.sahel.world.people_per_agent, to_string(set.window.from),
      to_string(set.window.to));
  data.runs = static_cast<int>(runs);
  data.window_from = to_string(set.window.from);
  data.window_to = to_string(set.window.to);
  for (std::size_t m = 0; m < months; ++m) {
    data.dates.push_back(month_label(set.calendar, static_cast<std::int64_t>(m)));
  }

  for (std::size_t s = 0; s < set.scenarios.size(); ++s) {
    const auto& sc = set.scenarios[s];
    report::ScenarioInfo info;
    info.label = set.labels[s];
    info.name = sc.def.name;
    info.file = in.options.scenarios[s].string();
    info.text = read_file_text(in.options.scenarios[s]);
    info.description = sc.def.description;
    if (s > 0) info.changes = parameter_changes(set.scenarios[0].info, sc.info);
    data.scenarios.push_back(std::move(info));
  }

  for (const ChartSpec& spec : in.outcomes.charts) {
    report::TimeChart chart;
    chart.id = spec.id;
    chart.title = spec.title;
    chart.note = spec.note;
    chart.y_label = in.outcomes.outcomes[spec.panels.front()].unit;
    for (std::size_t p = 0; p < spec.panels.size(); ++p) {
      report::Panel panel;
      panel.title = spec.panel_titles[p];
      for (std::size_t s = 0; s < in.bands.size(); ++s) {
        panel.by_scenario.push_back(in.bands[s][spec.panels[p]]);
      }
      chart.panels.push_back(std::move(panel));
    }
    data.charts.push_back(std::move(chart));
  }
  data.map = map_data(in, months);
  data.differences = std::move(rows);

  report::TrustData& trust = data.trust;
  if (in.validation) {
    trust.validation_runs = static_cast<int>(in.validation->seeds.size());
    for (const auto& row : in.validation->rows) {
      trust.validation.push_back(
          {row.id, row.what, row.band.to_string(), row.source, row.mean, row.pass});
    }
  }
  const scenario::SourceSummary sources = scenario::summarise_sources(set.scenarios[0].info);
  trust.values_documents = sources.in_files.at(scenario::SourceKind::document_fact);
  trust.values_public_sources = sources.in_files.at(scenario::SourceKind::public_source);
  trust.values_assumptions = sources.in_files.at(scenario::SourceKind::assumption);
  trust.values_unstated = sources.in_files.at(scenario::SourceKind::unstated);
  trust.limits = model_limits();

  data.manifest_json = std::move(manifest_json);
  std::string command;
  for (const auto& arg : in.options.command_line) {
    command += (command.empty() ? "" : " ") + shell_quote(arg);
  }
  data.reproduce = command;
  data.data_sources = kDataSources;
  return data;
}

}  // namespace insim::compare
