// Phase 0 of a week: what happened last week fades. Danger and memories of abuse decay
// geometrically; this week's death probabilities and tallies start from zero.
#include <algorithm>

#include "engine/parallel.hpp"
#include "models/sahel/processes/processes.hpp"

namespace insim::sahel {

void begin_week(State& s, const Inputs& in) {
  const std::size_t L = s.world.localities.size();
  const std::size_t C = s.communities;
  const std::size_t A = kModelActors;
  const auto danger_kept = static_cast<float>(in.rules.def->civilians.danger_retention);
  const auto memory_kept = static_cast<float>(in.rules.def->civilians.memory_retention);
  parallel_for_each(0, L, 64, [&](std::size_t l) {
    s.danger[l] *= danger_kept;
    for (std::size_t i = l * C * A; i < (l + 1) * C * A; ++i) s.abuse_memory[i] *= memory_kept;
    std::fill_n(s.death_probability.begin() + static_cast<std::ptrdiff_t>(l * C), C, 0.0F);
  });
  StepTallies& t = s.tally;
  t.combat_deaths.fill(0);
  t.civilian_killed.fill(0);
  std::fill(t.civilians_killed_by_community.begin(), t.civilians_killed_by_community.end(), 0);
  std::fill(t.region_combat_deaths.begin(), t.region_combat_deaths.end(), 0);
  std::fill(t.region_civilian_deaths.begin(), t.region_civilian_deaths.end(), 0);
  t.state_based = t.non_state = t.one_sided = t.one_sided_by_government = 0;
  s.actor.fighter_death.fill(0.0);
}

}  // namespace insim::sahel
