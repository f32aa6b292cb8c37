#include "run/runner.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <deque>
#include <string_view>
#include <system_error>

#include "core/error.hpp"
#include "engine/parallel.hpp"
#include "insim/version.hpp"
#include "output/atomic_file.hpp"
#include "output/column_stats.hpp"
#include "output/final_table_csv.hpp"
#include "output/manifest_json.hpp"
#include "output/regions_csv.hpp"
#include "output/summary_json.hpp"
#include "output/timeseries_csv.hpp"
#include "run/run_environment.hpp"
#include "run/simulation_factory.hpp"
#include "run/stop_request.hpp"

namespace insim {

namespace {
using Clock = std::chrono::steady_clock;

// The folders a run creates, removed again (when still empty) if the run fails, so a failed
// run leaves the file system as it found it.
class CreatedFolders {
 public:
  explicit CreatedFolders(const std::filesystem::path& out) {
    const auto absolute = std::filesystem::absolute(out);
    for (auto p = absolute; !p.empty() && !std::filesystem::exists(p); p = p.parent_path()) {
      created_.push_back(p);  // innermost first
      if (p == p.parent_path()) break;
    }
    std::error_code ec;
    if (std::filesystem::exists(absolute, ec) && !std::filesystem::is_directory(absolute, ec)) {
      throw output::OutputError(fmt::format(
          "output folder '{}' is an existing file; choose another folder", out.string()));
    }
    std::filesystem::create_directories(absolute, ec);
    if (ec) {
      throw output::OutputError(
          fmt::format("cannot create output folder '{}': {}", out.string(), ec.message()));
    }
  }
  ~CreatedFolders() {
    if (keep_) return;
    std::error_code ignored;
    for (const auto& p : created_) std::filesystem::remove(p, ignored);  // only if empty
  }
  CreatedFolders(const CreatedFolders&) = delete;
  CreatedFolders& operator=(const CreatedFolders&) = delete;
  void keep() { keep_ = true; }

