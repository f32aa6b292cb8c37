#include "validation/sahel_validation.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <stdexcept>

#include "models/sahel/sahel_model.hpp"
#include "validation/pattern_checks.hpp"
#include "validation/statistics.hpp"

namespace insim::validation {

namespace {

void append_unique(std::vector<std::string>& to, const std::vector<std::string>& from) {
  for (const auto& name : from)
    if (std::find(to.begin(), to.end(), name) == to.end()) to.push_back(name);
}

RecordSpec merged(const RecordSpec& a, const RecordSpec& b) {
  RecordSpec out = a;
  append_unique(out.national_states, b.national_states);
  append_unique(out.national_weeks, b.national_weeks);
  append_unique(out.region_states, b.region_states);
  append_unique(out.region_weeks, b.region_weeks);
  return out;
}

RunRecord run_one(const sahel::SahelDef& def, std::int64_t steps, std::uint64_t seed,
                  const RecordSpec& spec) {
  sahel::SahelModel model(def, seed);
  return record_run(model, steps, spec);
}

}  // namespace

CheckRow summarise(const Check& check, std::string group, std::vector<double> values,
                   std::string note) {
  CheckRow row;
  row.group = std::move(group);
  row.id = check.id;
  row.source = check.source;
  row.reference = check.reference;
  row.what = check.what;
  row.band = check.band;
  row.values = std::move(values);
  std::vector<double> known;
  for (double v : row.values) {
    if (std::isnan(v))
      ++row.missing;
    else
      known.push_back(v);
  }
  row.mean = mean(known);
  row.p5 = percentile(known, 5.0);
  row.p95 = percentile(known, 95.0);
  row.note = std::move(note);
  if (row.missing > 0 && row.note.empty())
    row.note = fmt::format("n/a in {} of {} runs", row.missing, row.values.size());
  row.pass = row.missing == 0 && !row.values.empty() && check.band.contains(row.mean);
  return row;
}

std::size_t ValidationReport::passed() const {
  return static_cast<std::size_t>(
      std::count_if(rows.begin(), rows.end(), [](const CheckRow& r) { return r.pass; }));
}

GroupedChecks sahel_checks(const sahel::DynamicsDef& dynamics, const LoadedTargets& targets) {
  GroupedChecks out;
  out.groups.emplace_back(kPatternsGroup);
  for (auto& c : pattern_checks(actor_groups(dynamics)))
    out.checks.emplace_back(kPatternsGroup, std::move(c));
  const auto& ucdp = targets.def.ucdp;
  const std::string group =
      ucdp.empty() ? std::string("Calibration targets")
                   : fmt::format("Calibration targets {}-{}", ucdp.front().year, ucdp.back().year);
  out.groups.push_back(group);
  for (auto& c : target_checks(targets)) out.checks.emplace_back(group, std::move(c));
  return out;
}

RunOutcome run_seed(const sahel::SahelDef& def, std::int64_t steps, std::uint64_t seed,
                    const RecordSpec& spec) {
  RunOutcome out{run_one(def, steps, seed, spec), std::nullopt};
  const std::int64_t purge = event_step(out.run, "purge", kPurgeEvent);
  if (purge < 0) return out;
  sahel::SahelDef without = def;
  without.dynamics.changes.drop_events.emplace_back(kPurgeEvent);
  // Identical to the run above until the purge; it only needs to go as far as P11 reads.
  out.without_purge = run_one(without, std::min(steps, p11_last_state(purge)), seed, spec);
  return out;
}

ValidationReport validate_sahel(const ScenarioDef& def, const LoadedTargets& targets,
                                const ValidationOptions& options) {
  if (def.model != ModelKind::sahel)
    throw std::invalid_argument("validate_sahel: the scenario is not a Sahel scenario");
  if (options.runs < 1) throw std::invalid_argument("validate_sahel: runs must be at least 1");
  const GroupedChecks checks = sahel_checks(def.sahel.dynamics, targets);
  const RecordSpec spec = merged(pattern_series(actor_groups(def.sahel.dynamics)), target_series());
  const auto n = static_cast<std::size_t>(options.runs);

  ValidationReport report;
  report.scenario = def.name;
  report.groups = checks.groups;
  for (std::size_t i = 0; i < n; ++i)
    report.seeds.push_back(def.run.seed + static_cast<std::int64_t>(i));

  // values[c][i]: check c on seed i. Each seed writes its own column: no order effects.
  std::vector<std::vector<double>> values(checks.checks.size(), std::vector<double>(n));
  std::vector<std::string> notes(checks.checks.size());
  std::mutex lock;  // progress calls and notes
  int done = 0;
  oneapi::tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
    const RunOutcome outcome =
        run_seed(def.sahel, def.run.steps, static_cast<std::uint64_t>(report.seeds[i]), spec);
    for (std::size_t c = 0; c < checks.checks.size(); ++c) {
      try {
        values[c][i] = checks.checks[c].second.measure(outcome);
      } catch (const std::out_of_range& e) {
        values[c][i] = std::nan("");
        const std::lock_guard<std::mutex> guard(lock);
        if (notes[c].empty()) notes[c] = e.what();
      }
    }
    const std::lock_guard<std::mutex> guard(lock);
    ++done;
    if (options.progress) options.progress(done, options.runs);
  });

  for (std::size_t c = 0; c < checks.checks.size(); ++c) {
    const auto& [group, check] = checks.checks[c];
    report.rows.push_back(summarise(check, group, std::move(values[c]), std::move(notes[c])));
  }
  return report;
}

}  // namespace insim::validation
