#pragma once
// A sweep spec (`insim sweep SPEC.yaml`, docs/sweeps.md), read by the scenario loader like any
// scenario file, so a bad spec gets the same file:line:col messages: the base scenario, the
// parameters to vary and how, the design that picks the points, replicates, and what to keep of
// each run (named metrics over date windows, optionally whole weekly series).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"

namespace insim::scenario {
class Schema;
}

namespace insim::sweep {

enum class Design { grid, random, latin_hypercube, sobol, morris };
inline constexpr std::array<std::string_view, 5> kDesignNames{"grid", "random", "latin_hypercube",
                                                              "sobol", "morris"};

// How a parameter's values are drawn from a unit coordinate u in [0, 1).
enum class Distribution { uniform, log_uniform, normal, values };
inline constexpr std::array<std::string_view, 4> kDistributionNames{"uniform", "log_uniform",
                                                                    "normal", "values"};

struct ParameterDef {
  std::string path;  // a number or integer field of the base scenario: "sahel.actors.jnim.abuse"
  Distribution distribution = Distribution::uniform;
  double low = 0.0;   // uniform, log_uniform: the range; normal: truncated to it
  double high = 1.0;
  double mean = 0.0;  // normal
  double sd = 1.0;    // normal
  std::vector<double> values;  // values: the list, picked by u
};

// A metric is one number per run: `aggregate` of the sum of `columns` over the weeks (flows)
// or recorded states (stocks) dated in [from, to].
enum class Aggregate { sum, mean, max, last };
inline constexpr std::array<std::string_view, 4> kAggregateNames{"sum", "mean", "max", "last"};

struct MetricDef {
  std::string name;
  std::vector<std::string> columns;  // timeseries.csv columns, or "Region/column" of regions.csv
  Date from{1, 1, 1};
  Date to{9999, 12, 31};
  Aggregate aggregate = Aggregate::sum;
};

struct SweepDef {
  std::string scenario;  // the base scenario file, relative to the spec's folder
  Design design = Design::latin_hypercube;
  // grid: levels per parameter; random, latin_hypercube: points; sobol: base samples N (a power
  // of two; N x (parameters + 2) points); morris: trajectories (parameters + 1 points each).
  std::int64_t samples = 16;
  std::int64_t morris_levels = 4;
  std::int64_t replicates = 1;  // replicate r runs seed `seed + r` at every point
  std::int64_t seed = 1;
  std::vector<ParameterDef> parameters;
  std::vector<MetricDef> metrics;
  std::vector<std::string> series;  // national columns kept week by week (can be large)
};

// Declares every field under the current section (the caller opens "sweep").
void describe(scenario::Schema& schema, SweepDef& def);

}  // namespace insim::sweep