 private:
  std::vector<std::filesystem::path> created_;
  bool keep_ = false;
};

std::int64_t checked_option(std::optional<std::int64_t> value, std::int64_t fallback,
                            const char* path, std::int64_t min, std::int64_t max) {
  if (!value) return fallback;
  if (*value < min || *value > max) {
    throw InputError(
        Diagnostic{"run options", 0, 0, path,
                   fmt::format("must be between {} and {}, got {}", min, max, *value)});
  }
  return *value;
}

std::vector<output::ManifestParameter> manifest_parameters(const scenario::LoadResult& info,
                                                           const RunOptions& options,
                                                           std::int64_t seed, std::int64_t steps) {
  std::vector<output::ManifestParameter> out;
  out.reserve(info.fields.size());
  for (const scenario::FieldRecord& f : info.fields) {
    output::ManifestParameter p{.path = f.path,
                                .value = f.value,
                                .type = f.type,
                                .source = f.source,
                                .source_kind = std::string(scenario::to_string(f.source_kind)),
                                .origin = f.origin};
    // Options given to run_scenario itself (not through the loader) still show in the record.
    if (p.path == "run.seed" && options.seed) {
      p.value = std::to_string(seed);
      p.origin = "run option";
    }
    if (p.path == "run.steps" && options.steps) {
      p.value = std::to_string(steps);
      p.origin = "run option";
    }
    out.push_back(std::move(p));
  }
  return out;
}

// The scenario's `name`, else its file's stem.
std::string scenario_name(const LoadedScenario& scenario) {
  if (!scenario.def.name.empty()) return scenario.def.name;
  if (scenario.info.files.empty()) return {};
  return std::filesystem::path(scenario.info.files.front()).stem().string();
}

// Called only between steps: the simulation is never left inside a parallel loop.
void stop_if_requested(std::int64_t steps_done, std::int64_t steps) {
  if (const int signal = stop_signal(); signal != 0) throw RunStopped(signal, steps_done, steps);
}
}  // namespace

std::vector<std::filesystem::path> RunResult::files() const {
  std::vector<std::filesystem::path> out{timeseries};
  if (!regions.empty()) out.push_back(regions);
  out.insert(out.end(), tables.begin(), tables.end());
  out.push_back(summary);
  out.push_back(manifest);
  return out;
}

RunStopped::RunStopped(int signal, std::int64_t steps_done, std::int64_t steps)
    : std::runtime_error(fmt::format("stopped by {} after {} of {} steps", signal_name(signal),
                                     steps_done, steps)),
      signal_(signal),
      steps_done_(steps_done),
      steps_(steps) {}

RunResult run_scenario(const LoadedScenario& scenario, const RunOptions& options) {
  const auto wall_start = Clock::now();
  const auto start_time = std::chrono::system_clock::now();
  const ScenarioDef& def = scenario.def;
  const std::int64_t seed =
      checked_option(options.seed, def.run.seed, "run.seed", 0, 9'007'199'254'740'991);
  const std::int64_t steps =
      checked_option(options.steps, def.run.steps, "run.steps", 1, 1'000'000'000);
  if (options.threads < 0) {
    throw InputError(Diagnostic{"run options", 0, 0, "threads",
                                fmt::format("must be 0 (all) or more, got {}", options.threads)});
  }

  RunResult result;
  result.out_dir = options.out_dir.empty() ? std::filesystem::path(".") : options.out_dir;
  result.timeseries = result.out_dir / kTimeseriesFile;
  result.summary = result.out_dir / kSummaryFile;
  result.manifest = result.out_dir / kManifestFile;

  // Fail on an unwritable folder before any work: every temporary file exists from here on.
  CreatedFolders folders(result.out_dir);
  output::AtomicFile timeseries_file(result.timeseries);
  output::AtomicFile summary_file(result.summary);
  output::AtomicFile manifest_file(result.manifest);

  const ThreadLimit thread_limit(options.threads);
  const auto model_seed = static_cast<std::uint64_t>(seed);
  auto sim = options.simulation_factory ? options.simulation_factory(def, model_seed)
                                        : make_simulation(def, model_seed);
  if (!sim) throw std::logic_error("RunOptions::simulation_factory made no Simulation");
  const auto columns = sim->columns();
  if (columns.empty() || columns.front() != "step") {
    throw std::logic_error("Simulation::columns() must start with \"step\"");
  }
  const std::optional<Calendar> calendar = sim->calendar();
  output::TimeseriesCsv csv(timeseries_file, columns, calendar.has_value());
  output::ColumnStats stats(columns.size() - 1);  // `step` itself needs no statistics
  std::vector<double> row(columns.size());

  // regions.csv only for a model with places; its buffers are sized here, once.
  std::optional<output::AtomicFile> regions_file;
  std::optional<output::RegionsCsv> regions_csv;
  std::vector<double> place_values;
  if (const auto places = sim->places(); !places.empty()) {
    const auto place_columns = sim->place_columns();
    if (place_columns.empty()) {
      throw std::logic_error("Simulation::places() without place_columns(): nothing to record");
    }
    result.regions = result.out_dir / kRegionsFile;
    regions_file.emplace(result.regions);
    regions_csv.emplace(*regions_file, places, place_columns, calendar.has_value());
    place_values.resize(regions_csv->values_per_step());
  }

  const auto record = [&] {
    const std::int64_t step = sim->current_step();
    const std::optional<Date> date =
        calendar ? std::optional<Date>(calendar->date_of(step)) : std::nullopt;
    sim->observe(row);
    csv.write_row(row, date);
    if (regions_csv) {
      sim->observe_places(place_values);
      regions_csv->write_step(step, date, place_values);
    }
    stats.add(step, std::span<const double>(row).subspan(1));
  };

  const auto loop_start = Clock::now();
  record();
  for (std::int64_t s = 1; s <= steps; ++s) {
    stop_if_requested(s - 1, steps);
    sim->step();
    if (s % def.run.record_every == 0 || s == steps) record();
    if (options.progress) options.progress(s, steps);
  }
  const double loop_seconds = std::chrono::duration<double>(Clock::now() - loop_start).count();

  result.seed = seed;
  result.steps = steps;
  result.threads = thread_limit.threads();
  result.agents = sim->agent_count();
  result.recorded_rows = csv.rows_written();
  result.state_hash = sim->state_hash();
  result.agent_steps_per_second = loop_seconds > 0 ? static_cast<double>(result.agents) *
                                                         static_cast<double>(steps) / loop_seconds
                                                   : 0.0;

  // The model's end-of-run tables, checked whole before any of them is written.
  const std::vector<FinalTable> tables = sim->final_tables();
  const std::array<std::string_view, 4> reserved{kTimeseriesFile, kRegionsFile, kSummaryFile,
                                                 kManifestFile};
  output::check_final_tables(tables, reserved);
  std::deque<output::AtomicFile> table_files;  // a deque: AtomicFile does not move
  for (const FinalTable& table : tables) {
    result.tables.push_back(result.out_dir / table.file);
    output::write_final_table(table_files.emplace_back(result.tables.back()), table);
  }

  const std::string name = scenario_name(scenario);

  output::RunSummary summary;
  summary.scenario = name;
  summary.seed = static_cast<std::uint64_t>(seed);
  summary.steps = steps;
  summary.recorded_rows = result.recorded_rows;
  summary.columns.assign(columns.begin() + 1, columns.end());
  for (std::size_t i = 0; i < summary.columns.size(); ++i) {
    summary.statistics.push_back(stats.summary(i));
  }
  summary.model = sim->summary();
  result.model_summary = summary.model;
  summary.state_hash = result.state_hash;
  summary_file.write(output::to_json(summary).dump(2) + "\n");

  output::Manifest manifest;
  manifest.insim_version = kVersion;
  manifest.git_commit = kGitCommit;
  manifest.scenario_name = name;
  manifest.files = scenario.info.files;
  manifest.scenario_hash = scenario.info.hash;
  manifest.parameters = manifest_parameters(scenario.info, options, seed, steps);
  for (const auto& [kind, count] : scenario::count_sources(scenario.info)) {
    manifest.source_counts[std::string(scenario::to_string(kind))] = count;
  }
  manifest.seed = static_cast<std::uint64_t>(seed);
  manifest.steps = steps;
  manifest.record_every = def.run.record_every;
  manifest.threads = result.threads;
  manifest.command_line = options.command_line;
  for (const auto& file : result.files()) manifest.outputs.push_back(file.filename().string());
  manifest.build = build_info();
  manifest.host = host_name();
  manifest.start_time_utc = utc_iso8601(start_time);
  manifest.agents = result.agents;
  manifest.agent_steps_per_second = result.agent_steps_per_second;
  result.wall_seconds = std::chrono::duration<double>(Clock::now() - wall_start).count();
  manifest.wall_seconds = result.wall_seconds;
  manifest_file.write(output::to_json(manifest).dump(2) + "\n");

  // In the order of result.files().
  std::vector<output::AtomicFile*> files{&timeseries_file};
  if (regions_file) files.push_back(&*regions_file);
  for (output::AtomicFile& f : table_files) files.push_back(&f);
  files.push_back(&summary_file);
  files.push_back(&manifest_file);

  stop_if_requested(steps, steps);  // the last chance before the outputs become visible
  // All made durable first, so that only renames remain that could fail; then the renames, one
  // after another, the manifest last (output::commit_all).
  output::commit_all(files);
  folders.keep();
  return result;
}

}  // namespace insim
