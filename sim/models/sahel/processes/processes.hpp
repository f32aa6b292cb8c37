#pragma once
// The seven phases of a Sahel week, in the order step() runs them (decision 0001, Decision 4;
// docs/ODD.md part 2 gives their equations). Each reads and writes the State; randomness comes
// from counter-based streams keyed by (seed, purpose, step, entity), so any thread count gives
// the same result.
#include <cstdint>
#include <vector>

#include "models/sahel/rules.hpp"
#include "models/sahel/schedule.hpp"
#include "models/sahel/state.hpp"

namespace insim::sahel {

struct Inputs {
  const Rules& rules;
  const Schedule& schedule;
  std::uint64_t seed = 0;
};

// Sizes every array of the state for its world; actors start inactive, cells at their
// community's baseline legitimacy.
[[nodiscard]] State make_state(World world, const Inputs& in);

// 0. Last week's danger and memories fade; this week's tallies start at zero.
void begin_week(State& s, const Inputs& in);
// 1. Timeline events of this step; endogenous coups and purge arrests.
void apply_events(State& s, const Inputs& in);
// 2. Strengths of this step; each actor's presence in each locality.
void deploy_forces(State& s, const Inputs& in);
// The presence of a's active enemies in region r, from a region x actor table of presence.
[[nodiscard]] double enemy_presence(const State& s, std::size_t a, std::size_t r,
                                    const std::vector<double>& region_presence);
// 3. Combat between hostile actors in each locality: deaths, cohesion.
void fight(State& s, const Inputs& in);
// 4. Violence against civilians by each actor in each locality: deaths, memory of abuse.
void harm_civilians(State& s, const Inputs& in);
// 5. Each civilian: support, join, desert, flee, return, die.
void decide_civilians(State& s, const Inputs& in);
// 6. Locality control, money, legitimacy, cohesion, opinion of foreign forces.
void update_control_and_politics(State& s, const Inputs& in);

}  // namespace insim::sahel
