#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "core/error.hpp"
#include "engine/parallel.hpp"
#include "output/atomic_file.hpp"
#include "run/progress_bar.hpp"
#include "run/scenario_loading.hpp"
#include "validation/report_format.hpp"
#include "validation/sahel_validation.hpp"

namespace insim::cli {

CLI::App* add_check(CLI::App& app, CheckArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "check",
      "run a Sahel scenario for several seeds and print the validation table: each pattern of "
      "MODEL.md and each calibration target, with its band, the mean and 90% interval over the "
      "runs, and pass or FAIL (docs/validation.md)");
  add_common(*cmd);
  cmd->footer(
      "Exit codes: 0 every check passes; 1 a check fails, or another failure (e.g. --csv or "
      "--json cannot be written); 2 bad input (usage error, not a Sahel scenario, or a "
      "scenario, targets or --set problem, reported with file:line:col and key).");
  cmd->add_option("SCENARIO", a.scenario, "Sahel scenario file (YAML)")->required();
  cmd->add_option("--runs", a.runs, "number of runs, seeds run.seed, run.seed + 1, ...")
      ->type_name("N")
      ->check(CLI::Range(1, 10000))
      ->capture_default_str();
  cmd->add_option("--seed", a.seed, "seed of the first run (same as --set run.seed=N)")
      ->type_name("N");
  cmd->add_option("--threads", a.threads, "worker threads; 0 = all hardware threads")
      ->type_name("N")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--targets", a.targets,
                  "calibration targets (default: validation/targets.yaml beside the scenario)")
      ->type_name("FILE");
  cmd->add_option("--csv", a.csv, "also write the table as CSV")->type_name("FILE");
  cmd->add_option("--json", a.json, "also write the table, with each run's values, as JSON")
      ->type_name("FILE");
  add_set_option(*cmd, a.sets);
  return cmd;
}

int run_check(const CheckArgs& a) {
  auto overrides = parse_overrides(a.sets);
  if (a.seed) overrides.push_back({"run.seed", *a.seed});
  const LoadedScenario scenario = load_scenario_file(a.scenario, overrides);
  if (scenario.def.model != ModelKind::sahel) {
    throw InputError(Diagnostic{
        a.scenario, 0, 0, "model",
        fmt::format("insim check validates Sahel scenarios only (model: sahel); this scenario's "
                    "model is {}. Use `insim run` for it",
                    kModelKindNames[static_cast<std::size_t>(scenario.def.model)])});
  }
  const std::filesystem::path targets_file = a.targets.empty()
                                                 ? validation::default_targets_file(a.scenario)
                                                 : std::filesystem::path(a.targets);
  if (!std::filesystem::exists(targets_file)) {
    throw InputError(Diagnostic{
        targets_file.string(), 0, 0, "",
        a.targets.empty() ? "no calibration targets beside the scenario (the default is "
                            "validation/targets.yaml in the scenario's folder or the one above); "
                            "name a file with --targets FILE"
                          : "the calibration targets file (--targets) does not exist"});
  }
  const validation::LoadedTargets targets = validation::load_targets(targets_file);

  // Opened before the runs, so that an unwritable path fails before any work is done.
  std::unique_ptr<output::AtomicFile> csv, json;
  if (!a.csv.empty()) csv = std::make_unique<output::AtomicFile>(a.csv);
  if (!a.json.empty()) json = std::make_unique<output::AtomicFile>(a.json);

  const ThreadLimit limit(a.threads);
  validation::ValidationOptions options;
  options.runs = a.runs;
  std::unique_ptr<ProgressBar> bar;
  if (stderr_is_terminal()) {
    bar = std::make_unique<ProgressBar>(a.runs);
    options.progress = [&bar](int done, int) { bar->update(done); };
  }
  const validation::ValidationReport report =
      validation::validate_sahel(scenario.def, targets, options);
  if (bar) bar->finish();

  if (csv) {
    csv->write(validation::to_csv(report));
    csv->commit();
  }
  if (json) {
    json->write(validation::to_json(report));
    json->commit();
  }
  fmt::print("{}", validation::format_table(report));
  return report.all_pass() ? kExitOk : kExitFailure;
}

}  // namespace insim::cli
