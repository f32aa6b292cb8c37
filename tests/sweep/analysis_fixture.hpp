#pragma once
// Sweep databases for a known function instead of the model: a real spec (sobol, morris, ...)
// gives the points exactly as `insim sweep` makes them (the same loader and sweep_points), and
// the test records, through ResultStore, whatever metric it computes from each point's values.
// The analysis then reads the file back as it would any sweep's.
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "output/number_format.hpp"
#include "scenario/loader/loader.hpp"
#include "scenario/schema.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/result_store.hpp"
#include "sweep/sweep_def.hpp"
#include "sweep/sweep_points.hpp"

namespace insim::test {

constexpr double kPiText = 3.141592653589793;

// "sweep:" spec text over parameters x1..xd, uniform on [low, high], one metric "y".
inline std::string uniform_spec(const std::string& design, int samples, int parameters, double low,
                                double high, int replicates = 1, int seed = 1) {
  std::string s = fmt::format(
      "sweep:\n  scenario: base.yaml\n  design: {}\n  samples: {}\n  replicates: {}\n"
      "  seed: {}\n  parameters:\n",
      design, samples, replicates, seed);
  for (int i = 1; i <= parameters; ++i) {
    s += fmt::format("    - {{path: x{}, distribution: uniform, low: {:.17g}, high: {:.17g}}}\n", i,
                     low, high);
  }
  s += "  metrics:\n    - {name: y, columns: [c]}\n    - {name: z, columns: [c], aggregate: max}\n";
  return s;
}

struct SpecSweep {
  sweep::SweepDef def;
  sweep::SweepPoints points;
  sweep::SweepPlan plan;
  [[nodiscard]] std::size_t dims() const { return def.parameters.size(); }
  [[nodiscard]] std::span<const double> values(std::size_t point) const {
    return {points.values.data() + point * dims(), dims()};
  }
};

// Reads `spec_text` (written to dir/spec.yaml) with the loader and makes the plan as the
// sweep runner does: roles, values as applied (`round`: as for an integer parameter), metrics.
inline SpecSweep spec_sweep(const ScratchFolder& dir, const std::string& spec_text,
                            bool round = false) {
  SpecSweep s;
  const auto file = dir.write("spec.yaml", spec_text);
  const auto loaded = scenario::load(file, {}, [&s](scenario::Schema& schema) {
    scenario::Schema::Section section(schema, "sweep");
    sweep::describe(schema, s.def);
  });
  s.points = sweep::sweep_points(s.def, file.string());
  auto& h = s.plan.header;
  h.spec_path = file.string();
  h.spec_text = spec_text;
  h.spec_hash = loaded.hash;
  h.base_scenario_hash = "base";
  h.design = std::string(sweep::kDesignNames[static_cast<std::size_t>(s.def.design)]);
  h.seed = s.def.seed;
  h.replicates = s.def.replicates;
  const std::size_t d = s.dims();
  for (const auto& p : s.def.parameters) s.plan.parameters.push_back({p.path, "uniform", "[]"});
  for (std::size_t i = 0; i < s.points.count(); ++i) {
    std::string role;
    if (s.def.design == sweep::Design::sobol) {
      const std::size_t k = i % (d + 2);
      role = k == 0 ? "A" : k == d + 1 ? "B" : fmt::format("AB{}", k);
    } else if (s.def.design == sweep::Design::morris) {
      role = fmt::format("trajectory {} step {}", i / (d + 1), i % (d + 1));
    }
    sweep::SweepPoint point{role, {}};
    for (std::size_t j = 0; j < d; ++j) {
      double v = s.points.value(i, j);
      if (round) v = std::round(v);
      point.values.push_back({output::format_number(v), v});
    }
    s.plan.points.push_back(std::move(point));
  }
  for (const auto& m : s.def.metrics) s.plan.metrics.push_back({m.name, "a test function"});
  return s;
}

// Records every run of `s` into a new database at `db`: metric(point values, replicate) for
// the metrics (y, z); `skip(run_id)` true leaves a run pending, `fail(run_id)` records a
// failure instead.
inline void record_sweep(const SpecSweep& s, const std::filesystem::path& db,
                         const std::function<double(std::span<const double>, std::int64_t)>& metric,
                         const std::function<bool(std::int64_t)>& skip = {},
                         const std::function<bool(std::int64_t)>& fail = {}) {
  auto store = sweep::ResultStore::create(db, s.plan);
  const std::int64_t reps = s.plan.header.replicates;
  const auto now = std::chrono::system_clock::now();
  for (std::int64_t run = 0; run < store.run_count(); ++run) {
    if (skip && skip(run)) continue;
    const auto point = static_cast<std::size_t>(run / reps);
    const std::int64_t replicate = run % reps;
    if (fail && fail(run)) {
      store.record_failure({run, s.def.seed + replicate, "value out of range, at \"x1\"", {}});
      continue;
    }
    std::vector<double> values;
    for (const auto& v : s.plan.points[point].values) values.push_back(*v.number);
    const double y = metric(values, replicate);
    store.record({run, s.def.seed + replicate, {now, now, 0.001}, {y, 2.0 * y}, {}});
  }
}

}  // namespace insim::test
