#include "calibrate/calibration_targets.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <stdexcept>

#include "calibrate/distance.hpp"
#include "scenario/loader/field_location.hpp"
#include "core/error.hpp"
#include "run/simulation_factory.hpp"
#include "sweep/run_metrics.hpp"
#include "validation/pattern_checks.hpp"
#include "validation/sahel_validation.hpp"
#include "validation/target_checks.hpp"

namespace insim::calibrate {

namespace {

std::string key(std::size_t target, std::string_view field) {
  return fmt::format("calibrate.targets[{}].{}", target, field);
}

std::string metric_text(const sweep::MetricDef& m) {
  return fmt::format("{} of {} from {} to {}",
                     sweep::kAggregateNames[static_cast<std::size_t>(m.aggregate)],
                     fmt::join(m.columns, " + "), to_string(m.from), to_string(m.to));
}

std::string source_of(const scenario::LoadResult& info, const std::string& path) {
  for (const auto& f : info.fields)
    if (f.path == path) return f.source;
  return {};
}

void append_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const auto& name : from)
    if (std::find(to.begin(), to.end(), name) == to.end()) to.push_back(name);
}

// The series the checks read: the patterns' and the targets' (as insim check records them).
validation::RecordSpec check_series(const sahel::DynamicsDef& dynamics) {
  validation::RecordSpec spec = validation::pattern_series(validation::actor_groups(dynamics));
  const validation::RecordSpec targets = validation::target_series();
  append_unique(spec.national_states, targets.national_states);
  append_unique(spec.national_weeks, targets.national_weeks);
  append_unique(spec.region_states, targets.region_states);
  append_unique(spec.region_weeks, targets.region_weeks);
  return spec;
}

// Throws the spec's problems at their line.
struct SpecProblems {
  const scenario::LoadResult& info;
  const std::string& file;
  [[noreturn]] void at(std::size_t target, std::string_view field, std::string message) const {
    throw InputError(scenario::diagnostic_at(info, file, key(target, field), std::move(message)));
  }
};

bool in_group(const std::string& group, const std::string& wanted) {
  if (wanted == "all") return true;
  const bool pattern = group == validation::kPatternsGroup;
  return wanted == "patterns" ? pattern : !pattern;
}

}  // namespace

