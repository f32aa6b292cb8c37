#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "run/progress_bar.hpp"
#include "run/runner.hpp"
#include "run/scenario_loading.hpp"
#include "run/stop_request.hpp"

namespace insim::cli {

CLI::App* add_run(CLI::App& app, RunArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "run",
      "run a scenario and write timeseries.csv, summary.json, manifest.json and, for models "
      "with regions or end-of-run tables, regions.csv and those tables (docs/outputs.md)");
  add_common(*cmd);
  cmd->add_option("SCENARIO", a.scenario, "scenario file (YAML)")->required();
  cmd->add_option("--seed", a.seed, "random seed (same as --set run.seed=N)")->type_name("N");
  cmd->add_option("--steps", a.steps, "number of steps (same as --set run.steps=N)")
      ->type_name("N");
  cmd->add_option("--threads", a.threads, "worker threads; 0 = all hardware threads")
      ->type_name("N")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--out", a.out_dir, "output folder (default: out/<scenario name>/seed-<N>)")
      ->type_name("DIR");
  add_set_option(*cmd, a.sets);
  return cmd;
}

int run_run(const RunArgs& a, const std::vector<std::string>& command_line) {
  // Before loading, so that a Ctrl-C from here on ends the run cleanly (see docs/interrupting.md).
  install_stop_handlers();
  auto overrides = parse_overrides(a.sets);
  if (a.seed) overrides.push_back({"run.seed", *a.seed});
  if (a.steps) overrides.push_back({"run.steps", *a.steps});
  const LoadedScenario scenario = load_scenario_file(a.scenario, overrides);

  RunOptions options;
  options.threads = a.threads;
  options.out_dir = !a.out_dir.empty()
                        ? std::filesystem::path(a.out_dir)
                        : std::filesystem::path("out") / std::filesystem::path(a.scenario).stem() /
                              fmt::format("seed-{}", scenario.def.run.seed);
  options.command_line = command_line;
  std::unique_ptr<ProgressBar> bar;
  if (stderr_is_terminal()) {
    bar = std::make_unique<ProgressBar>(scenario.def.run.steps);
    options.progress = [&bar](std::int64_t done, std::int64_t) { bar->update(done); };
  }

  RunResult r;
  try {
    r = run_scenario(scenario, options);
  } catch (const RunStopped& e) {
    bar.reset();  // ends the bar's line
    fmt::print(stderr,
               "insim: {}; no output written (outputs are kept only for complete runs); "
               "earlier files in {} are unchanged\n",
               e.what(), options.out_dir.string());
    return 128 + e.signal();  // the shell's convention: 130 for SIGINT, 143 for SIGTERM
  }
  if (bar) bar->finish();
  std::vector<std::string> written;
  for (const auto& file : r.files()) written.push_back(file.filename().string());
  fmt::print("wrote {} in {}\n", fmt::join(written, ", "), r.out_dir.string());
  fmt::print("{} steps x {} agents in {:.3f} s: {:.4g} agent-steps/s ({} threads, seed {})\n",
             r.steps, r.agents, r.wall_seconds, r.agent_steps_per_second, r.threads, r.seed);
  for (const auto& [name, value] : r.model_summary) fmt::print("  {:<20} {:.6g}\n", name, value);
  return kExitOk;
}

}  // namespace insim::cli
