#pragma once
// Runs a loaded scenario from step 0 to the end and writes, into one folder,
// timeseries.csv (step 0, every run.record_every steps, and the last step), summary.json and
// manifest.json; for a model with places, regions.csv (the same steps, per place, long
// format); and each table of Simulation::final_tables() (docs/outputs.md). For a model with a
// calendar both CSV streams carry a `date` column after `step`. Nothing half-written: the
// folder is checked for writing before the run, outputs go to temporary files, and they are
// renamed into place only once the run completed. A stop request (SIGINT/SIGTERM,
// run/stop_request.hpp) is honoured between steps: the run throws RunStopped and, as any
// failed run, leaves no output of its own.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "engine/simulation.hpp"
#include "run/scenario_loading.hpp"

namespace insim {

struct RunOptions {
  std::optional<std::int64_t> seed;   // replaces run.seed (0 .. 2^53 - 1)
  std::optional<std::int64_t> steps;  // replaces run.steps (at least 1)
  int threads = 0;                    // worker threads; 0 = all hardware threads
  std::filesystem::path out_dir;      // created if missing
  // Called after every step with (steps done, total steps), e.g. to draw a ProgressBar.
  std::function<void(std::int64_t, std::int64_t)> progress;
  std::vector<std::string> command_line;  // recorded in the manifest as given
  // Makes the Simulation; empty = the model the scenario names (run/simulation_factory.hpp).
  // Lets tests run a model of their own through the same outputs and guarantees.
  std::function<std::unique_ptr<Simulation>(const ScenarioDef&, std::uint64_t seed)>
      simulation_factory;
};

struct RunResult {
  std::filesystem::path out_dir;
  std::filesystem::path timeseries;
  std::filesystem::path summary;
  std::filesystem::path manifest;
  std::filesystem::path regions;              // empty when the model observes no places
  std::vector<std::filesystem::path> tables;  // Simulation::final_tables(), in its order
  std::int64_t seed = 0;
  std::int64_t steps = 0;
  int threads = 0;
  std::int64_t agents = 0;
  std::size_t recorded_rows = 0;
  double wall_seconds = 0.0;
  double agent_steps_per_second = 0.0;
  std::uint64_t state_hash = 0;
  // The model's own results (Simulation::summary()), as in summary.json.
  std::vector<std::pair<std::string, double>> model_summary;

  // Every file the run wrote, in the manifest's order: timeseries, regions (if any), the final
  // tables, summary, manifest.
  [[nodiscard]] std::vector<std::filesystem::path> files() const;
};

inline constexpr const char* kTimeseriesFile = "timeseries.csv";
inline constexpr const char* kSummaryFile = "summary.json";
inline constexpr const char* kManifestFile = "manifest.json";
inline constexpr const char* kRegionsFile = "regions.csv";

// A run given up at a step boundary because a stop was requested; its outputs were discarded.
class RunStopped : public std::runtime_error {
 public:
  RunStopped(int signal, std::int64_t steps_done, std::int64_t steps);
  [[nodiscard]] int signal() const { return signal_; }
  [[nodiscard]] std::int64_t steps_done() const { return steps_done_; }
  [[nodiscard]] std::int64_t steps() const { return steps_; }

 private:
  int signal_;
  std::int64_t steps_done_;
  std::int64_t steps_;
};

// Throws InputError for out-of-range options, output::OutputError when the folder or a file
// cannot be written, std::logic_error when the model breaks the Simulation contract (e.g. a
// final table whose rows are not as wide as its header, or named like another output),
// RunStopped when a stop was requested before the outputs were complete; in each case no
// output file is left behind. Once the outputs are being renamed into place a stop request is
// no longer looked at: the run completes.
RunResult run_scenario(const LoadedScenario& scenario, const RunOptions& options);

}  // namespace insim
