#pragma once
// One counter-based stream per purpose of the analysis code (docs/determinism.md). The ids
// start at 0x5e00 so that a sweep seed shared with a model run never reuses a model's stream.
#include <cstdint>

#include "rng/counter_rng.hpp"

namespace insim::analysis {

enum class Stream : std::uint64_t {
  simple_random = 0x5e01,     // step = row, one uniform per column
  lhs_permutation = 0x5e02,   // entity = column: the strata order of that column
  lhs_jitter = 0x5e03,        // step = row, one uniform per column: position within the stratum
  sobol_shift = 0x5e04,       // one 32-bit digital shift per column
  morris = 0x5e05,            // step = trajectory: base point, directions, order of the moves
  sobol_bootstrap = 0x5e06,   // step = resample: which base samples are drawn
  morris_bootstrap = 0x5e07,  // step = resample: which trajectories are drawn
};

[[nodiscard]] inline rng::CounterRng draws(std::uint64_t seed, Stream stream, std::uint64_t step,
                                           std::uint64_t entity) {
  return {seed, rng::stream_id(stream), step, entity};
}

}  // namespace insim::analysis
