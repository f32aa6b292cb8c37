// Phase 4: violence against civilians. An actor operating where its enemies are kills
// Poisson(abuse / 1,000 x its presence x contest) civilians a week, contest = enemies' presence
// / (enemies' + its own): none where it is alone, most where it is outnumbered. Victims are
// drawn by community, a profiled community weighted `profiling` times its share (the army's
// and Wagner's treatment of Fulani as presumed jihadists; militias' targeting of rival
// communities, X04). Each death lowers the victims' view of the perpetrator (memory, phase 5)
// and makes the place dangerous (flight, phase 5).
// UCDP's type of these deaths: one-sided, except that an armed group's killings of a community
// whose own armed group (affinity > 0) fights it in the same locality are, for a share
// communal_clash_share of the dead (binomial), non-state conflict: UCDP counts fighting between
// "informally organised groups" along communal lines (Dogon and Fulani in central Mali, F13) as
// non-state. The state side's killings are always one-sided. The deaths themselves, their
// perpetrator and their victims are the same either way.
#include <algorithm>

#include "engine/parallel.hpp"
#include "models/sahel/processes/processes.hpp"
#include "models/sahel/streams.hpp"

namespace insim::sahel {

namespace {
// A week with this many civilians killed by one actor in one locality is logged as a
// massacre: a reporting threshold for the events log, not a rule of the model.
constexpr std::int64_t kMassacreDeaths = 10;

// Whether community c has its own armed group in the locality (presence p) at war with actor a:
// an active armed group with an affinity for c that is hostile to a.
bool community_armed_against(const State& s, const Inputs& in, const float* p, std::size_t a,
                             std::size_t c) {
  const std::size_t C = s.communities;
  for (std::size_t b = 0; b < kModelActors; ++b)
    if (p[b] >= 0.5F && s.actor.hostile[a][b] && in.rules.is_armed_group(b) &&
        in.rules.affinity[b * C + c] > 0.0F)
      return true;
  return false;
}
}  // namespace

void harm_civilians(State& s, const Inputs& in) {
  const World& w = s.world;
  const std::size_t A = kModelActors;
  const std::size_t C = s.communities;
  const std::size_t L = w.localities.size();
  const double k = static_cast<double>(w.people_per_agent);
  const bool reprisals = in.rules.on().communal_reprisals;
  const double clash_share = in.rules.def->combat.communal_clash_share;

  parallel_for_each(0, L, 16, [&](std::size_t l) {
    const float* p = s.presence.data() + l * A;
    std::int32_t* killed = s.scratch.killed.data() + l * A * C;
    std::fill(killed, killed + A * C, 0);
    std::int32_t* clashes = s.scratch.clashes.data() + l * A;
    std::fill(clashes, clashes + A, 0);
    std::int64_t here = 0;
    for (std::size_t a = 0; a < A; ++a) {
      const ActorDef& def = in.rules.actor(a);
      if (p[a] < 0.5F || def.abuse <= 0.0) continue;
      double enemies = 0.0;
      for (std::size_t b = 0; b < A; ++b)
        if (s.actor.hostile[a][b]) enemies += p[b];
      if (enemies <= 0.0) continue;
      const double mean = def.abuse / 1000.0 * p[a] * enemies / (enemies + p[a]);
      // Armed groups profile only while communal rivalries are modelled (X04); the state's
      // profiling is its doctrine.
      const bool profiles = !in.rules.is_armed_group(a) || reprisals;
      double total_weight = 0.0;
      for (std::size_t c = 0; c < C; ++c)
        total_weight += s.cell_agents[l * C + c] *
                        (profiles && in.rules.profiled[a * C + c] ? def.profiling : 1.0);
      if (total_weight <= 0.0) continue;
      for (std::size_t c = 0; c < C; ++c) {
        const std::uint32_t members = s.cell_agents[l * C + c];
        if (members == 0) continue;
        const double weight =
            members * (profiles && in.rules.profiled[a * C + c] ? def.profiling : 1.0);
        auto g = draws(in.seed, Stream::violence, static_cast<std::uint64_t>(s.step),
                       (l * A + a) * C + c);
        const double people = members * k;
        const auto dead = std::min<std::int64_t>(poisson(g, mean * weight / total_weight),
                                                 static_cast<std::int64_t>(people));
        if (dead == 0) continue;
        killed[a * C + c] = static_cast<std::int32_t>(dead);
        if (clash_share > 0.0 && in.rules.is_armed_group(a) &&
            community_armed_against(s, in, p, a, c)) {
          auto u = draws(in.seed, Stream::communal, static_cast<std::uint64_t>(s.step),
                         (l * A + a) * C + c);
          for (std::int64_t i = 0; i < dead; ++i) clashes[a] += u.uniform() < clash_share;
        }
        here += dead;
        s.abuse_memory[(l * C + c) * A + a] += static_cast<float>(1000.0 * dead / people);
        s.death_probability[l * C + c] =
            std::min(1.0F, s.death_probability[l * C + c] + static_cast<float>(dead / people));
      }
    }
    const double people = std::max(1.0, s.present[l] * k);
    s.danger[l] += static_cast<float>(1000.0 * static_cast<double>(here) / people);
  });

  for (std::size_t l = 0; l < L; ++l) {
    const std::size_t r = w.localities.region[l];
    for (std::size_t a = 0; a < A; ++a) {
      std::int64_t by_actor = 0;
      for (std::size_t c = 0; c < C; ++c) {
        const std::int32_t dead = s.scratch.killed[(l * A + a) * C + c];
        by_actor += dead;
        s.tally.civilians_killed_by_community[c] += dead;
      }
      if (by_actor == 0) continue;
      const std::int32_t clashes = s.scratch.clashes[l * A + a];
      s.tally.civilian_killed[a] += by_actor;
      s.tally.region_civilian_deaths[r] += by_actor;
      s.tally.non_state += clashes;
      s.tally.one_sided += by_actor - clashes;
      if (is_government_side(in.rules.side[a])) s.tally.one_sided_by_government += by_actor;
      if (by_actor >= kMassacreDeaths)
        s.log.push_back({s.step, "massacre", "", std::string(kModelActorNames[a]),
                         w.regions.name[r], "locality " + std::to_string(l), by_actor});
    }
  }
}

}  // namespace insim::sahel
