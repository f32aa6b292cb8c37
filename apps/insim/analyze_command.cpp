#include <fmt/format.h>

#include <filesystem>
#include <string>

#include "commands.hpp"
#include "output/atomic_file.hpp"
#include "sweep/result_reader.hpp"
#include "sweep/sensitivity_analysis.hpp"
#include "sweep/sensitivity_chart.hpp"
#include "sweep/sensitivity_report.hpp"

namespace insim::cli {

namespace {

void write_file(const std::string& path, const std::string& text) {
  const std::filesystem::path target(path);
  std::error_code ec;
  if (target.has_parent_path()) std::filesystem::create_directories(target.parent_path(), ec);
  output::AtomicFile file(target);
  file.write(text);
  file.commit();
}

}  // namespace

CLI::App* add_analyze(CLI::App& app, AnalyzeArgs& a) {
  CLI::App* cmd = app.add_subcommand("analyze", "analyse the results of a sweep (docs/sweeps.md)");
  add_common(*cmd);
  cmd->require_subcommand(1);
  CLI::App* sensitivity = cmd->add_subcommand(
      "sensitivity",
      "Sobol' first-order and total indices (a sobol sweep) or Morris mu*, mu and sigma (a "
      "morris sweep) of one metric, with bootstrap 95% intervals: a table, and optionally a CSV "
      "and an SVG chart");
  add_common(*sensitivity);
  sensitivity->footer(
      "Exit codes: 0 done; 2 bad input (not a sweep database, a design other than sobol or "
      "morris, an unknown metric, points that differ from the design of the stored spec, too "
      "few complete runs); 1 other failures (e.g. a file cannot be written).");
  sensitivity->add_option("RESULTS", a.database, "results database of insim sweep (SQLite)")
      ->required();
  sensitivity->add_option("--metric", a.metric, "the metric to analyse (a name of the spec)")
      ->type_name("NAME")
      ->required();
  sensitivity->add_option("--csv", a.csv, "also write the indices as CSV")->type_name("FILE");
  sensitivity->add_option("--svg", a.svg, "also write a bar chart with the intervals as SVG")
      ->type_name("FILE");
  sensitivity->add_option("--resamples", a.resamples, "bootstrap resamples (default 1000)")
      ->type_name("N")
      ->check(CLI::Range(1, 1'000'000));
  sensitivity->add_option("--seed", a.seed, "seed of the bootstrap (default 0)")->type_name("N");
  return cmd;
}

int run_analyze(const AnalyzeArgs& a) {
  const sweep::ResultReader reader(a.database);
  analysis::BootstrapOptions bootstrap;
  bootstrap.resamples = static_cast<std::size_t>(a.resamples);
  bootstrap.seed = a.seed;
  const sweep::SensitivityResult result = sweep::analyze_sensitivity(reader, a.metric, bootstrap);
  fmt::print("{}", sweep::sensitivity_text(result, a.database));
  if (!a.csv.empty()) {
    write_file(a.csv, sweep::sensitivity_csv(result));
    fmt::print("Wrote {}\n", a.csv);
  }
  if (!a.svg.empty()) {
    write_file(a.svg, sweep::sensitivity_svg(result, a.database));
    fmt::print("Wrote {}\n", a.svg);
  }
  return kExitOk;
}

}  // namespace insim::cli
