#include "sweep/sweep_runner.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <variant>

#include "core/error.hpp"
#include "core/file_text.hpp"
#include "output/number_format.hpp"
#include "run/runner.hpp"
#include "run/scenario_loading.hpp"
#include "run/simulation_factory.hpp"
#include "run/stop_request.hpp"
#include "scenario/loader/field_location.hpp"
#include "scenario/schema.hpp"
#include "sweep/result_store.hpp"
#include "sweep/run_metrics.hpp"
#include "sweep/sweep_points.hpp"

namespace insim::sweep {

namespace {

using Clock = std::chrono::steady_clock;

std::string domain_text(const ParameterDef& p) {
  switch (p.distribution) {
    case Distribution::uniform:
      return fmt::format("uniform [{}, {}]", p.low, p.high);
    case Distribution::log_uniform:
      return fmt::format("log-uniform [{}, {}]", p.low, p.high);
    case Distribution::normal:
      return fmt::format("normal({}, {}) in [{}, {}]", p.mean, p.sd, p.low, p.high);
    case Distribution::values:
      return fmt::format("{}", fmt::join(p.values, ", "));
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
  return fmt::format("{} of {} from {} to {}",
                     kAggregateNames[static_cast<std::size_t>(m.aggregate)],
                     fmt::join(m.columns, " + "), to_string(m.from), to_string(m.to));
}

}  // namespace

std::optional<Shard> parse_shard(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  auto number = [](std::string_view digits) -> std::optional<std::int64_t> {
    std::int64_t value = 0;
    const auto* end = digits.data() + digits.size();
    const auto [ptr, ec] = std::from_chars(digits.data(), end, value);
    if (digits.empty() || ec != std::errc() || ptr != end || digits.front() == '-' ||
        digits.front() == '+') {
      return std::nullopt;
    }
    return value;
  };
  const auto index = number(text.substr(0, slash));
  const auto count = number(text.substr(slash + 1));
  if (!index || !count || *count < 1 || *index >= *count) return std::nullopt;
  return Shard{*index, *count};
}

PreparedSweep prepare_sweep(const std::filesystem::path& spec_path) {
  PreparedSweep sweep;
  SweepDef& def = sweep.def;
  const std::string spec_file = spec_path.string();
  const scenario::LoadResult spec = scenario::load(spec_path, {}, [&def](scenario::Schema& s) {
    scenario::Schema::Section section(s, "sweep");
    describe(s, def);
  });
  sweep.base_file = spec_path.parent_path() / def.scenario;
  const LoadedScenario base = load_scenario_file(sweep.base_file);

  std::vector<bool> integer(def.parameters.size());
  for (std::size_t i = 0; i < def.parameters.size(); ++i) {
    const std::string key = fmt::format("sweep.parameters[{}].path", i);
    const auto* field = scenario::numeric_field(base.info, def.parameters[i].path);
    if (!field) {
      throw InputError(scenario::diagnostic_at(
          spec, spec_file, key,
          fmt::format("{} is not a number or integer of the base scenario {} (insim params "
                      "{} lists them)",
                      def.parameters[i].path, sweep.base_file.string(), sweep.base_file.string())));
    }
    integer[i] = field->type.rfind("integer", 0) == 0;
  }

  const SweepPoints points = sweep_points(def, spec_file);
  SweepPlan& plan = sweep.plan;
  plan.header = {spec_file,
                 read_file_text(spec_path),
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
  return sweep;
}

ResultStore open_results(const PreparedSweep& sweep, const std::filesystem::path& database,
                         bool resume) {
  const auto& h = sweep.plan.header;
  return resume ? ResultStore::open_for_resume(database, {h.spec_hash, h.base_scenario_hash})
                : ResultStore::create(database, sweep.plan);
}

std::vector<PlannedRun> pending_runs(const ResultStore& store, const Shard& shard) {
  std::vector<PlannedRun> pending = store.pending_runs();
  std::erase_if(pending, [&](const PlannedRun& run) { return !shard.owns(run.run_id); });
  return pending;
}

std::int64_t shard_size(std::int64_t runs, const Shard& shard) {
  return runs / shard.count + (shard.index < runs % shard.count ? 1 : 0);
}

RunResult execute_run(const PreparedSweep& sweep, const SweepPoint& point, const PlannedRun& run,
                      const std::function<int()>& stop) {
  const SweepDef& def = sweep.def;
  const std::int64_t seed = def.seed + run.replicate;
  const auto wall0 = Clock::now();
  const auto t0 = std::chrono::system_clock::now();
  auto timing = [&] {
    return RunTiming{t0, std::chrono::system_clock::now(),
                     std::chrono::duration<double>(Clock::now() - wall0).count()};
  };
  std::vector<scenario::Override> overrides;
  for (std::size_t j = 0; j < def.parameters.size(); ++j) {
    overrides.push_back({def.parameters[j].path, point.values[j].text});
  }
  try {
    const LoadedScenario scenario = load_scenario_file(sweep.base_file, overrides);
    const auto sim = make_simulation(scenario.def, static_cast<std::uint64_t>(seed));
    const auto calendar = sim->calendar();
    if (!calendar) throw std::invalid_argument("a sweep needs a model with a calendar (Sahel)");
    const RunMetrics metrics(def, *sim);
    std::int64_t step = 0;
    const std::int64_t steps = scenario.def.run.steps;
    RunOutputs out = metrics.run(*sim, *calendar, steps, [&] {
      if (const int sig = stop(); sig != 0) throw RunStopped(sig, step, steps);
      ++step;
    });
    RunRecord record{run.run_id, seed, timing(), std::move(out.metrics), {}};
    if (!def.series.empty()) {
      for (std::int64_t st = 0; st <= steps; ++st) {
        record.series.steps.push_back(st);
        record.series.dates.push_back(to_string(calendar->date_of(st)));
      }
      record.series.columns = std::move(out.series);
    }
    return record;
  } catch (const RunStopped&) {
    throw;
  } catch (const std::exception& e) {
    return RunFailure{run.run_id, seed, e.what(), timing()};
  }
}

SweepOutcome run_sweep(const SweepOptions& options) {
  const auto started = Clock::now();
  const PreparedSweep sweep = prepare_sweep(options.spec);
  ResultStore store = open_results(sweep, options.database, options.resume);
  const std::vector<PlannedRun> pending = pending_runs(store, options.shard);
  const auto total = static_cast<std::int64_t>(pending.size());
  std::mutex progress_mutex;
  std::int64_t finished = 0;

  oneapi::tbb::parallel_for(std::size_t{0}, pending.size(), std::size_t{1}, [&](std::size_t k) {
    const PlannedRun& run = pending[k];
    // The database's points: on resume, those the sweep started with.
    const SweepPoint& point = store.plan().points[static_cast<std::size_t>(run.point_id)];
    const RunResult result = execute_run(sweep, point, run, [] { return stop_signal(); });
    if (const auto* record = std::get_if<RunRecord>(&result)) {
      store.record(*record);
    } else {
      store.record_failure(std::get<RunFailure>(result));
    }
    const std::lock_guard lock(progress_mutex);
    ++finished;
    if (options.progress) options.progress(finished, total);
  });

  const RunCounts counts = store.counts();
  SweepOutcome outcome;
  outcome.runs = store.run_count();
  outcome.shard_runs = shard_size(outcome.runs, options.shard);
  outcome.ran = finished;
  outcome.done = counts.done;
  outcome.failed = counts.failed;
  outcome.wall_seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return outcome;
}

}  // namespace insim::sweep
