#include <algorithm>
#include <cmath>

#include "models/sahel/processes/processes.hpp"

namespace insim::sahel {

State make_state(World world, const Inputs& in) {
  State s;
  s.world = std::move(world);
  const World& w = s.world;
  const std::size_t A = kModelActors;
  const std::size_t L = w.localities.size();
  const std::size_t R = w.regions.size();
  const std::size_t C = w.community_names.size();
  s.communities = C;

  s.presence.assign(L * A, 0.0F);
  s.supporters.assign(L * A, 0);
  s.fighters.assign(L * A, 0);
  s.region_weight.assign(R * A, 0.0);
  s.theatre = in.rules.operates;
  s.weeks_next_door.assign(A * R, 0);
  s.danger.assign(L, 0.0F);
  s.control.assign(L, kStateControl);
  s.present.assign(L, 0);
  s.displaced.assign(L, 0);
  s.refugees.assign(L, 0);
  s.hosted.assign(R, 0);
  s.cell_agents.assign(L * C, 0);
  s.abuse_memory.assign(L * C * A, 0.0F);
  s.death_probability.assign(L * C, 0.0F);
  s.best_actor.assign(L * C, kNoActor);
  s.sympathy.assign(L * C, 0.0F);
  s.cause.assign(L * C, 0.0F);
  s.risk.assign(L * C, 0.0F);
  s.join_probability.assign(L * C, 0.0F);
  s.scratch.losses.assign(L * A, 0);
  s.scratch.engaged.assign(L * A, 0.0F);
  s.scratch.state_based.assign(L, 0);
  s.scratch.killed.assign(L * A * C, 0);
  s.scratch.clashes.assign(L * A, 0);
  s.scratch.hosted.assign(L * R, 0);
  s.scratch.region_danger.assign(R, 0.0F);
  s.scratch.refuge.assign(R, 0);
  s.tally.civilians_killed_by_community.assign(C, 0);
  s.tally.region_combat_deaths.assign(R, 0);
  s.tally.region_civilian_deaths.assign(R, 0);

  // Every locality of a region gets an equal part of its area: the synthetic localities have
  // no geography, only people.
  s.area_km2.assign(L, 0.0);
  for (std::size_t r = 0; r < R; ++r) {
    const std::uint32_t b = w.regions.locality_begin[r];
    const std::uint32_t e = w.regions.locality_begin[r + 1];
    for (std::uint32_t l = b; l < e; ++l) s.area_km2[l] = w.regions.area_km2[r] / (e - b);
  }

  // Locality shares within a region, by population^gamma, per actor.
  s.locality_share.assign(A * L, 0.0F);
  for (std::size_t a = 0; a < A; ++a) {
    const double gamma = in.rules.actor(a).town_preference;
    for (std::size_t r = 0; r < R; ++r) {
      const std::uint32_t b = w.regions.locality_begin[r];
      const std::uint32_t e = w.regions.locality_begin[r + 1];
      double total = 0.0;
      for (std::uint32_t l = b; l < e; ++l)
        total += std::pow(static_cast<double>(w.localities.population[l]), gamma);
      for (std::uint32_t l = b; l < e; ++l)
        s.locality_share[a * L + l] = static_cast<float>(
            std::pow(static_cast<double>(w.localities.population[l]), gamma) / total);
    }
  }

  s.legitimacy.assign(L * C, 0.0F);
  for (std::size_t l = 0; l < L; ++l)
    for (std::size_t c = 0; c < C; ++c) s.legitimacy[l * C + c] = in.rules.base_legitimacy[c];

  for (std::size_t l = 0; l < L; ++l) {
    for (std::uint32_t i = w.localities.agent_begin[l]; i < w.localities.agent_begin[l + 1]; ++i)
      ++s.cell_agents[l * C + w.civilians.community[i]];
    s.present[l] = w.localities.agent_begin[l + 1] - w.localities.agent_begin[l];
  }

  for (std::size_t a = 0; a < A; ++a) {
    s.actor.cohesion[a] = in.rules.actor(a).cohesion;
    s.actor.posture[a] = 1.0;
    for (std::size_t b = 0; b < A; ++b) s.actor.hostile[a][b] = in.rules.enemies[a][b];
  }
  // The state's own army exists from the start; every other actor waits for its event.
  s.actor.active[index(ModelActor::fama)] = true;
  return s;
}

}  // namespace insim::sahel
