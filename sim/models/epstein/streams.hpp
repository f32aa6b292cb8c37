#pragma once
// One counter-based stream per purpose (docs/determinism.md): adding draws for one purpose never
// shifts another's numbers. Counter = (step, entity); entity is the agent id unless noted.
#include <cstdint>

#include "rng/counter_rng.hpp"

namespace insim::epstein {

enum class Stream : std::uint64_t {
  initial_hardship = 1,   // H of each citizen (step 0)
  initial_risk = 2,       // R of each citizen (step 0)
  initial_placement = 3,  // the shuffle of cells at step 0 (entity 0)
  activation_order = 4,   // sequential activation's permutation (entity 0)
  move = 5,               // move target; parallel activation: word 0 gives the claim priority
  arrest = 6,             // which active a cop arrests; parallel: word 0 gives the claim priority
  jail_term = 7,          // the arrested citizen's term
  release = 8,            // where a released citizen goes when its arrest cell is taken
  cop_placement = 9,      // where a cop added by the cop-density schedule goes
};

[[nodiscard]] inline rng::CounterRng draws(std::uint64_t seed, Stream stream, std::int64_t step,
                                           std::int64_t entity) {
  return {seed, rng::stream_id(stream), static_cast<std::uint64_t>(step),
          static_cast<std::uint64_t>(entity)};
}

// A claim priority for parallel activation: the high half of the stream's next word.
[[nodiscard]] inline std::uint32_t priority(rng::CounterRng& rng) {
  return static_cast<std::uint32_t>(rng.next_u64() >> 32);
}

}  // namespace insim::epstein
