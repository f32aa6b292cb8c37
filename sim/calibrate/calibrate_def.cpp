#include "calibrate/calibrate_def.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "scenario/schema.hpp"

namespace insim::calibrate {

namespace {

using scenario::Schema;

constexpr double kHuge = std::numeric_limits<double>::max();

// A prior: the sweep's parameter, limited to the distributions that have a density on an
// interval (the perturbation kernel is continuous, so a list of values cannot be a prior).
void describe(Schema& s, sweep::ParameterDef& p) {
  s.text("path", p.path,
         "the dotted path of a number of the base scenario (insim params lists them)");
  std::size_t distribution = static_cast<std::size_t>(p.distribution);
  s.choice("distribution", distribution, sweep::kDistributionNames,
           "the prior: uniform or log_uniform over [low, high], or normal(mean, sd) truncated to "
           "[low, high]");
  p.distribution = static_cast<sweep::Distribution>(distribution);
  s.real("low", p.low, -kHuge, kHuge, "the prior's lowest value");
  s.real("high", p.high, -kHuge, kHuge, "the prior's highest value");
  s.real("mean", p.mean, -kHuge, kHuge, "normal: the mean");
  s.real("sd", p.sd, 0.0, kHuge, "normal: the standard deviation");
  s.require(!p.path.empty(), "path", "a parameter needs the path of a scenario value");
  s.require(p.distribution != sweep::Distribution::values, "distribution",
            "a prior must be uniform, log_uniform or normal: the perturbation kernel of ABC-SMC "
            "moves values continuously, so a list of values cannot be fitted");
  s.require(p.low < p.high, "high", fmt::format("must be above low ({}), got {}", p.low, p.high));
  if (p.distribution == sweep::Distribution::log_uniform) {
    s.require(p.low > 0.0, "low", fmt::format("log_uniform needs low > 0, got {}", p.low));
  }
  if (p.distribution == sweep::Distribution::normal) {
    s.require(p.sd > 0.0, "sd", "normal needs sd > 0");
  }
}

void describe(Schema& s, TargetDef& t) {
  sweep::MetricDef& m = t.metric;
  s.text("name", m.name, "an observed target's name in fit.csv");
  m.columns.resize(s.list_size("columns", m.columns.size(),
                               "the columns summed: timeseries.csv names, or Region/column"));
  for (std::size_t i = 0; i < m.columns.size(); ++i) {
    s.text(fmt::format("columns[{}]", i), m.columns[i], "a column");
  }
  s.date("from", m.from, "first date of the window");
  s.date("to", m.to, "last date of the window (inclusive)");
  std::size_t aggregate = static_cast<std::size_t>(m.aggregate);
  s.choice("aggregate", aggregate, sweep::kAggregateNames,
           "sum (of a flow's weeks), mean, max, or last over the window");
  m.aggregate = static_cast<sweep::Aggregate>(aggregate);
  s.real("observed", t.observed, -kHuge, kHuge,
         "the observed value, with its source: {value: X, source: \"...\"}");
  s.text("check", t.check, "the id of one check of insim check (P4a, deaths-2015, idp-2013-06-30)");
  s.text("checks", t.checks, "a group of checks of insim check: all, patterns or targets");
  s.real("weight", t.weight, 0.0, kHuge, "multiplies the target's term in the distance");

  const bool observed = !std::isnan(t.observed);
  const int forms = (observed || !m.name.empty() || !m.columns.empty() ? 1 : 0) +
                    (t.check.empty() ? 0 : 1) + (t.checks.empty() ? 0 : 1);
  s.require(forms == 1, "check",
            "a target is one of: an observed metric {name, columns, from, to, aggregate, "
            "observed: {value, source}}, {check: ID} or {checks: all | patterns | targets}");
  if (forms != 1) return;
  if (!t.checks.empty()) {
    const bool known = std::find(kCheckGroupNames.begin(), kCheckGroupNames.end(), t.checks) !=
                       kCheckGroupNames.end();
    s.require(known, "checks",
              fmt::format("expected all, patterns or targets, got '{}' (one check by its id is "
                          "written check: ID)",
                          t.checks));
  }
  if (is_observed(t)) {
    s.require(!m.name.empty(), "name", "an observed target needs a name");
    s.require(!m.columns.empty(), "columns", "an observed target needs at least one column");
    s.require(!(m.to < m.from), "to", "the window must not end before it starts");
    s.require(observed, "observed",
              "an observed target needs its value: observed: {value: X, source: \"...\"}");
  }
  s.require(t.weight > 0.0, "weight", "must be above 0 (leave a target out to ignore it)");
}

void describe(Schema& s, AbcDef& a) {
  s.integer("particles", a.particles, 2, 1'000'000, "the population size N");
  s.integer("generations", a.generations, 1, 1000,
            "populations after the one drawn from the prior, each with a smaller tolerance");
  s.real("quantile", a.quantile, 0.0, 1.0,
         "a generation's tolerance: this quantile of the previous population's distances");
  s.integer("replicates", a.replicates, 1, 10'000,
            "runs per candidate (seeds of their own); the targets' values are averaged");
  s.real("min_acceptance", a.min_acceptance, 0.0, 1.0,
         "stop once a generation would accept fewer than this share of its candidates");
  s.require(a.quantile > 0.0 && a.quantile < 1.0, "quantile",
            fmt::format("must lie strictly between 0 and 1, got {}", a.quantile));
  s.require(a.min_acceptance > 0.0, "min_acceptance",
            "must be above 0: it bounds the candidates a generation may try (particles / "
            "min_acceptance)");
}

}  // namespace

void describe(Schema& s, CalibrateDef& d) {
  s.text("scenario", d.scenario, "the base scenario file, relative to this spec's folder");
  s.text("targets_file", d.targets_file,
         "for check targets: the targets file, relative to this spec's folder; empty: the base "
         "scenario's validation/targets.yaml, as insim check finds it");
  s.integer("seed", d.seed, 0, (std::int64_t{1} << 53) - 1,
            "seed of the candidates' draws and of their runs");
  d.parameters.resize(s.list_size("parameters", d.parameters.size(), "the parameters fitted"));
  std::set<std::string> paths;
  for (std::size_t i = 0; i < d.parameters.size(); ++i) {
    Schema::Section element(s, fmt::format("parameters[{}]", i));
    describe(s, d.parameters[i]);
    s.require(paths.insert(d.parameters[i].path).second, "path",
              fmt::format("{} is fitted twice", d.parameters[i].path));
  }
  d.targets.resize(s.list_size("targets", d.targets.size(), "what the runs are held to"));
  for (std::size_t i = 0; i < d.targets.size(); ++i) {
    Schema::Section element(s, fmt::format("targets[{}]", i));
    describe(s, d.targets[i]);
  }
  {
    Schema::Section abc(s, "abc");
    describe(s, d.abc);
  }
  s.require(!d.scenario.empty(), "scenario", "a calibration needs a base scenario");
  s.require(!d.parameters.empty(), "parameters", "a calibration needs at least one parameter");
  s.require(!d.targets.empty(), "targets", "a calibration needs at least one target");
}

}  // namespace insim::calibrate
