// Phase 3: combat where hostile actors meet. In each locality, each hostile pair (a, b) present
// has contact_rate x min(presence) fighter-contacts a week; each side loses Poisson(contacts x
// the other's effectiveness) people, effectiveness = lethality x posture x cohesion x (1 + air
// support), raised for insurgents for a year after an arms inflow (F01); posture is 1 until the
// actor's operation changes (F09), then its lethality_after_change. Talks (X12) avoid part of the
// contacts between the state side and a negotiating group. Parallel over localities: each
// writes only its own row; totals are integer sums in locality order.
#include <algorithm>
#include <cmath>

#include "engine/parallel.hpp"
#include "models/sahel/processes/processes.hpp"
#include "models/sahel/streams.hpp"

namespace insim::sahel {

namespace {

double effectiveness(const State& s, const Inputs& in, std::size_t a) {
  const ActorDef& def = in.rules.actor(a);
  double e = def.lethality * s.actor.posture[a] * s.actor.cohesion[a] * (1.0 + def.air_support);
  if (in.rules.is_armed_group(a) && s.step <= s.actor.arms_boost_until)
    e *= 1.0 + in.rules.def->politics.arms_inflow_lethality;
  return e;
}

}  // namespace

void fight(State& s, const Inputs& in) {
  const World& w = s.world;
  const std::size_t A = kModelActors;
  const std::size_t L = w.localities.size();
  const CombatDef& combat = in.rules.def->combat;
  const PoliticsDef& politics = in.rules.def->politics;
  const bool talks = in.rules.on().negotiation;

  std::array<double, kModelActors> eff{};
  for (std::size_t a = 0; a < A; ++a) eff[a] = effectiveness(s, in, a);

  parallel_for_each(0, L, 16, [&](std::size_t l) {
    std::int32_t* losses = s.scratch.losses.data() + l * A;
    std::fill(losses, losses + A, 0);
    std::int32_t with_state = 0;
    const float* p = s.presence.data() + l * A;
    float* engaged = s.scratch.engaged.data() + l * A;
    std::fill(engaged, engaged + A, 0.0F);
    for (std::size_t a = 0; a < A; ++a) {
      if (p[a] < 0.5F) continue;
      for (std::size_t b = a + 1; b < A; ++b) {
        if (p[b] < 0.5F || !s.actor.hostile[a][b]) continue;
        double contacts = combat.contact_rate * std::min(p[a], p[b]);
        const bool gov_a = is_government_side(in.rules.side[a]);
        const bool gov_b = is_government_side(in.rules.side[b]);
        if (talks && ((gov_a && s.actor.negotiating[b]) || (gov_b && s.actor.negotiating[a])))
          contacts *= 1.0 - politics.negotiation_cut * politics.negotiation_acceptance;
        auto g = draws(in.seed, Stream::combat, static_cast<std::uint64_t>(s.step),
                       (l * A + a) * A + b);
        const auto lost_b = std::min<std::int64_t>(poisson(g, contacts * eff[a]),
                                                   std::llround(p[b]));
        const auto lost_a = std::min<std::int64_t>(poisson(g, contacts * eff[b]),
                                                   std::llround(p[a]));
        losses[a] += static_cast<std::int32_t>(lost_a);
        losses[b] += static_cast<std::int32_t>(lost_b);
        engaged[a] = p[a];
        engaged[b] = p[b];
        if (gov_a || gov_b) with_state += static_cast<std::int32_t>(lost_a + lost_b);
      }
    }
    s.scratch.state_based[l] = with_state;
  });

  std::array<double, kModelActors> lost{};
  std::array<double, kModelActors> engaged{};
  for (std::size_t l = 0; l < L; ++l) {
    std::int64_t here = 0;
    for (std::size_t a = 0; a < A; ++a) {
      lost[a] += s.scratch.losses[l * A + a];
      engaged[a] += s.scratch.engaged[l * A + a];
      here += s.scratch.losses[l * A + a];
    }
    s.tally.region_combat_deaths[w.localities.region[l]] += here;
    s.tally.state_based += s.scratch.state_based[l];
    s.tally.non_state += here - s.scratch.state_based[l];
    // Violent deaths make a place dangerous (flight, phase 5).
    const double people = std::max(1.0, s.present[l] * static_cast<double>(w.people_per_agent));
    s.danger[l] += static_cast<float>(1000.0 * static_cast<double>(here) / people);
  }

  for (std::size_t a = 0; a < A; ++a) {
    s.tally.combat_deaths[a] += std::llround(lost[a]);
    const double strength = s.actor.strength[a];
    if (in.rules.is_armed_group(a)) {
      const double ratio = strength > 0.0 ? lost[a] / strength : 0.0;
      // Losses fall on the whole group: each fighter agent dies with the same probability.
      s.actor.fighter_death[a] = std::min(1.0, ratio);
      s.actor.external[a] = std::max(0.0, s.actor.external[a] * (1.0 - ratio));
    }
    // Cohesion falls when an actor loses a larger share of the forces it engaged than its
    // enemies lose of theirs (defeats, not the size of the army, break units: F04).
    double enemy_lost = 0.0;
    double enemy_engaged = 0.0;
    for (std::size_t b = 0; b < A; ++b) {
      if (!s.actor.hostile[a][b] || !s.actor.active[b]) continue;
      enemy_lost += lost[b];
      enemy_engaged += engaged[b];
    }
    const double own_rate = engaged[a] > 0.0 ? lost[a] / engaged[a] : 0.0;
    const double enemy_rate = enemy_engaged > 0.0 ? enemy_lost / enemy_engaged : 0.0;
    const double defeat = std::max(0.0, own_rate - enemy_rate);
    s.actor.cohesion[a] = std::max(0.0, s.actor.cohesion[a] - combat.defeat_cohesion * defeat);
  }
}

}  // namespace insim::sahel
