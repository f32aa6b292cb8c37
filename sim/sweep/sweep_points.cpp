#include "sweep/sweep_points.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "analysis/full_grid.hpp"
#include "analysis/latin_hypercube.hpp"
#include "analysis/parameter_distribution.hpp"
#include "analysis/simple_random.hpp"
#include "core/error.hpp"

namespace insim::sweep {

namespace {

analysis::ParameterDistribution distribution_of(const ParameterDef& p) {
  switch (p.distribution) {
    case Distribution::uniform: return analysis::ParameterDistribution::uniform(p.low, p.high);
    case Distribution::log_uniform:
      return analysis::ParameterDistribution::log_uniform(p.low, p.high);
    case Distribution::normal:
      return analysis::ParameterDistribution::truncated_normal(p.mean, p.sd, p.low, p.high);
    case Distribution::values: return analysis::ParameterDistribution::discrete(p.values);
  }
  throw std::logic_error("sweep: unknown distribution");
}

analysis::UnitDesign unit_design(const SweepDef& def) {
  const std::size_t d = def.parameters.size();
  const auto n = static_cast<std::size_t>(def.samples);
  const auto seed = static_cast<std::uint64_t>(def.seed);
  switch (def.design) {
    case Design::grid: {
      const std::vector<std::size_t> levels(d, n);
      return analysis::full_grid(levels);
    }
    case Design::random: return analysis::simple_random(n, d, seed);
    case Design::latin_hypercube: return analysis::latin_hypercube(n, d, seed);
    case Design::sobol: return analysis::saltelli_design(n, d).points;
    case Design::morris:
      return analysis::morris_design(n, d, static_cast<std::size_t>(def.morris_levels), seed)
          .points;
  }
  throw std::logic_error("sweep: unknown design");
}

}  // namespace

SweepPoints sweep_points(const SweepDef& def, const std::string& spec_file) {
  SweepPoints points;
  std::vector<analysis::ParameterDistribution> distributions;
  try {
    for (const auto& p : def.parameters) distributions.push_back(distribution_of(p));
    points.unit = unit_design(def);
  } catch (const std::invalid_argument& e) {
    throw InputError(Diagnostic{spec_file, 0, 0, "sweep.design",
                                fmt::format("cannot make the {} design: {}",
                                            kDesignNames[static_cast<std::size_t>(def.design)],
                                            e.what())});
  }
  points.values = analysis::parameter_values(points.unit, distributions);
  return points;
}

}  // namespace insim::sweep
