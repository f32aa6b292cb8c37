// Phase 1: the timeline's events of this week, then the endogenous ones (purge cascade X02,
// coups X11). Serial: a handful of events a week change a few numbers each.
#include <algorithm>
#include <array>
#include <cmath>

#include "models/sahel/processes/processes.hpp"
#include "models/sahel/streams.hpp"

namespace insim::sahel {

namespace {

constexpr std::size_t kFama = index(ModelActor::fama);

// The stream entity of an event: a hash of its id, so that a counterfactual that drops or adds
// other events draws the same figures for this one (paired runs stay paired).
std::uint64_t event_entity(const EventDef& e) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const char c : e.id) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

// A figure drawn uniformly within the event's range (the sources disagree within it).
double draw_in(const CountRange& r, std::uint64_t seed, std::int64_t step, std::uint64_t event) {
  if (r.low == r.high) return static_cast<double>(r.low);
  auto g = draws(seed, Stream::event, static_cast<std::uint64_t>(step), event);
  return static_cast<double>(r.low) + g.uniform() * static_cast<double>(r.high - r.low);
}

std::vector<std::size_t> model_rows(const EventDef& e) {
  std::vector<std::size_t> rows;
  for (Actor a : e.actors) {
    const auto m = model_actor(a);
    if (m && std::find(rows.begin(), rows.end(), index(*m)) == rows.end())
      rows.push_back(index(*m));
  }
  return rows;
}

void log_event(State& s, const std::string& kind, const std::string& id, std::string actor,
               std::string region, std::string locality, std::int64_t deaths) {
  s.log.push_back({s.step, kind, id, std::move(actor), std::move(region), std::move(locality),
                   deaths});
}

// An armed group starts in the regions of the event that starts it (those it may operate in);
// it opens the others of its `regions` as it spreads (deployment.cpp).
void activate(State& s, const Inputs& in, std::size_t a, const ScheduledEvent& ev) {
  if (s.actor.active[a]) return;
  s.actor.active[a] = true;
  const std::size_t R = s.world.regions.size();
  if (in.rules.is_armed_group(a) && !ev.regions.empty()) {
    bool any = false;
    for (std::size_t r = 0; r < R; ++r) {
      const bool named = std::find(ev.regions.begin(), ev.regions.end(), r) != ev.regions.end();
      s.theatre[a * R + r] = named && in.rules.operates[a * R + r];
      any = any || s.theatre[a * R + r];
    }
    if (!any)
      for (std::size_t r = 0; r < R; ++r) s.theatre[a * R + r] = in.rules.operates[a * R + r];
  }
  const ActorDef& def = in.rules.actor(a);
  // A foreign force deployed by threat with spread_weeks > 0 starts in the regions of its
  // `regions` where its enemies are (deployment.cpp opens the others), or in all of them when
  // its enemies are nowhere yet.
  if (in.rules.side[a] == Side::foreign && def.deployment == Deployment::by_threat &&
      def.spread_weeks > 0) {
    const std::size_t A = kModelActors;
    auto& by_region = s.scratch.region_presence;
    by_region.assign(R * A, 0.0);
    for (std::size_t l = 0; l < s.world.localities.size(); ++l)
      for (std::size_t b = 0; b < A; ++b)
        by_region[s.world.localities.region[l] * A + b] += s.presence[l * A + b];
    const double foothold = in.rules.def->civilians.presence_to_recruit;
    bool any = false;
    for (std::size_t r = 0; r < R; ++r) {
      s.theatre[a * R + r] =
          in.rules.operates[a * R + r] && enemy_presence(s, a, r, by_region) >= foothold;
      any = any || s.theatre[a * R + r];
    }
    if (!any)
      for (std::size_t r = 0; r < R; ++r) s.theatre[a * R + r] = in.rules.operates[a * R + r];
  }
  if (in.rules.is_armed_group(a)) {
    s.actor.external[a] += static_cast<double>(def.fighters_at_start) + s.actor.pending[a];
    s.actor.pending[a] = 0.0;
  }
  if (in.rules.side[a] == Side::foreign) s.actor.opinion[a] = in.rules.def->politics.opinion_start;
}

void set_hostility_with_state(State& s, const Inputs& in, std::size_t a, bool hostile) {
  for (std::size_t b = 0; b < kModelActors; ++b) {
    if (!is_government_side(in.rules.side[b])) continue;
    s.actor.hostile[a][b] = s.actor.hostile[b][a] = hostile && in.rules.enemies[a][b];
  }
}

void coup(State& s, const Inputs& in) {
  const PoliticsDef& p = in.rules.def->politics;
  s.actor.cohesion[kFama] = std::max(0.0, s.actor.cohesion[kFama] - p.coup_cohesion);
  for (float& l : s.legitimacy)
    l = std::clamp(l + static_cast<float>(p.coup_legitimacy), 0.0F, 1.0F);
  ++s.politics.coups;
}

void arrests(State& s, const Inputs& in, double n) {
  const PoliticsDef& p = in.rules.def->politics;
  s.actor.cohesion[kFama] = std::max(0.0, s.actor.cohesion[kFama] - p.purge_cohesion_per_arrest * n);
  s.politics.arrests += std::llround(n);
  if (in.rules.on().purge_cascade)
    s.politics.purge_intensity += p.purge_cascade / p.purge_memory_weeks * n;
}

// The locality of a region where an actor's enemies are strongest: where a named operation
// against them (F23) strikes.
std::size_t hardest_hit_locality(const State& s, std::size_t region, std::size_t a) {
  const auto& w = s.world;
  std::size_t best = w.regions.locality_begin[region];
  float most = -1.0F;
  for (std::size_t l = w.regions.locality_begin[region]; l < w.regions.locality_begin[region + 1];
       ++l) {
    float enemies = 0.0F;
    for (std::size_t b = 0; b < kModelActors; ++b)
      if (s.actor.hostile[a][b]) enemies += s.presence[l * kModelActors + b];
    if (enemies > most) {
      most = enemies;
      best = l;
    }
  }
  return best;
}

// Civilians killed in one locality by the actors of an event, shared among them, each victim
// community weighted by its people and the first actor's profiling.
void kill_civilians(State& s, const Inputs& in, const std::vector<std::size_t>& perpetrators,
                    std::size_t l, std::int64_t deaths) {
  if (perpetrators.empty() || deaths <= 0) return;
  const std::size_t C = s.communities;
  const std::size_t A = kModelActors;
  const std::size_t first = perpetrators.front();
  // As in violence.cpp: armed groups profile only while communal rivalries are modelled (X04).
  const bool profiles = !in.rules.is_armed_group(first) || in.rules.on().communal_reprisals;
  std::array<double, 256> weight{};
  double total = 0.0;
  for (std::size_t c = 0; c < C; ++c) {
    weight[c] = s.cell_agents[l * C + c] *
                (profiles && in.rules.profiled[first * C + c] ? in.rules.actor(first).profiling
                                                              : 1.0);
    total += weight[c];
  }
  if (total <= 0.0) return;
  const double k = static_cast<double>(s.world.people_per_agent);
  const std::size_t region = s.world.localities.region[l];
  for (std::size_t c = 0; c < C; ++c) {
    const double people = s.cell_agents[l * C + c] * k;
    if (people <= 0.0) continue;
    const double killed = deaths * weight[c] / total;
    for (std::size_t a : perpetrators) {
      const double share = killed / static_cast<double>(perpetrators.size());
      s.abuse_memory[(l * C + c) * A + a] += static_cast<float>(1000.0 * share / people);
      s.tally.civilian_killed[a] += std::llround(share);
    }
    s.death_probability[l * C + c] += static_cast<float>(std::min(1.0, killed / people));
    s.tally.civilians_killed_by_community[c] += std::llround(killed);
  }
  s.tally.region_civilian_deaths[region] += deaths;
  s.tally.one_sided += deaths;
  if (is_government_side(in.rules.side[first])) s.tally.one_sided_by_government += deaths;
  s.danger[l] += static_cast<float>(1000.0 * deaths / std::max(1.0, s.present[l] * k));
}

void apply(State& s, const Inputs& in, const ScheduledEvent& ev) {
  const EventDef& e = *ev.def;
  const std::uint64_t event_index = event_entity(e);
  const PoliticsDef& p = in.rules.def->politics;
  const MechanismsDef& on = in.rules.on();
  const std::vector<std::size_t> rows = model_rows(e);
  const auto& w = s.world;
  std::int64_t deaths = 0;
  std::string locality;

  switch (e.event_kind()) {
    case EventKind::arms_inflow:
      // F01: Tuareg fighters back from Libya join the separatists when their rebellion starts.
      s.actor.pending[index(ModelActor::mnla_cma)] += p.arms_inflow_fighters;
      s.actor.arms_boost_until = s.step + 52;
      break;
    case EventKind::external_funding:
      // F02: money for the Islamist movements, i.e. JNIM's row.
      s.actor.money[index(ModelActor::jnim)] +=
          draw_in(e.magnitudes.money_usd, in.seed, s.step, event_index);
      break;
    case EventKind::rebellion_start:
    case EventKind::intervention_start:
    case EventKind::militia_formation:
    case EventKind::task_force_start:
    case EventKind::group_formed:
      for (std::size_t a : rows) activate(s, in, a, ev);
      break;
    case EventKind::mission_handover:
      // The first actor takes over from the others.
      for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i == 0) activate(s, in, rows[i], ev);
        else s.actor.active[rows[i]] = false;
      }
      break;
    case EventKind::operation_end:
    case EventKind::force_departed:
      for (std::size_t a : rows)
        if (a != kFama) s.actor.active[a] = false;
      break;
    case EventKind::operation_change:
      // F09: the same force under a new mandate fights differently (Barkhane's raids across
      // five countries after Serval's campaign in Mali).
      for (std::size_t a : rows) s.actor.posture[a] = in.rules.actor(a).lethality_after_change;
      break;
    case EventKind::coup: coup(s, in); break;
    case EventKind::insurgent_takeover:
      // F06: the jihadists (all but the last actor) turn on the last (the MNLA).
      if (rows.size() >= 2) {
        const std::size_t last = rows.back();
        for (std::size_t i = 0; i + 1 < rows.size(); ++i)
          s.actor.hostile[rows[i]][last] = s.actor.hostile[last][rows[i]] = true;
      }
      break;
    case EventKind::peace_accord:
      for (std::size_t a : rows)
        if (in.rules.is_armed_group(a)) set_hostility_with_state(s, in, a, false);
      break;
    case EventKind::accord_ended:
      for (std::size_t a : rows)
        if (in.rules.is_armed_group(a)) set_hostility_with_state(s, in, a, true);
      break;
    case EventKind::rivalry_start:
      if (on.jihadist_rivalry)
        for (std::size_t a : rows)
          for (std::size_t b : rows)
            if (a != b) s.actor.hostile[a][b] = true;
      break;
    case EventKind::dialogue_opened:
      for (std::size_t a : rows)
        if (in.rules.is_armed_group(a)) s.actor.negotiating[a] = true;
      break;
    case EventKind::sanctions_start: s.politics.sanctions = true; break;
    case EventKind::sanctions_end: s.politics.sanctions = false; break;
    case EventKind::aid_halted: s.politics.aid_halted = true; break;
    case EventKind::repression: s.politics.repression += p.repression_legitimacy; break;
    case EventKind::purge: arrests(s, in, draw_in(e.magnitudes.arrests, in.seed, s.step, event_index)); break;
    case EventKind::terror_attack:
    case EventKind::military_operation: {
      // A massacre the timeline dates: its deaths in the region's hardest-hit locality (the
      // capital for an attack on a city), by the event's armed actors.
      deaths = std::llround(draw_in(e.magnitudes.deaths, in.seed, s.step, event_index));
      if (rows.empty() || ev.regions.empty()) break;
      const std::size_t region = ev.regions.front();
      const std::size_t l = e.event_kind() == EventKind::terror_attack
                                ? w.regions.locality_begin[region]
                                : hardest_hit_locality(s, region, rows.front());
      locality = "locality " + std::to_string(l);
      std::vector<std::size_t> perpetrators;
      for (std::size_t a : rows)
        if (s.actor.active[a]) perpetrators.push_back(a);
      if (perpetrators.empty()) perpetrators.push_back(rows.front());
      kill_civilians(s, in, perpetrators, l, deaths);
      if (on.illicit_finance && e.magnitudes.hostages.given())
        s.actor.money[rows.front()] +=
            p.ransom_usd_per_hostage * draw_in(e.magnitudes.hostages, in.seed, s.step, event_index);
      break;
    }
    case EventKind::insurgent_attack: {
      // F26: soldiers killed (the last actor's) by the first.
      deaths = std::llround(draw_in(e.magnitudes.deaths, in.seed, s.step, event_index));
      if (rows.size() < 2) break;
      const std::size_t target = rows.back();
      s.tally.combat_deaths[target] += deaths;
      s.tally.state_based += deaths;
      if (!ev.regions.empty()) s.tally.region_combat_deaths[ev.regions.front()] += deaths;
      if (s.actor.strength[target] > 0.0)
        s.actor.cohesion[target] = std::max(
            0.0, s.actor.cohesion[target] - in.rules.def->combat.defeat_cohesion *
                                                deaths / s.actor.strength[target]);
      break;
    }
    default: break;  // recorded in the log; no mechanism acts on it
  }
  const std::string region = ev.regions.empty() ? "" : w.regions.name[ev.regions.front()];
  const std::string actor = e.actors.empty() ? "" : std::string(to_string(e.actors.front()));
  log_event(s, std::string(to_string(e.event_kind())), e.id, actor, region, locality, deaths);
}

}  // namespace