CalibrationTargets::CalibrationTargets(const CalibrateDef& def,
                                       const scenario::LoadResult& spec_info,
                                       const std::string& spec_file, const LoadedScenario& base,
                                       const std::filesystem::path& targets_file) {
  const SpecProblems problem{spec_info, spec_file};
  std::vector<std::pair<std::string, validation::Check>> known;  // (group, check)
  for (std::size_t i = 0; i < def.targets.size(); ++i) {
    if (is_observed(def.targets[i]) || !known.empty()) continue;
    const std::string_view field = def.targets[i].check.empty() ? "checks" : "check";
    if (base.def.model != ModelKind::sahel) {
      problem.at(
          i, field,
          "the checks of insim check are the Sahel model's; the base scenario is not a Sahel "
          "scenario (give observed targets instead)");
    }
    const validation::LoadedTargets loaded = validation::load_targets(targets_file);
    targets_file_ = targets_file;
    targets_hash_ = loaded.info.hash;
    known = validation::sahel_checks(base.def.sahel.dynamics, loaded).checks;
    record_ = check_series(base.def.sahel.dynamics);
  }

  std::set<std::string> names;
  const auto add = [&](Target t, std::string_view field) {
    if (!names.insert(t.name).second) {
      problem.at(
          t.spec_index, field,
          fmt::format("{} is a target twice (a check may come from a group as well)", t.name));
    }
    targets_.push_back(std::move(t));
  };
  const auto add_check = [&](std::size_t i, const validation::Check& c, std::string_view field) {
    Target t{Target::Kind::check,
             c.id,
             c.what,
             std::numeric_limits<double>::quiet_NaN(),
             c.band,
             c.reference,
             def.targets[i].weight,
             i,
             checks_.size()};
    checks_.push_back(c);
    add(std::move(t), field);
  };
  for (std::size_t i = 0; i < def.targets.size(); ++i) {
    const TargetDef& d = def.targets[i];
    if (is_observed(d)) {
      const std::string source = source_of(spec_info, key(i, "observed"));
      if (source.empty()) {
        problem.at(
            i, "observed",
            "an observed value needs its source: write observed: {value: X, source: \"...\"}");
      }
      add({Target::Kind::observed,
           d.metric.name,
           metric_text(d.metric),
           d.observed,
           {},
           source,
           d.weight,
           i,
           metrics_.metrics.size()},
          "name");
      metrics_.metrics.push_back(d.metric);
    } else if (!d.check.empty()) {
      const auto it = std::find_if(known.begin(), known.end(),
                                   [&](const auto& k) { return k.second.id == d.check; });
      if (it == known.end()) {
        std::vector<std::string> ids;
        for (const auto& k : known) ids.push_back(k.second.id);
        problem.at(
            i, "check",
            fmt::format("insim check has no check '{}' (with the targets of {}); its checks are: "
                        "{}",
                        d.check, targets_file_.string(), fmt::join(ids, ", ")));
      }
      add_check(i, it->second, "check");
    } else {
      for (const auto& [group, check] : known)
        if (in_group(group, d.checks)) add_check(i, check, "checks");
    }
  }

  if (metrics_.metrics.empty()) return;
  const std::size_t first = std::find_if(targets_.begin(), targets_.end(), [](const Target& t) {
                              return t.kind == Target::Kind::observed;
                            })->spec_index;
  const auto sim = make_simulation(base.def, static_cast<std::uint64_t>(base.def.run.seed));
  if (!sim->calendar()) {
    problem.at(first, "columns",
               "observed targets are dated windows: they need a model with a calendar (the Sahel "
               "model)");
  }
  try {
    (void)sweep::RunMetrics(metrics_, *sim);
  } catch (const InputError& e) {
    // The sweep's message names the metric ("metric/NAME") and the column it cannot find.
    const Diagnostic& d = e.diagnostics().front();
    std::size_t at = first;
    for (const Target& t : targets_)
      if (t.kind == Target::Kind::observed && d.key_path == "metric/" + t.name) at = t.spec_index;
    problem.at(
        at, "columns",
        fmt::format("{} (insim run writes the columns the model observes into timeseries.csv, "
                    "and Region/column names those of regions.csv)",
                    d.message));
  }
}

std::vector<double> CalibrationTargets::simulate(const ScenarioDef& scenario, std::uint64_t seed,
                                                 const std::function<void()>& between_steps) const {
  std::vector<double> values(targets_.size(), std::numeric_limits<double>::quiet_NaN());
  if (!metrics_.metrics.empty()) {
    const auto sim = make_simulation(scenario, seed);
    const sweep::RunMetrics metrics(metrics_, *sim);
    const sweep::RunOutputs out =
        metrics.run(*sim, *sim->calendar(), scenario.run.steps, between_steps);
    for (std::size_t k = 0; k < targets_.size(); ++k)
      if (targets_[k].kind == Target::Kind::observed) values[k] = out.metrics[targets_[k].slot];
  }
  if (!checks_.empty()) {
    if (between_steps) between_steps();
    const validation::RunOutcome outcome =
        validation::run_seed(scenario.sahel, scenario.run.steps, seed, record_);
    for (std::size_t k = 0; k < targets_.size(); ++k) {
      if (targets_[k].kind != Target::Kind::check) continue;
      try {
        values[k] = checks_[targets_[k].slot].measure(outcome);
      } catch (const std::out_of_range&) {
        // The model lacks a series or region the check reads: it cannot tell, as in insim check.
      }
    }
  }
  return values;
}

double CalibrationTargets::distance(std::span<const double> values) const {
  std::vector<double> terms(targets_.size()), weights(targets_.size());
  for (std::size_t k = 0; k < targets_.size(); ++k) {
    const Target& t = targets_[k];
    terms[k] = t.kind == Target::Kind::observed ? observed_term(values[k], t.observed)
                                                : band_term(values[k], t.band);
    weights[k] = t.weight;
  }
  return rms_distance(terms, weights);
}

}  // namespace insim::calibrate
