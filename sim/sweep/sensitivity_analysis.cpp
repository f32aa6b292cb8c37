#include "sweep/sensitivity_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "core/error.hpp"
#include "sweep/sensitivity_design.hpp"

namespace insim::sweep {

namespace {

InputError database_error(const ResultReader& reader, std::string message) {
  return InputError(Diagnostic{reader.path().string(), 0, 0, "", std::move(message)});
}

}  // namespace

PointOutputs point_outputs(std::span<const double> metric_by_run, std::span<const RunRow> runs,
                           std::size_t points, std::int64_t replicates) {
  const auto reps = static_cast<std::size_t>(replicates);
  if (replicates < 1 || metric_by_run.size() != points * reps) {
    throw std::invalid_argument(
        fmt::format("point outputs: {} run values for {} points x {} replicates",
                    metric_by_run.size(), points, replicates));
  }
  enum class State : unsigned char { pending, done, failed };
  std::vector<State> state(metric_by_run.size(), State::pending);
  for (const RunRow& run : runs) {
    if (run.run_id >= 0 && static_cast<std::size_t>(run.run_id) < state.size()) {
      state[static_cast<std::size_t>(run.run_id)] = run.done ? State::done : State::failed;
    }
  }
  PointOutputs out;
  out.values.assign(points, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t p = 0; p < points; ++p) {
    double sum = 0.0;
    bool complete = true;
    for (std::size_t r = 0; r < reps; ++r) {
      const std::size_t run = p * reps + r;
      switch (state[run]) {
        case State::pending:
          ++out.runs_pending;
          break;
        case State::failed:
          ++out.runs_failed;
          break;
        case State::done:
          if (!std::isfinite(metric_by_run[run])) ++out.runs_without_value;
          break;
      }
      complete = complete && state[run] == State::done && std::isfinite(metric_by_run[run]);
      sum += metric_by_run[run];  // in replicate order: the same mean on every machine
    }
    if (complete) {
      out.values[p] = sum / static_cast<double>(reps);
    } else {
      ++out.points_without_value;
    }
  }
  return out;
}

SensitivityResult analyze_sensitivity(const ResultReader& reader, const std::string& metric,
                                      const analysis::BootstrapOptions& bootstrap) {
  const SweepPlan& plan = reader.plan();
  const RebuiltDesign rebuilt = rebuild_design(plan, reader.path());

  SensitivityResult result;
  result.metric = metric;
  const auto known = std::find_if(plan.metrics.begin(), plan.metrics.end(),
                                  [&](const MetricDefinition& m) { return m.name == metric; });
  if (known == plan.metrics.end()) {
    std::vector<std::string> names;
    for (const auto& m : plan.metrics) names.push_back(m.name);
    throw database_error(
        reader,
        names.empty()
            ? fmt::format("has no metric '{}': the sweep kept no metrics, only series", metric)
            : fmt::format("has no metric '{}'; its metrics are: {}", metric,
                          fmt::join(names, ", ")));
  }
  result.metric_definition = known->definition;
  result.design = rebuilt.def.design;
  for (const auto& p : plan.parameters) result.parameters.push_back(p.name);
  result.replicates = plan.header.replicates;
  result.bootstrap = bootstrap;

  const std::vector<RunRow> runs = reader.runs();
  result.outputs =
      point_outputs(reader.metric_by_run(metric), runs, plan.points.size(), result.replicates);
  const auto& values = result.outputs.values;
  const std::size_t d = result.parameters.size();
  try {
    if (rebuilt.saltelli) {
      result.units = rebuilt.saltelli->base_samples;
      result.sobol = analysis::sobol_indices(values, d, bootstrap);
      result.units_used = result.sobol.base_samples_used;
    } else {
      result.units = rebuilt.morris->trajectories;
      result.morris = analysis::morris_effects(*rebuilt.morris, values, bootstrap);
      result.units_used = result.morris.trajectories_used;
    }
  } catch (const std::invalid_argument& e) {
    const auto& o = result.outputs;
    throw database_error(
        reader,
        fmt::format("too few complete {} for {}: {} of {} points have every run done with a "
                    "value of {} ({} runs failed, {} pending, {} without a value). Finish the "
                    "sweep with insim sweep SPEC --out FILE --resume, or see why runs failed "
                    "with insim export. ({})",
                    rebuilt.saltelli ? "base samples" : "trajectories",
                    rebuilt.saltelli ? "Sobol' indices" : "Morris effects",
                    plan.points.size() - static_cast<std::size_t>(o.points_without_value),
                    plan.points.size(), metric, o.runs_failed, o.runs_pending, o.runs_without_value,
                    e.what()));
  }
  return result;
}

std::vector<std::size_t> importance_order(const SensitivityResult& result) {
  std::vector<double> key(result.parameters.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (result.design == Design::sobol && i < result.sobol.total.size()) {
      key[i] = result.sobol.total[i].estimate;
    } else if (result.design == Design::morris && i < result.morris.parameters.size()) {
      key[i] = result.morris.parameters[i].mu_star;
    }
  }
  std::vector<std::size_t> order(key.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (std::isnan(key[b])) return !std::isnan(key[a]);
    if (std::isnan(key[a])) return false;
    return key[a] > key[b];
  });
  return order;
}

}  // namespace insim::sweep
