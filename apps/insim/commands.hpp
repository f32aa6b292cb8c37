#pragma once
// The `insim` subcommands. Each add_* declares a subcommand's options on the app; each
// run_* does the work once the command line parsed, returning the exit code or throwing
// (InputError: bad input, exit 2; anything else: exit 1).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scenario/loader/loader.hpp"

namespace insim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;   // I/O and other failures
inline constexpr int kExitBadInput = 2;  // usage errors and scenario errors

// Every --set path=value, parsed; all malformed ones reported together.
[[nodiscard]] std::vector<scenario::Override> parse_overrides(const std::vector<std::string>& sets);

struct RunArgs {
  std::string scenario;
  std::optional<std::string> seed;   // passed as an override of run.seed, so it is validated
  std::optional<std::string> steps;  // and recorded like any other --set
  int threads = 0;
  std::string out_dir;
  std::vector<std::string> sets;
};
CLI::App* add_run(CLI::App& app, RunArgs& args);
int run_run(const RunArgs& args, const std::vector<std::string>& command_line);

struct ValidateArgs {
  std::string file;
  std::vector<std::string> sets;
};
CLI::App* add_validate(CLI::App& app, ValidateArgs& args);
int run_validate(const ValidateArgs& args);

struct ParamsArgs {
  std::string file;
  std::vector<std::string> sets;
  bool sources = false;
};
CLI::App* add_params(CLI::App& app, ParamsArgs& args);
int run_params(const ParamsArgs& args);

struct CheckArgs {
  std::string scenario;
  int runs = 10;
  std::optional<std::string> seed;  // passed as an override of run.seed
  int threads = 0;
  std::string targets;  // empty: <scenario folder>/validation/targets.yaml
  std::string csv;
  std::string json;
  std::vector<std::string> sets;
};
CLI::App* add_check(CLI::App& app, CheckArgs& args);
// Exit code 0 when every check passes, 1 when one fails.
int run_check(const CheckArgs& args);

struct CompareArgs {
  std::string base;
  std::vector<std::string> alternatives;
  int runs = 20;
  int threads = 0;
  std::optional<std::string> from, to;
  int validation_runs = 10;
  std::string out_dir;
  std::vector<std::string> sets;
};
CLI::App* add_compare(CLI::App& app, CompareArgs& args);
int run_compare(const CompareArgs& args, const std::vector<std::string>& command_line);

struct SweepArgs {
  std::string spec;
  std::string database;
  bool resume = false;
  int threads = 0;
  std::string shard;  // "I/N"; empty: the whole sweep
};
CLI::App* add_sweep(CLI::App& app, SweepArgs& args);
int run_sweep(const SweepArgs& args);

// `insim merge OUT IN...`: one database from the databases of a sweep's shards.
struct MergeArgs {
  std::string out;
  std::vector<std::string> inputs;
};
CLI::App* add_merge(CLI::App& app, MergeArgs& args);
int run_merge(const MergeArgs& args);

// `insim analyze sensitivity RESULTS --metric NAME`: the only analysis so far.
struct AnalyzeArgs {
  std::string database;
  std::string metric;
  std::string csv;
  std::string svg;
  int resamples = 1000;
  std::uint64_t seed = 0;
};
CLI::App* add_analyze(CLI::App& app, AnalyzeArgs& args);
int run_analyze(const AnalyzeArgs& args);

struct ExportArgs {
  std::string database;
  std::string csv_folder;
};
CLI::App* add_export(CLI::App& app, ExportArgs& args);
int run_export(const ExportArgs& args);

// `insim calibrate SPEC --out DIR`: ABC-SMC (docs/calibrate.md).
struct CalibrateArgs {
  std::string spec;
  std::string out_dir;
  int threads = 0;
};
CLI::App* add_calibrate(CLI::App& app, CalibrateArgs& args);
int run_calibrate(const CalibrateArgs& args, const std::vector<std::string>& command_line);

// Options every subcommand shares: --version and the exit-code footer.
void add_common(CLI::App& app);
void add_set_option(CLI::App& app, std::vector<std::string>& sets);

}  // namespace insim::cli
