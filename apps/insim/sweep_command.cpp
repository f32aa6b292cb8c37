#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "engine/parallel.hpp"
#include "run/progress_bar.hpp"
#include "run/runner.hpp"
#include "run/stop_request.hpp"
#include "sweep/sweep_runner.hpp"

namespace insim::cli {

CLI::App* add_sweep(CLI::App& app, SweepArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "sweep",
      "run a parameter sweep: the points of a design (grid, random, Latin hypercube, Sobol' "
      "with Saltelli's scheme, Morris trajectories) x replicates, each run recorded in an SQLite "
      "database as it finishes (docs/sweeps.md)");
  add_common(*cmd);
  cmd->footer(
      "Exit codes: 0 every run done or recorded as failed; 1 a failure (e.g. the database cannot "
      "be written); 2 bad input (the spec, a parameter, an existing database without --resume); "
      "130/143 stopped by SIGINT/SIGTERM: finished runs are kept, --resume does the rest.");
  cmd->add_option("SPEC", a.spec, "sweep spec (YAML)")->required();
  cmd->add_option("--out", a.database, "results database (SQLite), created new")
      ->type_name("FILE")
      ->required();
  cmd->add_flag("--resume", a.resume,
                "finish the pending runs of an existing database made from the same spec");
  cmd->add_option("--threads", a.threads, "worker threads; 0 = all hardware threads")
      ->type_name("N")
      ->check(CLI::Range(0, 4096));
  return cmd;
}

int run_sweep(const SweepArgs& a) {
  install_stop_handlers();
  const ThreadLimit limit(a.threads);
  sweep::SweepOptions options;
  options.spec = a.spec;
  options.database = a.database;
  options.resume = a.resume;
  std::unique_ptr<ProgressBar> bar;
  if (stderr_is_terminal()) {
    options.progress = [&bar](std::int64_t done, std::int64_t total) {
      if (!bar) bar = std::make_unique<ProgressBar>(total);
      bar->update(done);
    };
  }
  sweep::SweepOutcome r;
  try {
    r = sweep::run_sweep(options);
  } catch (const RunStopped& e) {
    bar.reset();
    fmt::print(stderr,
               "insim: stopped by {}; the runs that finished are in {}; run the same command "
               "with --resume to do the rest\n",
               signal_name(e.signal()), a.database);
    return 128 + e.signal();
  }
  if (bar) bar->finish();
  fmt::print("{} runs this time in {:.1f} s ({} threads); {} of {} done, {} failed, in {}\n",
             r.ran, r.wall_seconds, limit.threads(), r.done, r.runs, r.failed, a.database);
  return kExitOk;
}

}  // namespace insim::cli
