#pragma once
// The targets of a calibration spec made ready to evaluate: each observed target becomes a sweep
// metric (computed as the run goes, sweep/run_metrics.hpp) and each check one of `insim check`'s
// band checks (measured on the recorded run, validation/). Every check measures one run (the
// purge pattern P11 with its paired run without the purge, as `insim check` makes it), so every
// check can be a target; like `insim check`, a candidate's value is the mean over its runs.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "calibrate/calibrate_def.hpp"
#include "run/scenario_loading.hpp"
#include "sweep/sweep_def.hpp"
#include "validation/check.hpp"

namespace insim::calibrate {

struct Target {
  enum class Kind { observed, check };
  Kind kind = Kind::observed;
  std::string name;  // the metric's name or the check's id
  std::string what;  // "sum of deaths_total from 2015-01-01 to 2019-12-31", a check's text
  double observed = std::numeric_limits<double>::quiet_NaN();
  validation::Band band;  // checks
  std::string source;     // the observed value's source, or the check's reference
  double weight = 1.0;
  std::size_t spec_index = 0;  // its entry in the spec's targets
  std::size_t slot = 0;        // its metric or its check
};

class CalibrationTargets {
 public:
  // Throws InputError at the spec's line for a check the targets file does not have, check
  // targets on a model other than Sahel, a column the model does not observe, an observed value
  // without its source, or two targets of the same name. `spec_info` is the spec's LoadResult.
  CalibrationTargets(const CalibrateDef& def, const scenario::LoadResult& spec_info,
                     const std::string& spec_file, const LoadedScenario& base,
                     const std::filesystem::path& targets_file);

  [[nodiscard]] const std::vector<Target>& targets() const { return targets_; }
  [[nodiscard]] bool has_checks() const { return !checks_.empty(); }
  // Where the check targets came from (empty without checks) and its hash.
  [[nodiscard]] const std::filesystem::path& targets_file() const { return targets_file_; }
  [[nodiscard]] const std::string& targets_hash() const { return targets_hash_; }

  // One run of `scenario` with `seed` (two for observed and check targets together: the sweep's
  // metrics and the checks' record are made by different loops): each target's value, NaN when
  // the run cannot tell. `between_steps` runs before each step of the metrics' run.
  [[nodiscard]] std::vector<double> simulate(const ScenarioDef& scenario, std::uint64_t seed,
                                             const std::function<void()>& between_steps) const;

  // The candidate's distance from its target values (one per target): the root mean square of
  // the weighted terms (calibrate/distance.hpp).
  [[nodiscard]] double distance(std::span<const double> values) const;

 private:
  std::vector<Target> targets_;
  sweep::SweepDef metrics_;  // the observed targets' metrics, in slot order
  std::vector<validation::Check> checks_;
  validation::RecordSpec record_;
  std::filesystem::path targets_file_;
  std::string targets_hash_;
};

}  // namespace insim::calibrate
