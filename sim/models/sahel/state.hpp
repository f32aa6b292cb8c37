#pragma once
// The Sahel model's state between steps, structure of arrays. Sizes: A armed actors
// (kModelActors), L localities, C communities, R regions. A "cell" is a (locality, community)
// pair: the community's collective memory there (decision 0001, Decision 1).
// Every array is sized once in make_state; the step loop only overwrites.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "models/sahel/model_actors.hpp"
#include "models/sahel/world.hpp"

namespace insim::sahel {

inline constexpr std::uint8_t kStateControl = 255;  // a locality the state side holds

struct Actors {
  std::array<bool, kModelActors> active{};
  std::array<double, kModelActors> strength{};      // people under arms in Mali
  std::array<double, kModelActors> external{};      // insurgents: fighters not recruited here
  std::array<double, kModelActors> pending{};       // fighters waiting for the actor to start
  std::array<std::uint32_t, kModelActors> fighter_agents{};  // civilian agents who joined
  std::array<double, kModelActors> cohesion{};
  std::array<double, kModelActors> posture{};        // lethality multiplier of its operation
  std::array<double, kModelActors> money{};          // US dollars
  std::array<double, kModelActors> opinion{};        // foreign forces: share supporting it
  std::array<bool, kModelActors> negotiating{};      // talks with the state are open (X12)
  std::array<double, kModelActors> fighter_death{};  // this step's death probability per fighter
  std::array<double, kModelActors> weekly_pay{};     // this step's payroll covered, [0, 1]
  std::array<std::array<bool, kModelActors>, kModelActors> hostile{};
  std::int64_t arms_boost_until = -1;  // step until which insurgents' lethality is raised
};

// The economy and politics the events change.
struct Politics {
  bool sanctions = false;
  bool aid_halted = false;
  double repression = 0.0;      // state legitimacy lost to closed politics
  double purge_intensity = 0.0;  // Hawkes intensity of further arrests, per week (X02)
  std::int64_t coups = 0;
  std::int64_t arrests = 0;
  double armed_territory = 0.0;  // share of Mali's area held by armed groups, last step
};

// What happened this step (reset at its start), counted in people.
struct StepTallies {
  std::array<std::int64_t, kModelActors> combat_deaths{};     // by the side that died
  std::array<std::int64_t, kModelActors> civilian_killed{};   // by perpetrator
  std::vector<std::int64_t> civilians_killed_by_community;    // C
  std::vector<std::int64_t> region_combat_deaths;             // R
  std::vector<std::int64_t> region_civilian_deaths;           // R
  std::int64_t state_based = 0;  // UCDP: combat with the state side
  std::int64_t non_state = 0;    // UCDP: combat between non-state groups
  std::int64_t one_sided = 0;    // UCDP: civilians killed by an organised actor
  std::int64_t one_sided_by_government = 0;
};

struct LoggedEvent {
  std::int64_t step = 0;
  std::string kind;    // timeline kind, or "massacre", "coup", "purge_arrests"
  std::string id;      // timeline id, or "" for endogenous events
  std::string actor;   // first actor
  std::string region;  // "" = national
  std::string locality;
  std::int64_t deaths = 0;
};

struct State {
  World world;
  std::size_t communities = 0;

  Actors actor;
  Politics politics;

  // Per locality x actor (row-major by locality).
  std::vector<float> presence;          // people of the actor in the locality this step
  std::vector<std::uint32_t> supporters;  // agents supporting the actor, home in the locality
  std::vector<std::uint32_t> fighters;    // agents fighting for the actor, home in the locality
  // Per actor x locality: the actor's share of a region's force for each of its localities.
  std::vector<float> locality_share;
  // Per region x actor: the actor's share of its strength sent to the region.
  std::vector<double> region_weight;
  // Per actor x region: where an armed group operates now (its theatre), and for how many weeks
  // it has stood next door to a region it has not opened yet.
  std::vector<std::uint8_t> theatre;
  std::vector<std::int32_t> weeks_next_door;

  // Per locality.
  std::vector<float> danger;             // violent deaths per 1,000, decayed weekly
  std::vector<std::uint8_t> control;     // actor index or kStateControl
  std::vector<std::uint32_t> present;    // agents alive and at home
  std::vector<std::uint32_t> displaced;  // agents from here displaced inside Mali
  std::vector<std::uint32_t> refugees;   // agents from here abroad
  std::vector<double> area_km2;          // region area shared equally by its localities

  // Per cell (locality x community).
  std::vector<std::uint32_t> cell_agents;  // alive and at home
  std::vector<float> legitimacy;           // of the state, [0, 1]
  std::vector<float> abuse_memory;         // x actor: deaths per 1,000 members, decayed
  std::vector<float> death_probability;    // this step, per agent at home
  std::vector<std::uint8_t> best_actor;    // the armed group it would support, or kNoActor
  std::vector<float> sympathy;             // for that group, [0, 1]
  std::vector<float> cause;                // what drives support: 1 - legitimacy, or the threat
  std::vector<float> risk;                 // P of Epstein's rule for supporting it
  std::vector<float> join_probability;     // weekly, for a supporter with H = 1

  // Per region: agents hosted (displaced from elsewhere, living here).
  std::vector<std::uint32_t> hosted;

  // Effective multipliers this step.
  double hardship_multiplier = 1.0;

  // Scratch reused every step (sized once: the step loop does not allocate).
  struct Scratch {
    std::vector<double> region_presence;  // R x A (deployment: last week's; decisions: this week's)
    std::vector<double> region_base;      // R x A, supporters and fighters, people
    std::vector<double> region_people;    // R
    std::vector<std::int32_t> losses;     // L x A, combat deaths this step
    std::vector<float> engaged;           // L x A, presence in a fight this step
    std::vector<std::int32_t> state_based;  // L: deaths in combat with the state side
    std::vector<std::int32_t> killed;     // L x A x C, civilians killed this step
    std::vector<std::int32_t> clashes;    // L x A: of those, UCDP non-state (communal clashes)
    std::vector<std::uint32_t> hosted;    // L x R: displaced agents from l staying in r
    std::vector<float> region_danger;     // R: mean danger, people-weighted
    std::vector<std::uint16_t> refuge;    // R: where people of a region flee to
  } scratch;

  StepTallies tally;
  std::vector<LoggedEvent> log;
  std::size_t next_event = 0;  // first scheduled event not applied yet
  std::int64_t step = 0;
};

}  // namespace insim::sahel
