// Phase 2: each actor's strength this week and where it stands. A force is spread over regions
// by its deployment rule, then over a region's localities by population^town_preference. An
// armed group's recruits fight where they live except for its mobile share.
#include <algorithm>

#include "models/sahel/processes/processes.hpp"

namespace insim::sahel {

namespace {

double strength_of(const State& s, const Inputs& in, std::size_t a, Date today) {
  if (!s.actor.active[a]) return 0.0;
  if (in.rules.is_armed_group(a))
    return s.actor.fighter_agents[a] * static_cast<double>(s.world.people_per_agent) +
           s.actor.external[a];
  const ForceTrack& track = in.schedule.forces[a];
  // A force without a strength series keeps the strength it arrived with.
  return track.empty() ? static_cast<double>(in.rules.actor(a).fighters_at_start)
                       : track.at(today);
}

}  // namespace

double enemy_presence(const State& s, std::size_t a, std::size_t r,
                      const std::vector<double>& region_presence) {
  double enemies = 0.0;
  for (std::size_t b = 0; b < kModelActors; ++b)
    if (s.actor.hostile[a][b] && s.actor.active[b])
      enemies += region_presence[r * kModelActors + b];
  return enemies;
}

void deploy_forces(State& s, const Inputs& in) {
  const World& w = s.world;
  const std::size_t A = kModelActors;
  const std::size_t R = w.regions.size();
  const std::size_t L = w.localities.size();
  const double k = static_cast<double>(w.people_per_agent);
  const Date today = w.calendar.date_of(s.step);
  const bool vacuum = in.rules.on().vacuum;

  // Last week's picture by region: presence per actor, supporters and fighters per actor,
  // people at home.
  auto& last = s.scratch.region_presence;
  auto& base = s.scratch.region_base;
  auto& people = s.scratch.region_people;
  last.assign(R * A, 0.0);
  base.assign(R * A, 0.0);
  people.assign(R, 0.0);
  for (std::size_t l = 0; l < L; ++l) {
    const std::size_t r = w.localities.region[l];
    people[r] += s.present[l] * k;
    for (std::size_t a = 0; a < A; ++a) {
      last[r * A + a] += s.presence[l * A + a];
      base[r * A + a] += (s.supporters[l * A + a] + s.fighters[l * A + a]) * k;
    }
  }

  // An armed group opens a region of its `regions` after spread_weeks with presence_to_recruit
  // fighters in a neighbouring region of its theatre (the jihadists' move from the north to the
  // centre, 2012-2015).
  // A foreign force deployed by threat with spread_weeks > 0 opens a region of its `regions`
  // after spread_weeks with presence_to_recruit enemy fighters there: a mission redeploys its
  // bases to a new theatre months after the threat has moved (Barkhane reached central Mali
  // years after the jihadists did, F13).
  const double foothold = in.rules.def->civilians.presence_to_recruit;
  for (std::size_t a = 0; a < A; ++a) {
    if (!s.actor.active[a]) continue;
    const std::int64_t wait = in.rules.actor(a).spread_weeks;
    const bool lagging_force = in.rules.side[a] == Side::foreign &&
                               in.rules.actor(a).deployment == Deployment::by_threat && wait > 0;
    if (!in.rules.is_armed_group(a) && !lagging_force) continue;
    for (std::size_t r = 0; r < R; ++r) {
      if (s.theatre[a * R + r] || !in.rules.operates[a * R + r]) continue;
      bool ready = false;
      if (lagging_force) {
        ready = enemy_presence(s, a, r, last) >= foothold;
      } else {
        for (std::uint32_t n = w.regions.neighbour_begin[r]; n < w.regions.neighbour_begin[r + 1];
             ++n) {
          const std::uint16_t q = w.regions.neighbour[n];
          ready = ready || (s.theatre[a * R + q] && last[q * A + a] >= foothold);
        }
      }
      std::int32_t& weeks = s.weeks_next_door[a * R + r];
      weeks = ready ? weeks + 1 : 0;
      if (weeks >= wait) s.theatre[a * R + r] = 1;
    }
  }

  for (std::size_t a = 0; a < A; ++a) {
    s.actor.strength[a] = strength_of(s, in, a, today);
    const ActorDef& def = in.rules.actor(a);
    double total = 0.0;
    for (std::size_t r = 0; r < R; ++r) {
      double weight = 0.0;
      if (s.theatre[a * R + r]) {
        switch (def.deployment) {
          case Deployment::by_population: {
            const double presence = in.rules.side[a] == Side::state ? w.regions.state_presence[r]
                                                                     : 1.0;
            weight = people[r] * presence;
            break;
          }
          case Deployment::by_threat: {
            double threat = 0.0;
            for (std::size_t b = 0; b < A; ++b)
              if (s.actor.hostile[a][b] && s.actor.active[b]) threat += last[r * A + b];
            weight = threat + 1.0;
            break;
          }
          case Deployment::by_support: {
            // Where its people are, and where it can reach, away from the forces against it
            // (X03: foreign forces count only while the vacuum mechanism is on).
            double opposing = 0.0;
            for (std::size_t b = 0; b < A; ++b) {
              if (!s.actor.hostile[a][b] || !s.actor.active[b]) continue;
              if (!vacuum && in.rules.side[b] == Side::foreign) continue;
              opposing += last[r * A + b];
            }
            const double own = base[r * A + a] + def.reach * people[r] / 1000.0;
            const double deterrence = in.rules.def->combat.deterrence;
            weight = own * (1.0 - deterrence * opposing / (opposing + last[r * A + a] + 1.0));
            break;
          }
        }
      }
      s.region_weight[r * A + a] = weight;
      total += weight;
    }
    // A group with no supporters yet (a new militia) starts where people live in its regions.
    if (total <= 0.0) {
      for (std::size_t r = 0; r < R; ++r) {
        s.region_weight[r * A + a] = s.theatre[a * R + r] ? people[r] : 0.0;
        total += s.region_weight[r * A + a];
      }
    }
    for (std::size_t r = 0; r < R; ++r)
      s.region_weight[r * A + a] = total > 0.0 ? s.region_weight[r * A + a] / total : 0.0;
    // A garrison force also answers threats: part of it goes where its enemies are.
    if (def.deployment == Deployment::by_population && def.threat_response > 0.0) {
      double threat_total = 0.0;
      for (std::size_t r = 0; r < R; ++r) {
        if (!s.theatre[a * R + r]) continue;
        for (std::size_t b = 0; b < A; ++b)
          if (s.actor.hostile[a][b] && s.actor.active[b]) threat_total += last[r * A + b];
      }
      if (threat_total > 0.0) {
        for (std::size_t r = 0; r < R; ++r) {
          double threat = 0.0;
          if (s.theatre[a * R + r])
            for (std::size_t b = 0; b < A; ++b)
              if (s.actor.hostile[a][b] && s.actor.active[b]) threat += last[r * A + b];
          s.region_weight[r * A + a] = (1.0 - def.threat_response) * s.region_weight[r * A + a] +
                                       def.threat_response * threat / threat_total;
        }
      }
    }
  }

  for (std::size_t a = 0; a < A; ++a) {
    const bool armed = in.rules.is_armed_group(a);
    const double mobility = armed ? in.rules.actor(a).mobility : 1.0;
    const double mobile =
        armed ? mobility * s.actor.fighter_agents[a] * k + s.actor.external[a]
              : s.actor.strength[a];
    for (std::size_t l = 0; l < L; ++l) {
      const std::size_t r = w.localities.region[l];
      double p = mobile * s.region_weight[r * A + a] * s.locality_share[a * L + l];
      if (armed && s.actor.active[a]) p += (1.0 - mobility) * s.fighters[l * A + a] * k;
      s.presence[l * A + a] = s.actor.active[a] ? static_cast<float>(p) : 0.0F;
    }
  }
}

}  // namespace insim::sahel
