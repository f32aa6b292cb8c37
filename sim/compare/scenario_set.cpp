#include "compare/scenario_set.hpp"

#include <fmt/format.h>

#include <map>

#include "core/error.hpp"

namespace insim::compare {

namespace {

std::string file_of(const CompareOptions& o, std::size_t s) { return o.scenarios[s].string(); }

bool is_run_setting(const std::string& path) {
  return path == "name" || path == "description" || path == "model" || path.rfind("run.", 0) == 0;
}

}  // namespace

ScenarioSet load_scenario_set(const CompareOptions& options) {
  if (options.scenarios.size() < 2) {
    throw InputError(Diagnostic{"command line", 0, 0, "SCENARIOS",
                                "a comparison needs a base scenario and at least one other"});
  }
  if (options.runs < 2) {
    throw InputError(Diagnostic{"command line", 0, 0, "--runs",
                                fmt::format("needs at least 2 runs per scenario for a confidence "
                                            "interval, got {}",
                                            options.runs)});
  }
  ScenarioSet set;
  for (std::size_t s = 0; s < options.scenarios.size(); ++s) {
    set.scenarios.push_back(load_scenario_file(options.scenarios[s], options.overrides));
    const LoadedScenario& sc = set.scenarios.back();
    if (sc.def.model != ModelKind::sahel) {
      throw InputError(Diagnostic{
          file_of(options, s), 0, 0, "model",
          fmt::format("insim compare compares Sahel scenarios (model: sahel); this one's model is "
                      "{}",
                      kModelKindNames[static_cast<std::size_t>(sc.def.model)])});
    }
    set.labels.push_back(sc.def.name.empty() ? options.scenarios[s].stem().string()
                                             : sc.def.name);
  }
  const auto& base = set.scenarios[0].def;
  const auto& cal = base.sahel.world.calendar;
  set.calendar = Calendar(cal.start, cal.unit);
  set.steps = base.run.steps;
  set.first_seed = base.run.seed;
  for (std::size_t s = 1; s < set.scenarios.size(); ++s) {
    const auto& def = set.scenarios[s].def;
    const auto& c = def.sahel.world.calendar;
    if (c.start != cal.start || c.unit != cal.unit) {
      throw InputError(Diagnostic{
          file_of(options, s), 0, 0, "sahel.world.calendar",
          fmt::format("starts {} in steps of a {}, the base {} in steps of a {}: paired runs need "
                      "one calendar",
                      to_string(c.start), c.unit == StepUnit::week ? "week" : "day",
                      to_string(cal.start), cal.unit == StepUnit::week ? "week" : "day")});
    }
    if (def.run.steps != set.steps) {
      throw InputError(Diagnostic{
          file_of(options, s), 0, 0, "run.steps",
          fmt::format("is {}, the base's {}: paired runs need the same length (set it with "
                      "--set run.steps=N for all)",
                      def.run.steps, set.steps)});
    }
  }

  const Date first = set.calendar.date_of(0);
  const Date end = set.calendar.date_of(set.steps);  // the first day not simulated
  const Date last = civil_from_days(days_from_civil(end) - 1);
  set.window = {options.from.value_or(first), options.to.value_or(last)};
  if (set.window.to < set.window.from) {
    throw InputError(Diagnostic{"command line", 0, 0, "--to",
                                fmt::format("{} is before --from {}", to_string(set.window.to),
                                            to_string(set.window.from))});
  }
  if (set.window.from < first || last < set.window.to) {
    throw InputError(Diagnostic{
        "command line", 0, 0, set.window.from < first ? "--from" : "--to",
        fmt::format("the window {} to {} must lie within the runs, {} to {}",
                    to_string(set.window.from), to_string(set.window.to), to_string(first),
                    to_string(last))});
  }
  return set;
}

std::vector<report::ParameterChange> parameter_changes(const scenario::LoadResult& base,
                                                       const scenario::LoadResult& alternative) {
  std::map<std::string, const scenario::FieldRecord*> in_base;
  for (const auto& f : base.fields) in_base[f.path] = &f;
  std::vector<report::ParameterChange> changes;
  std::map<std::string, bool> seen;
  for (const auto& f : alternative.fields) {
    seen[f.path] = true;
    if (is_run_setting(f.path)) continue;
    const auto it = in_base.find(f.path);
    if (it != in_base.end() && it->second->value == f.value) continue;
    changes.push_back({f.path, it == in_base.end() ? "(absent)" : it->second->value, f.value,
                       f.source});
  }
  for (const auto& f : base.fields) {
    if (seen.count(f.path) || is_run_setting(f.path)) continue;
    changes.push_back({f.path, f.value, "(absent)", ""});
  }
  return changes;
}

}  // namespace insim::compare
