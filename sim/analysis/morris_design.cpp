#include "analysis/morris_design.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <utility>

#include "analysis/streams.hpp"

namespace insim::analysis {

MorrisDesign morris_design(std::size_t trajectories, std::size_t parameters, std::size_t levels,
                           std::uint64_t seed) {
  if (trajectories == 0) {
    throw std::invalid_argument("Morris design: the number of trajectories r must be at least 1");
  }
  if (parameters == 0) {
    throw std::invalid_argument("Morris design: the number of parameters d must be at least 1");
  }
  if (levels < 2 || levels % 2 != 0) {
    throw std::invalid_argument(fmt::format(
        "Morris design: the number of grid levels p = {} must be even and at least 2 (4 is "
        "usual), so that the step p / (2 (p - 1)) lands on the grid",
        levels));
  }
  require_design_size("Morris design", trajectories * (parameters + 1), parameters);

  const std::size_t d = parameters;
  const std::size_t half = levels / 2;  // Delta in grid steps
  const auto last =
      static_cast<double>(levels - 1);  // level k is k / (p - 1), 1 exactly at the top
  MorrisDesign m;
  m.trajectories = trajectories;
  m.parameters = d;
  m.levels = levels;
  m.delta = static_cast<double>(half) / last;
  m.points = UnitDesign(trajectories * (d + 1), d);
  m.moved.resize(trajectories * d);

  std::vector<std::size_t> level(d);  // current point, in grid steps
  std::vector<bool> up(d);
  for (std::size_t t = 0; t < trajectories; ++t) {
    rng::CounterRng g = draws(seed, Stream::morris, t, 0);
    // Base x* on levels 0..p/2-1 (so x* + Delta <= 1) and direction D*_jj = +1 or -1. Going
    // down starts at x* + Delta and ends at x*.
    for (std::size_t j = 0; j < d; ++j) {
      const std::size_t base = g.below(half);
      up[j] = g.below(2) == 1;
      level[j] = up[j] ? base : base + half;
    }
    // Order of moves P*: a Fisher-Yates shuffle of 0..d-1.
    std::size_t* order = m.moved.data() + t * d;
    for (std::size_t j = 0; j < d; ++j) order[j] = j;
    for (std::size_t j = d; j > 1; --j) std::swap(order[j - 1], order[g.below(j)]);

    for (std::size_t s = 0; s <= d; ++s) {
      if (s > 0) {
        const std::size_t k = order[s - 1];
        level[k] = up[k] ? level[k] + half : level[k] - half;
      }
      for (std::size_t j = 0; j < d; ++j) {
        m.points(m.row(t, s), j) = static_cast<double>(level[j]) / last;
      }
    }
  }
  return m;
}

}  // namespace insim::analysis
