#include "compare/compare.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>

#include "compare/compare_outputs.hpp"
#include "compare/outcomes.hpp"
#include "compare/run_reduction.hpp"
#include "compare/run_rows.hpp"
#include "compare/scenario_set.hpp"
#include "core/error.hpp"
#include "output/atomic_file.hpp"
#include "run/runner.hpp"
#include "run/simulation_factory.hpp"
#include "run/stop_request.hpp"
#include "validation/target_checks.hpp"

namespace insim::compare {

namespace {

// The runs' monthly rows live here until they are summed up; removed however the comparison ends.
class ScratchFolder {
 public:
  explicit ScratchFolder(const std::filesystem::path& out_dir)
      : path_(out_dir / fmt::format(".compare-runs-{}", ::getpid())) {
    std::error_code ec;
    std::filesystem::create_directories(path_, ec);
    if (ec) {
      throw output::OutputError(
          fmt::format("cannot create {}: {}", path_.string(), ec.message()));
    }
  }
  ~ScratchFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  [[nodiscard]] std::filesystem::path file(std::size_t scenario, std::int64_t replicate) const {
    return path_ / fmt::format("s{}-r{}.rows", scenario, replicate);
  }

 private:
  std::filesystem::path path_;
};

// Summing up reads every run file of a scenario at once: lift the soft limit on open files as far
// as the hard limit allows (often 1,024 soft, far more hard), so a thousand runs still fit.
void allow_open_files(std::int64_t needed) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return;
  const auto wanted = static_cast<rlim_t>(needed + 64);
  if (limit.rlim_cur >= wanted) return;
  limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? wanted : std::min(wanted, limit.rlim_max);
  (void)setrlimit(RLIMIT_NOFILE, &limit);
}

// Between the phases (the runs, the validation, summing up): a stop requested during the
// validation, which does not look for one, is honoured before anything is written.
void stop_if_requested(std::int64_t done, std::int64_t total) {
  if (const int sig = stop_signal(); sig != 0) throw RunStopped(sig, done, total);
}

}  // namespace

CompareResult compare_scenarios(const CompareOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const auto started_utc = std::chrono::system_clock::now();
  const ScenarioSet set = load_scenario_set(options);
  const Outcomes outcomes = sahel_outcomes(set.scenarios[0].def.sahel);
  const std::size_t scenarios = set.scenarios.size();
  const std::int64_t runs = options.runs;
  const std::int64_t months = complete_months(set.calendar, set.steps);
  if (months < 1) {
    throw InputError(Diagnostic{options.scenarios[0].string(), 0, 0, "run.steps",
                                "the runs must cover at least one whole calendar month"});
  }

  // The validation's targets are read before any run, so that a bad file fails early.
  std::optional<validation::LoadedTargets> targets;
  std::string validation_note;
  if (options.validation_runs > 0) {
    const auto file = validation::default_targets_file(options.scenarios[0]);
    if (std::filesystem::exists(file)) {
      targets = validation::load_targets(file);
    } else {
      validation_note = fmt::format("no calibration targets beside {} (validation/targets.yaml)",
                                    options.scenarios[0].string());
    }
  }

  allow_open_files(runs);
  std::filesystem::create_directories(options.out_dir);
  OutputFiles files(options.out_dir);  // opened now: an unwritable folder fails before the runs
  ScratchFolder scratch(options.out_dir);

  const std::int64_t validation_runs = targets ? options.validation_runs : 0;
  const std::int64_t total = static_cast<std::int64_t>(scenarios) * runs + validation_runs;
  std::mutex progress_mutex;
  std::int64_t done = 0;
  auto tick = [&] {
    const std::lock_guard lock(progress_mutex);
    ++done;
    if (options.progress) options.progress(done, total);
  };

  // windows[s][i]: the table rows' values of replicate i of scenario s.
  std::vector<std::vector<std::vector<double>>> windows(
      scenarios, std::vector<std::vector<double>>(static_cast<std::size_t>(runs)));
  std::optional<ResolvedOutcomes> resolved;
  std::once_flag resolved_once;
  oneapi::tbb::parallel_for(
      std::int64_t{0}, static_cast<std::int64_t>(scenarios) * runs, std::int64_t{1},
      [&](std::int64_t job) {
        const auto s = static_cast<std::size_t>(job / runs);
        const std::int64_t i = job % runs;
        const auto seed = static_cast<std::uint64_t>(set.first_seed + i);
        const auto sim = make_simulation(set.scenarios[s].def, seed);
        std::call_once(resolved_once, [&] { resolved.emplace(outcomes, *sim); });
        RowWriter writer(scratch.file(s, i), resolved->size());
        std::int64_t step = 0;
        windows[s][static_cast<std::size_t>(i)] = run_and_reduce(
            *sim, set.calendar, set.steps, *resolved, outcomes.table, set.window, writer, [&] {
              if (const int sig = stop_signal(); sig != 0) throw RunStopped(sig, step, set.steps);
              ++step;
            });
        writer.close();
        tick();
      });

  stop_if_requested(done, total);
  std::optional<validation::ValidationReport> validation;
  if (targets) {
    validation::ValidationOptions v;
    v.runs = options.validation_runs;
    v.progress = [&](int, int) { tick(); };
    validation = validation::validate_sahel(set.scenarios[0].def, *targets, v);
  }

  stop_if_requested(done, total);
  // Sum up each scenario's runs month by month, streaming summary.csv as it goes.
  std::vector<std::vector<report::SeriesBands>> bands(scenarios);
  for (std::size_t s = 0; s < scenarios; ++s) {
    std::vector<std::filesystem::path> run_files;
    for (std::int64_t i = 0; i < runs; ++i) run_files.push_back(scratch.file(s, i));
    bands[s] = files.summarise_scenario(set, outcomes, s, run_files, months);
  }

  CompareInputs inputs{set, outcomes, windows, bands, validation, validation_note, options};
  inputs.started_utc = started_utc;
  inputs.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CompareResult result = files.finish(inputs);
  result.runs_done = done;
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace insim::compare
