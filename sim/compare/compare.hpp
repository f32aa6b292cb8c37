#pragma once
// `insim compare`'s work: N replicates of each scenario (replicate i runs seed run.seed + i of
// the base in every scenario, so differences are paired), each reduced as it runs to monthly
// rows in a scratch file; then, scenario by scenario, the files are read in step and summed up
// (median, 50% and 90% bands), the table of differences is made from each run's window totals,
// the base is validated (insim check), and the report and the CSVs are written
// (docs/compare.md). Memory grows with the number of runs and of outcomes, not of weeks.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "scenario/loader/loader.hpp"

namespace insim::compare {

struct CompareOptions {
  std::vector<std::filesystem::path> scenarios;  // [0] is the base; at least 2
  std::vector<scenario::Override> overrides;     // --set, applied to every scenario
  int runs = 20;                                 // replicates per scenario, >= 2
  std::optional<Date> from, to;                  // the table's window; default: the whole run
  int validation_runs = 10;                      // insim check on the base; 0 = skip
  std::filesystem::path out_dir;
  std::vector<std::string> command_line;
  // (runs done, runs in all), from any thread, one call at a time; validation runs count too.
  std::function<void(std::int64_t, std::int64_t)> progress;
};

struct CompareResult {
  std::filesystem::path report;
  std::vector<std::filesystem::path> files;  // everything written, report and figures included
  std::int64_t runs_done = 0;
  double wall_seconds = 0.0;
};

inline constexpr const char* kSummaryCsv = "summary.csv";
inline constexpr const char* kRunsCsv = "runs.csv";
inline constexpr const char* kDifferencesCsv = "differences.csv";
inline constexpr const char* kValidationCsv = "validation.csv";
inline constexpr const char* kCompareManifest = "manifest.json";

// Throws InputError for bad scenarios or options (not Sahel, calendars that differ, a window
// outside the runs), output::OutputError when the folder cannot be written, RunStopped when a
// stop was requested (the scratch files are removed; finished outputs of an earlier comparison
// in the folder are left as they were).
CompareResult compare_scenarios(const CompareOptions& options);

}  // namespace insim::compare
