// Phase 6: who holds each locality, what it earns them, and the slow variables of politics.
// A locality is held by the armed group at war with the state that is strongest there when it
// has at least min_control_fighters and more than control_margin x the state side's forces;
// otherwise by the state. Territory is counted by area, population by people at home. A held
// locality adds occupation_danger to its danger every week, and a locality that changes hands
// adds takeover_danger once (flight from the takeover itself). The army's cohesion moves by
// -territory_cohesion x the week's change in the share of Mali's area armed groups hold (F04).
#include <algorithm>
#include <cmath>

#include "engine/parallel.hpp"
#include "models/sahel/processes/processes.hpp"

namespace insim::sahel {

void update_control_and_politics(State& s, const Inputs& in) {
  const World& w = s.world;
  const std::size_t A = kModelActors;
  const std::size_t C = s.communities;
  const std::size_t L = w.localities.size();
  const double k = static_cast<double>(w.people_per_agent);
  const CombatDef& combat = in.rules.def->combat;
  const PoliticsDef& politics = in.rules.def->politics;
  const CiviliansDef& civilians = in.rules.def->civilians;
  const MechanismsDef& on = in.rules.on();
  constexpr std::size_t kFama = index(ModelActor::fama);

  std::array<double, kModelActors> income{};
  double armed_area = 0.0;
  double area = 0.0;
  for (std::size_t l = 0; l < L; ++l) {
    const float* p = s.presence.data() + l * A;
    double state_side = 0.0;
    std::size_t strongest = kModelActors;
    for (std::size_t a = 0; a < A; ++a) {
      if (is_government_side(in.rules.side[a])) {
        state_side += p[a];
      } else if (s.actor.hostile[a][kFama] && p[a] > 0.0F &&
                 (strongest == kModelActors || p[a] > p[strongest])) {
        strongest = a;
      }
    }
    const bool held = strongest < kModelActors && p[strongest] >= combat.min_control_fighters &&
                      p[strongest] > combat.control_margin * state_side;
    const std::uint8_t holder = held ? static_cast<std::uint8_t>(strongest) : kStateControl;
    if (holder != s.control[l]) s.danger[l] += static_cast<float>(civilians.takeover_danger);
    s.control[l] = holder;
    area += s.area_km2[l];
    if (!held) continue;
    s.danger[l] += static_cast<float>(civilians.occupation_danger);
    armed_area += s.area_km2[l];
    income[strongest] += politics.tax_usd_per_person_week * s.present[l] * k;
    if (in.rules.trafficking[w.localities.region[l]])
      income[strongest] += politics.trafficking_usd_per_week;
  }
  const double armed_territory = area > 0.0 ? armed_area / area : 0.0;
  s.actor.cohesion[kFama] = std::clamp(
      s.actor.cohesion[kFama] -
          combat.territory_cohesion * (armed_territory - s.politics.armed_territory),
      0.0, 1.0);
  s.politics.armed_territory = armed_territory;

  // Money (X06): income from what a group holds; its recruits' pay comes out of it, and the
  // share of the payroll it could cover sets how far pay attracts recruits next week (X05).
  for (std::size_t a = 0; a < A; ++a) {
    if (!in.rules.is_armed_group(a) || !s.actor.active[a]) continue;
    if (on.illicit_finance) s.actor.money[a] += income[a];
    const double payroll = in.rules.actor(a).pay_usd_per_month * 12.0 / 52.0 *
                           (s.actor.fighter_agents[a] * k + s.actor.external[a]);
    s.actor.weekly_pay[a] = payroll > 0.0 ? std::min(1.0, s.actor.money[a] / payroll) : 1.0;
    s.actor.money[a] = std::max(0.0, s.actor.money[a] - payroll);
  }

  // Legitimacy of the state in each cell moves towards the community's baseline, less what the
  // state side's abuse there and closed politics cost it (X01, X08).
  const auto speed = static_cast<float>(civilians.legitimacy_speed);
  const auto abuse_cost = static_cast<float>(civilians.abuse_legitimacy);
  const auto repression = static_cast<float>(s.politics.repression);
  parallel_for_each(0, L, 64, [&](std::size_t l) {
    for (std::size_t c = 0; c < C; ++c) {
      const std::size_t cell = l * C + c;
      float abuse = 0.0F;
      for (std::size_t a = 0; a < A; ++a)
        if (is_government_side(in.rules.side[a])) abuse += s.abuse_memory[cell * A + a];
      const float target =
          std::clamp(in.rules.base_legitimacy[c] - abuse_cost * abuse - repression, 0.0F, 1.0F);
      s.legitimacy[cell] += speed * (target - s.legitimacy[cell]);
    }
  });

  // Cohesion recovers towards each actor's own level; support for foreign forces erodes with
  // the week's violence while they are there (X10).
  std::int64_t deaths = s.tally.state_based + s.tally.non_state + s.tally.one_sided;
  for (std::size_t a = 0; a < A; ++a) {
    s.actor.cohesion[a] +=
        combat.cohesion_recovery * (in.rules.actor(a).cohesion - s.actor.cohesion[a]);
    if (on.opinion_erosion && s.actor.active[a] && in.rules.side[a] == Side::foreign)
      s.actor.opinion[a] *= std::max(0.0, 1.0 - politics.opinion_erosion * deaths / 100.0);
  }
}

}  // namespace insim::sahel
