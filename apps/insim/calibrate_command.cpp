#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "calibrate/calibrate_runner.hpp"
#include "commands.hpp"
#include "engine/parallel.hpp"
#include "run/runner.hpp"
#include "run/stop_request.hpp"

namespace insim::cli {

CLI::App* add_calibrate(CLI::App& app, CalibrateArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "calibrate",
      "fit a scenario's parameters to observed values and to the checks of insim check by "
      "approximate Bayesian computation (ABC-SMC); writes the accepted parameter sets, the "
      "posterior, the fit and a scenario with the posterior medians (docs/calibrate.md)");
  add_common(*cmd);
  cmd->footer(
      "Exit codes: 0 done; 1 a failure (e.g. the folder cannot be written, a run failed); 2 bad "
      "input (the spec, a parameter, a target); 130/143 stopped by SIGINT/SIGTERM: nothing is "
      "written.");
  cmd->add_option("SPEC", a.spec, "calibration spec (YAML)")->required();
  cmd->add_option("--out", a.out_dir,
                  "output folder: particles.csv, posterior.csv, fit.csv, best.yaml, "
                  "manifest.json")
      ->type_name("DIR")
      ->required();
  cmd->add_option("--threads", a.threads, "worker threads; 0 = all hardware threads")
      ->type_name("N")
      ->check(CLI::Range(0, 4096));
  return cmd;
}

int run_calibrate(const CalibrateArgs& a, const std::vector<std::string>& command_line) {
  install_stop_handlers();
  const ThreadLimit limit(a.threads);
  calibrate::CalibrateOptions options;
  options.spec = a.spec;
  options.out_dir = a.out_dir;
  options.command_line = command_line;
  options.threads = limit.threads();
  options.progress = [](const calibrate::Generation& g, double seconds) {
    fmt::print(stderr,
               "generation {}: tolerance {:.4g}, {} of {} candidates accepted ({:.1f}%; {} inside "
               "the prior simulated), {:.1f} s\n",
               g.index, g.tolerance, g.particles.size(), g.candidates, 100.0 * g.acceptance_rate(),
               g.simulated, seconds);
  };
  calibrate::CalibrateOutcome r;
  try {
    r = calibrate::run_calibration(options);
  } catch (const RunStopped& e) {
    fmt::print(stderr, "insim: calibration stopped by {}; nothing was written\n",
               signal_name(e.signal()));
    return 128 + e.signal();
  }
  const auto& last = r.result.generations.back();
  const char* why = r.result.stop == calibrate::StopReason::acceptance
                        ? "stopped early: the acceptance rate fell below min_acceptance"
                        : "all generations done";
  fmt::print(
      "{} generations after the prior's, {} particles, final tolerance {:.4g} ({}); {:.1f} "
      "s ({} threads); files in {}\n",
      r.result.generations.size() - 1, last.particles.size(), last.tolerance, why, r.wall_seconds,
      limit.threads(), a.out_dir);
  return kExitOk;
}

}  // namespace insim::cli
