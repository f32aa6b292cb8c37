#pragma once
// One counter-based stream per purpose (docs/determinism.md). Counter = (step, entity).
#include <cstdint>

#include "rng/counter_rng.hpp"

namespace insim::sahel {

enum class Stream : std::uint64_t {
  locality_size = 1,  // lognormal locality sizes; entity = region, one normal per locality
  community = 2,      // each civilian's community at step 0; entity = agent
  hardship = 3,       // each civilian's H at step 0; entity = agent
  risk_aversion = 4,  // each civilian's R at step 0; entity = agent
};

[[nodiscard]] inline rng::CounterRng draws(std::uint64_t seed, Stream stream, std::uint64_t step,
                                           std::uint64_t entity) {
  return {seed, rng::stream_id(stream), step, entity};
}

}  // namespace insim::sahel
