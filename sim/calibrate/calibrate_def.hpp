#pragma once
// A calibration spec (`insim calibrate SPEC.yaml`, docs/calibrate.md), read by the scenario loader
// like any scenario file so that a bad spec gets file:line:col messages: the base scenario, the
// parameters to fit with their priors, the targets the runs are held to, and the settings of the
// ABC-SMC algorithm.
#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "sweep/sweep_def.hpp"

namespace insim::scenario {
class Schema;
}

namespace insim::calibrate {

// Which checks of `insim check` a `checks:` entry takes: every one, the MODEL.md patterns, or the
// calibration targets (UCDP yearly deaths and types, the rank correlation, the IDP snapshots).
inline constexpr std::array<std::string_view, 3> kCheckGroupNames{"all", "patterns", "targets"};

// One entry of `targets:`. Exactly one of three forms:
// - an observed target: a metric as a sweep defines it (name, columns, from, to, aggregate) and
//   the value observed, with its source;
// - `check: ID`: one band check of `insim check` (a pattern "P4a" or a target "deaths-2015");
// - `checks: all | patterns | targets`: a group of them.
struct TargetDef {
  sweep::MetricDef metric;  // observed targets
  double observed = std::numeric_limits<double>::quiet_NaN();
  std::string check;    // one check's id
  std::string checks;   // a group's name
  double weight = 1.0;  // multiplies the target's term in the distance
};

struct AbcDef {
  std::int64_t particles = 200;  // population size N
  std::int64_t generations = 5;  // populations after the one drawn from the prior
  double quantile = 0.5;         // tolerance of a generation: this quantile of the last distances
  std::int64_t replicates = 1;   // runs per candidate, their target values averaged
  double min_acceptance = 0.02;  // stop when fewer than this share of candidates is accepted
};

struct CalibrateDef {
  std::string scenario;      // the base scenario, relative to the spec's folder
  std::string targets_file;  // for check targets; empty: the base's validation/targets.yaml
  std::int64_t seed = 1;
  std::vector<sweep::ParameterDef> parameters;  // uniform, log_uniform or normal priors
  std::vector<TargetDef> targets;
  AbcDef abc;
};

[[nodiscard]] inline bool is_observed(const TargetDef& t) {
  return t.check.empty() && t.checks.empty();
}

// Declares every field under the current section (the caller opens "calibrate").
void describe(scenario::Schema& schema, CalibrateDef& def);

}  // namespace insim::calibrate
