#pragma once
// A small sweep plan and a stand-in for a model run whose metrics and series are a pure
// function of the run's seed and point, so that any two recordings of a run are equal and a
// test can tell a complete run from a damaged one.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "rng/counter_rng.hpp"
#include "sweep/result_store.hpp"
#include "sweep/sqlite_connection.hpp"

namespace insim::test {

struct PlanShape {
  int points = 6;
  int replicates = 3;
  int metrics = 4;
  int series_columns = 2;
};

inline sweep::SweepPlan make_plan(const PlanShape& shape, std::string spec_hash = "spec-1") {
  sweep::SweepPlan plan;
  auto& h = plan.header;
  h.spec_path = "sweeps/test.yaml";
  h.spec_text = "design: random\nreplicates: " + std::to_string(shape.replicates) + "\n";
  h.spec_hash = std::move(spec_hash);
  h.base_scenario_hash = "base-1";
  h.design = "random";
  h.seed = 20240607;
  h.replicates = shape.replicates;
  plan.parameters = {{"sahel.jihadist.recruitment_rate", "range", "[0.1, 0.9]"},
                     {"sahel.france.policy", "values", "stay, leave"}};
  for (int p = 0; p < shape.points; ++p) {
    rng::CounterRng r(static_cast<std::uint64_t>(h.seed), 1, 0, static_cast<std::uint64_t>(p));
    const double rate = 0.1 + 0.8 * r.uniform();
    plan.points.push_back({"", {{std::to_string(rate), rate}, {p % 2 ? "leave" : "stay", {}}}});
  }
  for (int m = 0; m < shape.metrics; ++m) {
    plan.metrics.push_back({"metric_" + std::to_string(m), "sum of column " + std::to_string(m)});
  }
  for (int c = 0; c < shape.series_columns; ++c) {
    plan.series_columns.push_back("column_" + std::to_string(c));
  }
  return plan;
}

inline std::int64_t run_seed(const sweep::SweepPlan& plan, std::int64_t run_id) {
  rng::CounterRng r(static_cast<std::uint64_t>(plan.header.seed), 2, 0,
                    static_cast<std::uint64_t>(run_id));
  return static_cast<std::int64_t>(r.next_u64() >> 11);  // 0 .. 2^53 - 1
}

inline double metric_value(std::int64_t seed, std::size_t metric) {
  return rng::CounterRng(static_cast<std::uint64_t>(seed), 3, 0, metric).normal();
}

inline double series_value(std::int64_t seed, std::size_t column, std::int64_t step) {
  return rng::CounterRng(static_cast<std::uint64_t>(seed), 4, static_cast<std::uint64_t>(step),
                         column)
      .uniform();
}

// The record a model run would give for `run_id`, with `steps` weekly rows of series from
// 2012-01-02 when the plan keeps series.
inline sweep::RunRecord fake_run(const sweep::SweepPlan& plan, std::int64_t run_id, int steps = 5) {
  sweep::RunRecord run;
  run.run_id = run_id;
  run.seed = run_seed(plan, run_id);
  run.timing.started = std::chrono::system_clock::now();
  run.timing.finished = run.timing.started;
  run.timing.wall_seconds = 0.001 * static_cast<double>(run_id % 7);
  for (std::size_t m = 0; m < plan.metrics.size(); ++m) {
    run.metrics.push_back(metric_value(run.seed, m));
  }
  const std::size_t columns = plan.series_columns.size();
  if (columns == 0) return run;
  const auto start = days_from_civil(Date{2012, 1, 2});
  run.series.columns.resize(columns);
  for (int k = 0; k < steps; ++k) {
    run.series.steps.push_back(k);
    run.series.dates.push_back(to_string(civil_from_days(start + 7 * k)));
    for (std::size_t c = 0; c < columns; ++c) {
      run.series.columns[c].push_back(series_value(run.seed, c, k));
    }
  }
  return run;
}

// The one value of a one-row, one-column query, through a connection of its own.
inline std::int64_t query_int(const std::filesystem::path& db, const std::string& sql) {
  sweep::Connection c(db, sweep::Connection::Mode::read_only);
  return c.query_int64(sql);
}

inline std::string query_text(const std::filesystem::path& db, const std::string& sql) {
  sweep::Connection c(db, sweep::Connection::Mode::read_only);
  return c.query_text(sql);
}

inline sweep::SweepIdentity identity(const sweep::SweepPlan& plan) {
  return {plan.header.spec_hash, plan.header.base_scenario_hash};
}

}  // namespace insim::test
