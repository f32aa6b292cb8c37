// Phase 5: each civilian decides, Epstein's rule in a community setting. For each cell
// (locality, community), once: the armed group the community would back (largest sympathy:
// baseline affinity plus, X01, the abuse its members suffered from that group's enemies), the
// weekly join probability (X05: pay), and the group's cause and risk there. For a group at war
// against the state (jihadists, separatists) the cause is the state's illegitimacy
// (1 - legitimacy, X09) and the risk, while it is at war with the state, arrest:
// P = 1 - exp(-k x state side / (groups against it + 1)); for a militia the cause is the threat
// the jihadists pose there, 1 - exp(-k x groups against the state / (state side + 1)), at no
// risk from the state that tolerates it (F13). Then each agent at home: dies with the cell's probability; flees with
// 1 - exp(-flee_rate x danger); else with grievance G = H x hardship x cause and net risk
// N = R x P it supports the group when sympathy x G - N > T, and a supporter takes up arms with
// the join probability x H. Fighters die with their group's loss rate and desert as cohesion
// fails. The displaced go home once home is safe. Parallel over localities (agents are sorted
// by locality); counts are per locality, so no two tasks write the same number.
#include <algorithm>
#include <cmath>

#include "engine/parallel.hpp"
#include "models/sahel/processes/processes.hpp"
#include "models/sahel/streams.hpp"

