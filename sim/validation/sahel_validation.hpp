#pragma once
// `insim check`'s work: runs a Sahel scenario for N seeds (run.seed, run.seed + 1, ...), measures
// every pattern and calibration target on each run, and sums each up over the runs: mean, 5th
// and 95th percentiles, pass when the mean lies in the band (docs/validation.md).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "models/scenario_def.hpp"
#include "validation/check.hpp"
#include "validation/target_checks.hpp"

namespace insim::validation {

inline constexpr const char* kPatternsGroup = "Patterns (MODEL.md)";

struct CheckRow {
  std::string group;
  std::string id;
  std::string source;
  std::string reference;
  std::string what;
  Band band;
  std::vector<double> values;  // one per run, in seed order; NaN where the run could not tell
  double mean = 0.0;           // over the runs that could tell
  double p5 = 0.0;
  double p95 = 0.0;
  std::size_t missing = 0;  // runs that could not tell
  std::string note;         // why, when known
  bool pass = false;        // every run could tell and the mean lies in the band
};

// Sums up one check's values over the runs.
[[nodiscard]] CheckRow summarise(const Check& check, std::string group, std::vector<double> values,
                                 std::string note = {});

struct ValidationOptions {
  int runs = 10;
  // Called once per finished seed with (seeds done, seeds), from any thread, one call at a time.
  std::function<void(int, int)> progress;
};

struct ValidationReport {
  std::string scenario;             // the scenario's name
  std::vector<std::int64_t> seeds;  // in run order
  std::vector<std::string> groups;  // in table order
  std::vector<CheckRow> rows;       // grouped, in table order
  [[nodiscard]] std::size_t passed() const;
  [[nodiscard]] bool all_pass() const { return passed() == rows.size(); }
};

// The checks in table order, with their groups.
struct GroupedChecks {
  std::vector<std::string> groups;
  std::vector<std::pair<std::string, Check>> checks;  // (group, check)
};
[[nodiscard]] GroupedChecks sahel_checks(const sahel::DynamicsDef& dynamics,
                                         const LoadedTargets& targets);

// One seed: the scenario for run.steps weeks and, when its log holds the purge F36, the same
// seed with F36 dropped, until the last week P11 reads.
[[nodiscard]] RunOutcome run_seed(const sahel::SahelDef& def, std::int64_t steps,
                                  std::uint64_t seed, const RecordSpec& spec);

// Runs the seeds in parallel (the caller sets the thread limit); the report does not depend on
// the number of threads. `def` must be a Sahel scenario.
[[nodiscard]] ValidationReport validate_sahel(const ScenarioDef& def, const LoadedTargets& targets,
                                              const ValidationOptions& options);

}  // namespace insim::validation
