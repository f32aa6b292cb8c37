// insim: the command line. Parses, dispatches to one subcommand, and turns failures into
// exit codes: 0 success, 2 bad input (usage or scenario errors), 1 anything else (for `check`,
// also a failed check); a run stopped by SIGINT or SIGTERM exits with 128 + the signal number
// (run_command.cpp).
#include <fmt/format.h>

#include <exception>
#include <string>
#include <vector>

#include "commands.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
  using namespace insim::cli;
  CLI::App app{"insim: agent-based insurgency simulator"};
  app.name("insim");
  add_common(app);
  app.require_subcommand(1);

  RunArgs run_args;
  ValidateArgs validate_args;
  ParamsArgs params_args;
  CheckArgs check_args;
  CompareArgs compare_args;
  SweepArgs sweep_args;
  MergeArgs merge_args;
  AnalyzeArgs analyze_args;
  ExportArgs export_args;
  CalibrateArgs calibrate_args;
  CLI::App* run = add_run(app, run_args);
  CLI::App* validate = add_validate(app, validate_args);
  CLI::App* params = add_params(app, params_args);
  CLI::App* check = add_check(app, check_args);
  CLI::App* compare = add_compare(app, compare_args);
  CLI::App* sweep = add_sweep(app, sweep_args);
  CLI::App* merge = add_merge(app, merge_args);
  CLI::App* analyze = add_analyze(app, analyze_args);
  CLI::App* export_ = add_export(app, export_args);
  CLI::App* calibrate = add_calibrate(app, calibrate_args);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, the version, or the usage error
    return code == 0 ? kExitOk : kExitBadInput;
  }

  try {
    if (*run) return run_run(run_args, std::vector<std::string>(argv, argv + argc));
    if (*validate) return run_validate(validate_args);
    if (*params) return run_params(params_args);
    if (*check) return run_check(check_args);
    if (*compare) return run_compare(compare_args, std::vector<std::string>(argv, argv + argc));
    if (*sweep) return run_sweep(sweep_args);
    if (*merge) return run_merge(merge_args);
    if (*analyze) return run_analyze(analyze_args);
    if (*export_) return run_export(export_args);
    if (*calibrate)
      return run_calibrate(calibrate_args, std::vector<std::string>(argv, argv + argc));
  } catch (const insim::InputError& e) {
    fmt::print(stderr, "{}\n", e.what());
    return kExitBadInput;
  } catch (const std::exception& e) {
    fmt::print(stderr, "insim: error: {}\n", e.what());
    return kExitFailure;
  }
  return kExitFailure;
}
