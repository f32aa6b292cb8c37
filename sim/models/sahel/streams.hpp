#pragma once
// One counter-based stream per purpose (docs/determinism.md). Counter = (step, entity).
#include <cmath>
#include <cstdint>

#include "rng/counter_rng.hpp"

namespace insim::sahel {

enum class Stream : std::uint64_t {
  locality_size = 1,  // lognormal locality sizes; entity = region, one normal per locality
  community = 2,      // each civilian's community at step 0; entity = agent
  hardship = 3,       // each civilian's H at step 0; entity = agent
  risk_aversion = 4,  // each civilian's R at step 0; entity = agent
  event = 5,          // magnitudes drawn within a timeline event's range; entity = hash of its id
  combat = 6,         // deaths in combat; entity = (locality * A + a) * A + b for the pair a < b
  violence = 7,       // civilians killed; entity = (locality * A + actor) * C + community
  civilian = 8,       // each civilian's weekly choices; entity = agent
  coup = 9,           // endogenous coups; entity = 0
  purge = 10,         // purge cascade arrests; entity = 0
  communal = 11,      // UCDP type of communal killings; entity as for violence
};

[[nodiscard]] inline rng::CounterRng draws(std::uint64_t seed, Stream stream, std::uint64_t step,
                                           std::uint64_t entity) {
  return {seed, rng::stream_id(stream), step, entity};
}

// Poisson(mean) by inversion for small means and a rounded normal for large ones (mean > 30,
// where the two differ by less than the model's other uncertainties). Consumes a variable
// number of draws: the generator is private to one (step, entity).
[[nodiscard]] inline std::int64_t poisson(rng::CounterRng& g, double mean) {
  if (!(mean > 0.0)) return 0;
  if (mean > 30.0) {
    const double x = std::round(mean + std::sqrt(mean) * g.normal());
    return x < 0.0 ? 0 : static_cast<std::int64_t>(x);
  }
  const double limit = std::exp(-mean);
  double product = g.uniform();
  std::int64_t k = 0;
  while (product > limit) {
    ++k;
    product *= g.uniform();
  }
  return k;
}

}  // namespace insim::sahel
