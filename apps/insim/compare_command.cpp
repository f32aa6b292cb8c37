#include <fmt/format.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "compare/compare.hpp"
#include "core/error.hpp"
#include "engine/parallel.hpp"
#include "run/progress_bar.hpp"
#include "run/runner.hpp"
#include "run/stop_request.hpp"

namespace insim::cli {

namespace {

Date parse_date_option(const std::string& text, const char* option) {
  const auto d = parse_date(text);
  if (!d) {
    throw InputError(Diagnostic{"command line", 0, 0, option,
                                fmt::format("expected a date YYYY-MM-DD or YYYY-MM, got '{}'",
                                            text)});
  }
  return *d;
}

// "--to 2025-12" means the whole of December.
Date end_of_month_if_short(const std::string& text, Date d) {
  if (text.size() != 7) return d;
  const Date next = d.month == 12 ? Date{d.year + 1, 1, 1} : Date{d.year, d.month + 1, 1};
  return civil_from_days(days_from_civil(next) - 1);
}

}  // namespace

CLI::App* add_compare(CLI::App& app, CompareArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "run N replicates of a base Sahel scenario and one or more alternatives with the same "
      "seeds, and write report.html (charts, map, differences with 95% confidence intervals, "
      "how far to trust it), figures/ (SVG and PNG) and summary.csv, runs.csv, "
      "differences.csv for pandas or R (docs/compare.md)");
  add_common(*cmd);
  cmd->footer(
      "Exit codes: 0 the report is written; 1 a failure (e.g. the folder cannot be written); "
      "2 bad input (usage, a scenario or --set problem, reported with file:line:col and key); "
      "130/143 stopped by SIGINT/SIGTERM (no report written).");
  cmd->add_option("BASE", a.base, "the base scenario (YAML)")->required();
  cmd->add_option("ALTERNATIVES", a.alternatives, "scenarios to compare with the base")
      ->required();
  cmd->add_option("--runs", a.runs, "replicates per scenario; replicate i uses seed run.seed + i "
                                    "of the base in every scenario")
      ->type_name("N")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  cmd->add_option("--threads", a.threads, "worker threads; 0 = all hardware threads")
      ->type_name("N")
      ->check(CLI::Range(0, 4096));
  cmd->add_option("--from", a.from, "start of the table's window (default: the first week)")
      ->type_name("DATE");
  cmd->add_option("--to", a.to, "end of the table's window, inclusive (default: the last week)")
      ->type_name("DATE");
  cmd->add_option("--validation-runs", a.validation_runs,
                  "runs of insim check on the base for the report's \"how far to trust this\"; "
                  "0 skips it")
      ->type_name("N")
      ->check(CLI::Range(0, 10000))
      ->capture_default_str();
  cmd->add_option("--out", a.out_dir, "output folder")->type_name("DIR")->required();
  add_set_option(*cmd, a.sets);
  return cmd;
}

int run_compare(const CompareArgs& a, const std::vector<std::string>& command_line) {
  install_stop_handlers();
  compare::CompareOptions options;
  options.scenarios.emplace_back(a.base);
  for (const auto& alt : a.alternatives) options.scenarios.emplace_back(alt);
  options.overrides = parse_overrides(a.sets);
  options.runs = a.runs;
  if (a.from) options.from = parse_date_option(*a.from, "--from");
  if (a.to) options.to = end_of_month_if_short(*a.to, parse_date_option(*a.to, "--to"));
  options.validation_runs = a.validation_runs;
  options.out_dir = a.out_dir;
  options.command_line = command_line;

  const ThreadLimit limit(a.threads);
  std::unique_ptr<ProgressBar> bar;
  if (stderr_is_terminal()) {
    options.progress = [&bar](std::int64_t done, std::int64_t total) {
      if (!bar) bar = std::make_unique<ProgressBar>(total);
      bar->update(done);
    };
  }
  compare::CompareResult r;
  try {
    r = compare::compare_scenarios(options);
  } catch (const RunStopped& e) {
    bar.reset();
    fmt::print(stderr, "insim: stopped by {}; no report written; earlier files in {} are unchanged\n",
               signal_name(e.signal()), options.out_dir.string());
    return 128 + e.signal();
  }
  if (bar) bar->finish();
  fmt::print("{} runs in {:.1f} s ({} threads)\n", r.runs_done, r.wall_seconds, limit.threads());
  fmt::print("report: {}\n", std::filesystem::absolute(r.report).string());
  fmt::print("tables: {}, {}, {} in {}\n", compare::kSummaryCsv, compare::kRunsCsv,
             compare::kDifferencesCsv, options.out_dir.string());
  return kExitOk;
}

}  // namespace insim::cli