namespace insim::sahel {

namespace {

constexpr auto kQuiet = static_cast<std::uint8_t>(CivilianStatus::quiet);
constexpr auto kSupporter = static_cast<std::uint8_t>(CivilianStatus::supporter);
constexpr auto kFighter = static_cast<std::uint8_t>(CivilianStatus::fighter);
constexpr auto kDisplaced = static_cast<std::uint8_t>(CivilianStatus::displaced);
constexpr auto kRefugee = static_cast<std::uint8_t>(CivilianStatus::refugee);
constexpr auto kDead = static_cast<std::uint8_t>(CivilianStatus::dead);

// Where people of each region flee inside Mali: the safest of its neighbours and Bamako.
void choose_refuges(State& s) {
  const World& w = s.world;
  const std::size_t R = w.regions.size();
  auto& danger = s.scratch.region_danger;
  std::fill(danger.begin(), danger.end(), 0.0F);
  std::vector<double>& people = s.scratch.region_people;
  people.assign(R, 0.0);
  for (std::size_t l = 0; l < w.localities.size(); ++l) {
    const std::size_t r = w.localities.region[l];
    danger[r] += s.danger[l] * static_cast<float>(s.present[l]);
    people[r] += s.present[l];
  }
  for (std::size_t r = 0; r < R; ++r)
    danger[r] = people[r] > 0.0 ? static_cast<float>(danger[r] / people[r]) : 0.0F;
  const auto capital = static_cast<std::uint16_t>(
      std::find(w.regions.name.begin(), w.regions.name.end(), "Bamako") - w.regions.name.begin());
  for (std::size_t r = 0; r < R; ++r) {
    std::uint16_t best = capital < R ? capital : static_cast<std::uint16_t>(r);
    for (std::uint32_t n = w.regions.neighbour_begin[r]; n < w.regions.neighbour_begin[r + 1];
         ++n) {
      const std::uint16_t candidate = w.regions.neighbour[n];
      if (danger[candidate] < danger[best]) best = candidate;
    }
    s.scratch.refuge[r] = best;
  }
}

}  // namespace

void decide_civilians(State& s, const Inputs& in) {
  World& w = s.world;
  Civilians& civ = w.civilians;
  const std::size_t A = kModelActors;
  const std::size_t C = s.communities;
  const std::size_t R = w.regions.size();
  const std::size_t L = w.localities.size();
  const CiviliansDef& rules = in.rules.def->civilians;
  const MechanismsDef& on = in.rules.on();
  const auto step = static_cast<std::uint64_t>(s.step);
  const auto now = static_cast<std::uint32_t>(s.step);

  choose_refuges(s);

  // Hardship multiplier of the economy: sanctions (X08) and the end of aid (F28).
  double economy = 1.0;
  if (s.politics.sanctions && on.sanctions_hardship) economy += in.rules.def->politics.sanctions_hardship;
  if (s.politics.aid_halted) economy += in.rules.def->politics.aid_halt_hardship;
  s.hardship_multiplier = economy;

  // Without X09 every community sees the state alike: the mean baseline legitimacy.
  float uniform_legitimacy = 0.0F;
  for (float b : in.rules.base_legitimacy) uniform_legitimacy += b;
  uniform_legitimacy /= static_cast<float>(std::max<std::size_t>(1, C));

  std::array<double, kModelActors> desertion{};
  std::array<double, kModelActors> pay_factor{};
  for (std::size_t a = 0; a < A; ++a) {
    desertion[a] = rules.desertion_rate * (1.0 - s.actor.cohesion[a]);
    // Pay at most doubles the odds of joining: pay / (pay + income) of the payroll it covers.
    const double pay = in.rules.actor(a).pay_usd_per_month;
    pay_factor[a] = on.pay_recruitment
                        ? 1.0 + s.actor.weekly_pay[a] * pay / (pay + rules.pay_reference_usd)
                        : 1.0;
  }

  // A group can recruit anywhere in a region where it has presence_to_recruit fighters: its
  // networks reach beyond the villages it stands in this week.
  auto& in_region = s.scratch.region_presence;
  in_region.assign(R * A, 0.0);
  for (std::size_t l = 0; l < L; ++l)
    for (std::size_t a = 0; a < A; ++a)
      in_region[w.localities.region[l] * A + a] += s.presence[l * A + a];

  parallel_for_each(0, L, 4, [&](std::size_t l) {
    const float* p = s.presence.data() + l * A;
    const std::size_t r = w.localities.region[l];
    // The local balance: the state side against the groups at war with it.
    double state_side = 0.0;
    double against = 0.0;
    for (std::size_t a = 0; a < A; ++a) {
      if (is_government_side(in.rules.side[a])) state_side += p[a];
      else if (s.actor.hostile[a][index(ModelActor::fama)]) against += p[a];
    }
    const double arrest = 1.0 - std::exp(-rules.arrest_constant * state_side / (against + 1.0));
    // How exposed the place is to the groups at war with the state: what drives people to
    // militias (X04).
    const double threat = 1.0 - std::exp(-rules.arrest_constant * against / (state_side + 1.0));
    const double hardship = w.regions.hardship[r] * economy;
    const double flee = 1.0 - std::exp(-rules.flee_rate * s.danger[l]);
    const double go_home = s.danger[l] < rules.safe_danger ? rules.return_rate : 0.0;

    for (std::size_t c = 0; c < C; ++c) {
      const std::size_t cell = l * C + c;
      std::uint8_t best = kNoActor;
      double best_sympathy = 0.0;
      for (std::size_t a = 0; a < A; ++a) {
        if (!s.actor.active[a] || !in.rules.is_armed_group(a)) continue;
        if (!s.theatre[a * R + r] || in_region[r * A + a] < rules.presence_to_recruit) continue;
        const double affinity = in.rules.local_affinity[(a * R + r) * C + c];
        // Community militias recruit their own people only.
        if (in.rules.side[a] == Side::militia && affinity <= 0.0) continue;
        double sympathy = affinity;
        if (on.abuse_recruitment) {
          const float* memory = s.abuse_memory.data() + cell * A;
          for (std::size_t b = 0; b < A; ++b)
            if (s.actor.hostile[a][b]) sympathy += rules.abuse_sympathy * memory[b];
        }
        if (sympathy > best_sympathy) {
          best_sympathy = sympathy;
          best = static_cast<std::uint8_t>(a);
        }
      }
      s.best_actor[cell] = best;
      s.sympathy[cell] = static_cast<float>(std::min(1.0, best_sympathy));
      // Jihadists and separatists draw on the state's illegitimacy, and risk arrest while at war
      // with it; militias draw on the need for protection and risk the jihadists' reprisals.
      const bool militia = best != kNoActor && in.rules.side[best] == Side::militia;
      const bool at_war = best != kNoActor && s.actor.hostile[best][index(ModelActor::fama)];
      const double legitimacy = on.social_contract ? s.legitimacy[cell] : uniform_legitimacy;
      s.cause[cell] = static_cast<float>(militia ? threat : 1.0 - legitimacy);
      s.risk[cell] = static_cast<float>(militia || !at_war ? 0.0 : arrest);
      s.join_probability[cell] =
          best == kNoActor ? 0.0F
                           : static_cast<float>(std::min(1.0, rules.join_rate * pay_factor[best]));
    }

    std::array<std::uint32_t, kModelActors> supporters{};
    std::array<std::uint32_t, kModelActors> fighters{};
    std::uint32_t* cell_agents = s.cell_agents.data() + l * C;
    std::fill(cell_agents, cell_agents + C, 0);
    std::uint32_t* hosted = s.scratch.hosted.data() + l * R;
    std::fill(hosted, hosted + R, 0);
    std::uint32_t present = 0;
    std::uint32_t displaced = 0;
    std::uint32_t refugees = 0;
    const auto refuge = s.scratch.refuge[r];

    // Local copies of every pointer and rule the loop reads: a store through a uint8_t may alias
    // anything, so without them the compiler reloads each vector's data after every store.
    std::uint8_t* const status_of = civ.status.data();
    std::uint8_t* const actor_of = civ.actor.data();
    std::uint16_t* const refuge_of = civ.refuge.data();
    std::uint32_t* const since_of = civ.since.data();
    const std::uint8_t* const community_of = civ.community.data();
    const std::uint8_t* const hardship_of = civ.hardship.data();
    const std::uint8_t* const risk_aversion_of = civ.risk_aversion.data();
    const float* const death_probability = s.death_probability.data() + l * C;
    const float* const cause = s.cause.data() + l * C;
    const float* const risk_here = s.risk.data() + l * C;
    const float* const sympathy = s.sympathy.data() + l * C;
    const float* const join_probability = s.join_probability.data() + l * C;
    const std::uint8_t* const best_actor = s.best_actor.data() + l * C;
    const double* const fighter_death = s.actor.fighter_death.data();
    const bool* const active = s.actor.active.data();
    const double refugee_share = rules.refugee_share;
    const double threshold = rules.threshold;
    const bool pay_recruitment = on.pay_recruitment;
    const std::uint64_t seed = in.seed;
    const auto home = static_cast<std::uint16_t>(r);

    const std::uint32_t first = w.localities.agent_begin[l];
    const std::uint32_t last = w.localities.agent_begin[l + 1];
    for (std::uint32_t i = first; i < last; ++i) {
      std::uint8_t status = status_of[i];
      if (status == kDead) continue;
      const std::size_t c = community_of[i];
      rng::CounterRng g(seed, rng::stream_id(Stream::civilian), step, i);
      std::uint8_t actor = actor_of[i];
      const std::uint8_t before = status;

      if (status == kFighter) {
        const double u = g.uniform();
        if (u < fighter_death[actor]) {
          status = kDead;
        } else if (!active[actor] || u < fighter_death[actor] + desertion[actor]) {
          status = kQuiet;
          actor = kNoActor;
        }
      } else if (status == kDisplaced || status == kRefugee) {
        if (go_home > 0.0 && g.uniform() < go_home) status = kQuiet;
      } else {
        const double death = death_probability[c];
        if (death > 0.0 && g.uniform() < death) {
          status = kDead;
        } else if (flee > 0.0 && g.uniform() < flee) {
          status = g.uniform() < refugee_share ? kRefugee : kDisplaced;
          actor = kNoActor;
        } else {
          const double grievance = unit_from_byte(hardship_of[i]) * hardship * cause[c];
          const double risk = unit_from_byte(risk_aversion_of[i]) * risk_here[c];
          // Grievance against the state turns into support for the group the community leans
          // to, in proportion to that lean (sympathy, at most 1).
          const std::uint8_t best = best_actor[c];
          if (best != kNoActor && sympathy[c] * grievance - risk > threshold) {
            if (status == kSupporter && actor == best) {
              const double join = join_probability[c] *
                                  (pay_recruitment ? unit_from_byte(hardship_of[i]) : 0.5);
              if (g.uniform() < join) status = kFighter;
            } else {
              status = kSupporter;
              actor = best;
            }
          } else if (status == kSupporter) {
            status = kQuiet;
            actor = kNoActor;
          }
        }
      }

      std::uint16_t where = refuge_of[i];
      if (status != before) {
        status_of[i] = status;
        since_of[i] = now;
        where = status == kDisplaced ? refuge : status == kRefugee ? kAbroad : home;
        refuge_of[i] = where;
      }
      actor_of[i] = actor;

      switch (status) {
        case kQuiet: break;
        case kSupporter: ++supporters[actor]; break;
        case kFighter: ++fighters[actor]; break;
        case kDisplaced: ++displaced; ++hosted[where]; continue;
        case kRefugee: ++refugees; continue;
        default: continue;  // dead
      }
      ++present;
      ++cell_agents[c];
    }
    std::copy(supporters.begin(), supporters.end(), s.supporters.begin() + static_cast<std::ptrdiff_t>(l * A));
    std::copy(fighters.begin(), fighters.end(), s.fighters.begin() + static_cast<std::ptrdiff_t>(l * A));
    s.present[l] = present;
    s.displaced[l] = displaced;
    s.refugees[l] = refugees;
  });

  s.actor.fighter_agents.fill(0);
  std::fill(s.hosted.begin(), s.hosted.end(), 0);
  for (std::size_t l = 0; l < L; ++l) {
    for (std::size_t a = 0; a < A; ++a) s.actor.fighter_agents[a] += s.fighters[l * A + a];
    for (std::size_t r = 0; r < R; ++r) s.hosted[r] += s.scratch.hosted[l * R + r];
  }
}

}  // namespace insim::sahel
