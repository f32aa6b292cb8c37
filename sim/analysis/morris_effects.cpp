#include "analysis/morris_effects.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "analysis/streams.hpp"
#include "engine/parallel.hpp"

namespace insim::analysis {

std::vector<double> elementary_effects(const MorrisDesign& design,
                                       std::span<const double> outputs) {
  if (outputs.size() != design.points.rows) {
    throw std::invalid_argument(fmt::format(
        "Morris effects: {} outputs for a design of {} points (r = {} trajectories of d + 1 = "
        "{}); give one output per point, NaN for a failed run",
        outputs.size(), design.points.rows, design.trajectories, design.parameters + 1));
  }
  const std::size_t d = design.parameters;
  std::vector<double> effects(design.trajectories * d, std::numeric_limits<double>::quiet_NaN());
  for (std::size_t t = 0; t < design.trajectories; ++t) {
    bool finite = true;
    for (std::size_t s = 0; s <= d; ++s)
      finite = finite && std::isfinite(outputs[design.row(t, s)]);
    if (!finite) continue;
    for (std::size_t s = 0; s < d; ++s) {
      const std::size_t k = design.moved[t * d + s];
      const std::size_t before = design.row(t, s), after = design.row(t, s + 1);
      // +Delta or -Delta: a move down gives the effect of the move up from the lower point.
      const double step = design.points(after, k) - design.points(before, k);
      effects[t * d + k] = (outputs[after] - outputs[before]) / step;
    }
  }
  return effects;
}

namespace {

// mu* of parameter k over the trajectories trajectory_at(0..r-1), summed in that order.
template <class TrajectoryAt>
double mean_absolute(const std::vector<double>& effects, std::size_t d, std::size_t k,
                     std::size_t r, TrajectoryAt trajectory_at) {
  double sum = 0.0;
  for (std::size_t m = 0; m < r; ++m) sum += std::abs(effects[trajectory_at(m) * d + k]);
  return sum / static_cast<double>(r);
}

}  // namespace

MorrisEffects morris_effects(const MorrisDesign& design, std::span<const double> outputs,
                             const BootstrapOptions& options) {
  require_bootstrap_options("Morris effects", options);
  const std::vector<double> effects = elementary_effects(design, outputs);
  const std::size_t d = design.parameters;
  std::vector<std::size_t> usable;
  for (std::size_t t = 0; t < design.trajectories; ++t) {
    if (std::isfinite(effects[t * d])) usable.push_back(t);
  }
  const std::size_t r = usable.size();
  if (r == 0) {
    throw std::invalid_argument(
        fmt::format("Morris effects: none of the {} trajectories has all d + 1 outputs finite",
                    design.trajectories));
  }

  MorrisEffects result;
  result.trajectories_used = r;
  result.level = options.level;
  result.parameters.resize(d);
  const auto all = [&](std::size_t m) { return usable[m]; };
  for (std::size_t k = 0; k < d; ++k) {
    MorrisEffect& e = result.parameters[k];
    double sum = 0.0;
    for (const std::size_t t : usable) sum += effects[t * d + k];
    e.mu = sum / static_cast<double>(r);
    e.mu_star = mean_absolute(effects, d, k, r, all);
    double squares = 0.0;
    for (const std::size_t t : usable)
      squares += (effects[t * d + k] - e.mu) * (effects[t * d + k] - e.mu);
    e.sigma = r > 1 ? std::sqrt(squares / static_cast<double>(r - 1))
                    : std::numeric_limits<double>::quiet_NaN();
  }

  // Resample b draws r trajectories with replacement from (seed, morris_bootstrap, b); each
  // writes only its own slots.
  const std::size_t resamples = options.resamples;
  std::vector<double> reps(d * resamples);
  parallel_for_each(0, resamples, 16, [&](std::size_t b) {
    std::vector<std::size_t> drawn(r);
    rng::CounterRng g = draws(options.seed, Stream::morris_bootstrap, b, 0);
    for (std::size_t m = 0; m < r; ++m) drawn[m] = usable[g.below(r)];
    for (std::size_t k = 0; k < d; ++k) {
      reps[k * resamples + b] =
          mean_absolute(effects, d, k, r, [&](std::size_t m) { return drawn[m]; });
    }
  });
  for (std::size_t k = 0; k < d; ++k) {
    result.parameters[k].mu_star_interval =
        percentile_interval(result.parameters[k].mu_star,
                            std::span(reps).subspan(k * resamples, resamples), options.level);
  }
  return result;
}

}  // namespace insim::analysis
