#pragma once
// `insim calibrate`'s work (docs/calibrate.md): read the spec, check its parameters against the
// base scenario and its targets against the model, run ABC-SMC with each candidate's runs made
// from the base scenario with the candidate's values set (as `--set` would), and write the
// files. Candidate k of generation t runs seeds run_seed(seed, {t, k}, r), so the result depends
// on the spec alone: not on the thread count.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "calibrate/abc_smc.hpp"

namespace insim::calibrate {

struct CalibrateOptions {
  std::filesystem::path spec;
  std::filesystem::path out_dir;
  std::vector<std::string> command_line;  // recorded in the manifest
  int threads = 0;                        // recorded; the caller sets the limit (ThreadLimit)
  // After each complete generation, with its wall time in seconds.
  std::function<void(const Generation&, double seconds)> progress;
};

struct CalibrateOutcome {
  AbcResult result;
  std::vector<std::filesystem::path> files;
  double wall_seconds = 0.0;
};

// Throws InputError for a bad spec (file:line:col and key), a parameter that is not a number of
// the base or whose prior reaches values the base refuses, an unknown check or column, or a
// target no run of generation 0's first batch could measure; RunStopped when a stop was
// requested (nothing is written); output::OutputError when the folder cannot be written.
CalibrateOutcome run_calibration(const CalibrateOptions& options);

// What run_calibration checks before its first run (the spec, its parameters against the base,
// its targets against the model): throws the same errors, runs nothing, writes nothing.
void check_calibration_spec(const std::filesystem::path& spec);

}  // namespace insim::calibrate
