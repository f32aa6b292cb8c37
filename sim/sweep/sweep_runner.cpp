#include "sweep/sweep_runner.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <chrono>
#include <mutex>
#include <optional>
#include <stdexcept>

#include "core/error.hpp"
#include "core/file_text.hpp"
#include "output/number_format.hpp"
#include "run/runner.hpp"
#include "run/scenario_loading.hpp"
#include "run/simulation_factory.hpp"
#include "run/stop_request.hpp"
#include "scenario/schema.hpp"
#include "sweep/result_store.hpp"
#include "sweep/run_metrics.hpp"
#include "sweep/sweep_points.hpp"

namespace insim::sweep {

namespace {

using Clock = std::chrono::steady_clock;

// "file:12:5" of a field, for messages about values the spec itself holds.
Diagnostic at_field(const scenario::LoadResult& info, const std::string& path,
                    const std::string& file, std::string message) {
  Diagnostic d{file, 0, 0, path, std::move(message)};
  for (const auto& f : info.fields) {
    if (f.path != path) continue;
    const auto last = f.origin.rfind(':');
    const auto middle = last == std::string::npos ? last : f.origin.rfind(':', last - 1);
    if (middle != std::string::npos) {
      d.line = std::atoi(f.origin.c_str() + middle + 1);
      d.column = std::atoi(f.origin.c_str() + last + 1);
    }
  }
  return d;
}

// The base scenario's record of a parameter path: must be a number or an integer.
const scenario::FieldRecord* numeric_field(const scenario::LoadResult& base,
                                           const std::string& path) {
  for (const auto& f : base.fields) {
    if (f.path == path && (f.type.rfind("number", 0) == 0 || f.type.rfind("integer", 0) == 0))
      return &f;
  }
  return nullptr;
}

std::string domain_text(const ParameterDef& p) {
  switch (p.distribution) {
    case Distribution::uniform: return fmt::format("uniform [{}, {}]", p.low, p.high);
    case Distribution::log_uniform: return fmt::format("log-uniform [{}, {}]", p.low, p.high);
    case Distribution::normal:
      return fmt::format("normal({}, {}) in [{}, {}]", p.mean, p.sd, p.low, p.high);
    case Distribution::values: return fmt::format("{}", fmt::join(p.values, ", "));
  }
  return {};
}

std::string role_of(const SweepDef& def, std::size_t point) {
  const std::size_t d = def.parameters.size();
  if (def.design == Design::sobol) {
    const std::size_t k = point % (d + 2);
    if (k == 0) return "A";
    if (k == d + 1) return "B";
    return fmt::format("AB{}", k);
  }
  if (def.design == Design::morris) {
    return fmt::format("trajectory {} step {}", point / (d + 1), point % (d + 1));
  }
  return {};
}

std::string metric_text(const MetricDef& m) {
  return fmt::format("{} of {} from {} to {}", kAggregateNames[static_cast<std::size_t>(m.aggregate)],
                     fmt::join(m.columns, " + "), to_string(m.from), to_string(m.to));
}

}  // namespace

SweepOutcome run_sweep(const SweepOptions& options) {
  const auto started = Clock::now();
  const std::string spec_file = options.spec.string();
  SweepDef def;
  const scenario::LoadResult spec = scenario::load(options.spec, {}, [&def](scenario::Schema& s) {
    scenario::Schema::Section section(s, "sweep");
    describe(s, def);
  });
  const std::filesystem::path base_file = options.spec.parent_path() / def.scenario;
  const LoadedScenario base = load_scenario_file(base_file);

  std::vector<bool> integer(def.parameters.size());
  for (std::size_t i = 0; i < def.parameters.size(); ++i) {
    const std::string key = fmt::format("sweep.parameters[{}].path", i);
    const auto* field = numeric_field(base.info, def.parameters[i].path);
    if (!field) {
      throw InputError(at_field(
          spec, key, spec_file,
          fmt::format("{} is not a number or integer of the base scenario {} (insim params "
                      "{} lists them)",
                      def.parameters[i].path, base_file.string(), base_file.string())));
    }
    integer[i] = field->type.rfind("integer", 0) == 0;
  }

  const SweepPoints points = sweep_points(def, spec_file);
  SweepPlan plan;
  plan.header = {spec_file,
                 read_file_text(options.spec),
                 spec.hash,
                 base.info.hash,
                 std::string(kDesignNames[static_cast<std::size_t>(def.design)]),
                 def.seed,
                 def.replicates,
                 {},
                 {},
                 {}};
  for (const auto& p : def.parameters) {
    plan.parameters.push_back(
        {p.path, std::string(kDistributionNames[static_cast<std::size_t>(p.distribution)]),
         domain_text(p)});
  }
  for (std::size_t i = 0; i < points.count(); ++i) {
    SweepPoint point{role_of(def, i), {}};
    for (std::size_t j = 0; j < def.parameters.size(); ++j) {
      double v = points.value(i, j);
      if (integer[j]) v = std::round(v);
      point.values.push_back({output::format_number(v), v});
    }
    plan.points.push_back(std::move(point));
  }
  for (const auto& m : def.metrics) plan.metrics.push_back({m.name, metric_text(m)});
  plan.series_columns = def.series;

  ResultStore store = options.resume
                          ? ResultStore::open_for_resume(options.database,
                                                         {spec.hash, base.info.hash})
                          : ResultStore::create(options.database, plan);
  const std::vector<PlannedRun> pending = store.pending_runs();
  const auto total = static_cast<std::int64_t>(pending.size());
  std::mutex progress_mutex;
  std::int64_t finished = 0;

  oneapi::tbb::parallel_for(std::size_t{0}, pending.size(), std::size_t{1}, [&](std::size_t k) {
    const PlannedRun& run = pending[k];
    const std::int64_t seed = def.seed + run.replicate;
    const auto wall0 = Clock::now();
    const auto t0 = std::chrono::system_clock::now();
    auto timing = [&] {
      return RunTiming{t0, std::chrono::system_clock::now(),
                       std::chrono::duration<double>(Clock::now() - wall0).count()};
    };
    const SweepPoint& point = store.plan().points[static_cast<std::size_t>(run.point_id)];
    std::vector<scenario::Override> overrides;
    for (std::size_t j = 0; j < def.parameters.size(); ++j) {
      overrides.push_back({def.parameters[j].path, point.values[j].text});
    }
    // A run that fails because of itself (a value out of range, a model error) is recorded with
    // its error and the sweep goes on; a stop request leaves it pending.
    std::optional<RunRecord> record;
    std::string error;
    try {
      const LoadedScenario scenario = load_scenario_file(base_file, overrides);
      const auto sim = make_simulation(scenario.def, static_cast<std::uint64_t>(seed));
      const auto calendar = sim->calendar();
      if (!calendar) throw std::invalid_argument("a sweep needs a model with a calendar (Sahel)");
      const RunMetrics metrics(def, *sim);
      std::int64_t step = 0;
      const std::int64_t steps = scenario.def.run.steps;
      RunOutputs out = metrics.run(*sim, *calendar, steps, [&] {
        if (const int sig = stop_signal(); sig != 0) throw RunStopped(sig, step, steps);
        ++step;
      });
      record = RunRecord{run.run_id, seed, timing(), std::move(out.metrics), {}};
      if (!def.series.empty()) {
        for (std::int64_t st = 0; st <= steps; ++st) {
          record->series.steps.push_back(st);
          record->series.dates.push_back(to_string(calendar->date_of(st)));
        }
        record->series.columns = std::move(out.series);
      }
    } catch (const RunStopped&) {
      throw;
    } catch (const std::exception& e) {
      error = e.what();
    }
    if (record) {
      store.record(*record);
    } else {
      store.record_failure({run.run_id, seed, error, timing()});
    }
    const std::lock_guard lock(progress_mutex);
    ++finished;
    if (options.progress) options.progress(finished, total);
  });

  const RunCounts counts = store.counts();
  SweepOutcome outcome;
  outcome.runs = store.run_count();
  outcome.ran = finished;
  outcome.done = counts.done;
  outcome.failed = counts.failed;
  outcome.wall_seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return outcome;
}

}  // namespace insim::sweep
