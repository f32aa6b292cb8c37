#include "sweep/sweep_def.hpp"

#include <fmt/format.h>

#include <limits>
#include <set>

#include "scenario/schema.hpp"

namespace insim::sweep {

namespace {

using scenario::Schema;

constexpr double kHuge = std::numeric_limits<double>::max();

void describe(Schema& s, ParameterDef& p) {
  s.text("path", p.path, "the dotted path of a number of the base scenario");
  std::size_t distribution = static_cast<std::size_t>(p.distribution);
  s.choice("distribution", distribution, kDistributionNames,
           "how values are drawn: uniform or log_uniform over [low, high], normal(mean, sd) "
           "truncated to [low, high], or one of `values`");
  p.distribution = static_cast<Distribution>(distribution);
  s.real("low", p.low, -kHuge, kHuge, "lowest value");
  s.real("high", p.high, -kHuge, kHuge, "highest value");
  s.real("mean", p.mean, -kHuge, kHuge, "normal: the mean");
  s.real("sd", p.sd, 0.0, kHuge, "normal: the standard deviation");
  p.values.resize(s.list_size("values", p.values.size(), "values: the values to pick from"));
  for (std::size_t i = 0; i < p.values.size(); ++i) {
    s.real(fmt::format("values[{}]", i), p.values[i], -kHuge, kHuge, "a value");
  }
  s.require(!p.path.empty(), "path", "a parameter needs the path of a scenario value");
  if (p.distribution == Distribution::values) {
    s.require(!p.values.empty(), "values", "distribution `values` needs at least one value");
  } else {
    s.require(p.low < p.high, "high",
              fmt::format("must be above low ({}), got {}", p.low, p.high));
  }
  if (p.distribution == Distribution::log_uniform) {
    s.require(p.low > 0.0, "low", fmt::format("log_uniform needs low > 0, got {}", p.low));
  }
  if (p.distribution == Distribution::normal) {
    s.require(p.sd > 0.0, "sd", "normal needs sd > 0");
  }
}

void describe(Schema& s, MetricDef& m) {
  s.text("name", m.name, "the metric's name in the results");
  m.columns.resize(s.list_size("columns", m.columns.size(),
                               "the columns summed: timeseries.csv names, or Region/column"));
  for (std::size_t i = 0; i < m.columns.size(); ++i) {
    s.text(fmt::format("columns[{}]", i), m.columns[i], "a column");
  }
  s.date("from", m.from, "first date of the window");
  s.date("to", m.to, "last date of the window (inclusive)");
  std::size_t aggregate = static_cast<std::size_t>(m.aggregate);
  s.choice("aggregate", aggregate, kAggregateNames,
           "sum (of a flow's weeks), mean, max, or last over the window");
  m.aggregate = static_cast<Aggregate>(aggregate);
  s.require(!m.name.empty(), "name", "a metric needs a name");
  s.require(!m.columns.empty(), "columns", "a metric needs at least one column");
  s.require(!(m.to < m.from), "to", "the window must not end before it starts");
}

}  // namespace

void describe(Schema& s, SweepDef& d) {
  s.text("scenario", d.scenario, "the base scenario file, relative to this spec's folder");
  std::size_t design = static_cast<std::size_t>(d.design);
  s.choice("design", design, kDesignNames,
           "how points are chosen: grid, random, latin_hypercube, sobol (Saltelli's scheme, for "
           "Sobol indices) or morris (trajectories, for elementary effects)");
  d.design = static_cast<Design>(design);
  s.integer("samples", d.samples, 1, 1'000'000,
            "grid: levels per parameter; random, latin_hypercube: points; sobol: base samples "
            "(a power of two); morris: trajectories");
  s.integer("morris_levels", d.morris_levels, 2, 100, "morris: levels of the grid (even)");
  s.integer("replicates", d.replicates, 1, 100'000, "runs per point; replicate r uses seed + r");
  s.integer("seed", d.seed, 0, (std::int64_t{1} << 53) - 1, "seed of replicate 0");
  d.parameters.resize(s.list_size("parameters", d.parameters.size(), "the parameters varied"));
  std::set<std::string> paths;
  for (std::size_t i = 0; i < d.parameters.size(); ++i) {
    Schema::Section element(s, fmt::format("parameters[{}]", i));
    describe(s, d.parameters[i]);
    s.require(paths.insert(d.parameters[i].path).second, "path",
              fmt::format("{} is varied twice", d.parameters[i].path));
  }
  d.metrics.resize(s.list_size("metrics", d.metrics.size(), "what to keep of each run"));
  std::set<std::string> names;
  for (std::size_t i = 0; i < d.metrics.size(); ++i) {
    Schema::Section element(s, fmt::format("metrics[{}]", i));
    describe(s, d.metrics[i]);
    s.require(names.insert(d.metrics[i].name).second, "name",
              fmt::format("two metrics are named {}", d.metrics[i].name));
  }
  d.series.resize(s.list_size("series", d.series.size(), "weekly series kept whole"));
  for (std::size_t i = 0; i < d.series.size(); ++i) {
    s.text(fmt::format("series[{}]", i), d.series[i], "a timeseries.csv column");
  }
  s.require(!d.scenario.empty(), "scenario", "a sweep needs a base scenario");
  s.require(!d.parameters.empty(), "parameters", "a sweep needs at least one parameter");
  s.require(!d.metrics.empty() || !d.series.empty(), "metrics",
            "a sweep must keep something: metrics or series");
  if (d.design == Design::sobol) {
    s.require((d.samples & (d.samples - 1)) == 0, "samples",
              fmt::format("sobol needs a power of two, got {}", d.samples));
  }
  if (d.design == Design::morris) {
    s.require(d.morris_levels % 2 == 0, "morris_levels",
              fmt::format("must be even (Morris's step p / (2 (p - 1))), got {}",
                          d.morris_levels));
  }
  if (d.design == Design::grid) {
    s.require(d.samples >= 2, "samples", "a grid needs at least 2 levels per parameter");
  }
}

}  // namespace insim::sweep