void apply_events(State& s, const Inputs& in) {
  const auto& events = in.schedule.events;
  while (s.next_event < events.size() && events[s.next_event].step <= s.step) {
    apply(s, in, events[s.next_event]);
    ++s.next_event;
  }

  const PoliticsDef& p = in.rules.def->politics;
  // X02: arrests beget arrests (a Hawkes process with exponential memory).
  if (in.rules.on().purge_cascade && s.politics.purge_intensity > 0.0) {
    auto g = draws(in.seed, Stream::purge, static_cast<std::uint64_t>(s.step), 0);
    const auto n = poisson(g, s.politics.purge_intensity);
    s.politics.purge_intensity *= std::exp(-1.0 / p.purge_memory_weeks);
    if (n > 0) {
      arrests(s, in, static_cast<double>(n));
      log_event(s, "purge_arrests", "", "fama", "", "", 0);
    }
  }
  // X11: after the replayed history, coups come from the army's failure to hold territory.
  const bool replaying = s.world.calendar.date_of(s.step) <= p.replay_until;
  if (in.rules.on().coups && !replaying) {
    auto g = draws(in.seed, Stream::coup, static_cast<std::uint64_t>(s.step), 0);
    if (g.bernoulli(std::min(1.0, p.coup_hazard * s.politics.armed_territory))) {
      coup(s, in);
      log_event(s, "coup", "", "fama", "", "", 0);
    }
  }
}

}  // namespace insim::sahel
