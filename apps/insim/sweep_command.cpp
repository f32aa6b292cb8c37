#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "engine/parallel.hpp"
#include "run/progress_bar.hpp"
#include "run/runner.hpp"
#include "run/stop_request.hpp"
#include "sweep/mpi/sweep_mpi.hpp"
#include "sweep/sweep_runner.hpp"

namespace insim::cli {

CLI::App* add_sweep(CLI::App& app, SweepArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "sweep",
      "run a parameter sweep: the points of a design (grid, random, Latin hypercube, Sobol' "
      "with Saltelli's scheme, Morris trajectories) x replicates, each run recorded in an SQLite "
      "database as it finishes; under mpirun its runs are shared among the ranks "
      "(docs/sweeps.md)");
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
  cmd->add_option("--threads", a.threads,
                  "runs at once (per rank under MPI); 0 = all hardware threads (shared among "
                  "the ranks on a machine)")
      ->type_name("N")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--shard", a.shard,
                  "do only shard I of N: the runs with run_id % N == I (the database gets the "
                  "whole plan; insim merge joins the shards' databases)")
      ->type_name("I/N")
      ->check(CLI::Validator(
          [](const std::string& text) {
            return sweep::parse_shard(text)
                       ? std::string()
                       : "expected I/N with whole numbers 0 <= I < N, e.g. 0/4; got '" + text + "'";
          },
          "I/N"));
  return cmd;
}

namespace {

void print_closing_line(const sweep::SweepOutcome& r, const sweep::Shard& shard,
                        const std::string& how, const std::string& database) {
  if (shard.count == 1) {
    fmt::print("{} runs this time in {:.1f} s ({}); {} of {} done, {} failed, in {}\n", r.ran,
               r.wall_seconds, how, r.done, r.runs, r.failed, database);
    return;
  }
  fmt::print(
      "{} runs this time in {:.1f} s ({}), shard {}/{} ({} of the {} runs); {} of {} done, {} "
      "failed, in {}; the other {} runs are for the other shards (insim merge joins the "
      "shards' databases)\n",
      r.ran, r.wall_seconds, how, shard.index, shard.count, r.shard_runs, r.runs, r.done, r.runs,
      r.failed, database, r.runs - r.shard_runs);
}

}  // namespace

int run_sweep(const SweepArgs& a) {
  install_stop_handlers();
  sweep::SweepOptions options;
  options.spec = a.spec;
  options.database = a.database;
  options.resume = a.resume;
  if (!a.shard.empty()) options.shard = *sweep::parse_shard(a.shard);
  std::unique_ptr<ProgressBar> bar;
  if (stderr_is_terminal()) {
    options.progress = [&bar](std::int64_t done, std::int64_t total) {
      if (!bar) bar = std::make_unique<ProgressBar>(total);
      bar->update(done);
    };
  }
  auto stopped = [&](const RunStopped& e) {
    bar.reset();
    fmt::print(stderr,
               "insim: stopped by {}; the runs that finished are in {}; run the same command "
               "with --resume to do the rest\n",
               signal_name(e.signal()), a.database);
    return 128 + e.signal();
  };
  auto finished = [&](const sweep::SweepOutcome& r, const std::string& how) {
    if (bar) bar->finish();
    print_closing_line(r, options.shard, how, a.database);
    return kExitOk;
  };

  if (sweep::launched_by_mpi()) {
    // Started by mpirun or srun: only then is MPI initialised (a plain run never touches it). It
    // is finalised when `mpi` goes, after the last line is printed.
    sweep::MpiSweep mpi;
    sweep::MpiSweepOutcome m;
    // A stopped job ends without finalising MPI: when mpirun itself was stopped it is ending the
    // job, and MPI_Finalize would wait for it until it kills the ranks a second later. The
    // database is closed and the message printed by then.
    auto end_stopped = [](int code) {
      std::fflush(nullptr);
      std::_Exit(code);
    };
    try {
      m = mpi.run(options, a.threads);
    } catch (const RunStopped& e) {
      end_stopped(stopped(e));
    }
    if (!m.coordinator) {
      if (m.exit_code > 128) end_stopped(m.exit_code);
      return m.exit_code;
    }
    return finished(m.sweep, m.ranks == 1
                                 ? fmt::format("{} threads", m.threads)
                                 : fmt::format("{} ranks x {} threads: {} runs", m.ranks, m.threads,
                                               fmt::join(m.ran_by_rank, " + ")));
  }
  const ThreadLimit limit(a.threads);
  sweep::SweepOutcome r;
  try {
    r = sweep::run_sweep(options);
  } catch (const RunStopped& e) {
    return stopped(e);
  }
  return finished(r, fmt::format("{} threads", limit.threads()));
}

}  // namespace insim::cli
