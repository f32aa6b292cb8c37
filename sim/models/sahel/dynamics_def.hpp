#pragma once
// The Sahel model's rules as a scenario declares them: each armed actor's doctrine, how
// civilians decide, combat, politics, the mechanisms X01-X12 (each with a switch) and a
// counterfactual's changes to the timeline. The values with their sources live in
// scenarios/sahel/dynamics.yaml; docs/ODD.md part 2 gives the equations that use them.
// The defaults here are neutral (no effect); the shipped scenarios set every value (a test
// checks that none is left at its default).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "models/sahel/model_actors.hpp"
#include "models/sahel/timeline_def.hpp"

namespace insim::scenario {
class Schema;
}

namespace insim::sahel {

// How an actor spreads its strength over regions (then over a region's localities by
// population^town_preference).
enum class Deployment : std::uint8_t {
  by_support,     // where its supporters and fighters are, away from the state (insurgents)
  by_threat,      // where its enemies are strongest (counter-insurgency)
  by_population,  // where people live (garrisons, peacekeepers)
};
inline constexpr std::array<std::string_view, 3> kDeploymentNames{"by_support", "by_threat",
                                                                  "by_population"};

struct Affinity {
  std::string community;
  double value = 0.0;  // baseline sympathy of the community for the actor, [0, 1]
  // An actor's affinity: the regions where this value holds (empty = everywhere); an entry with
  // regions overrides the community's entry without them there (a group's local base).
  std::vector<std::string> regions;
};

struct ActorDef {
  Side side = Side::jihadist;
  Deployment deployment = Deployment::by_support;
  std::vector<std::string> regions;  // where it operates; empty = everywhere
  double town_preference = 1.0;      // gamma: share of a region's locality ~ population^gamma
  double threat_response = 0.0;  // by_population: share of strength sent where enemies are
  double mali_share = 1.0;           // of a Sahel-wide strength series, the part in Mali
  double lethality = 0.0;            // enemy deaths per contact-week per fighter (before cohesion)
  double abuse = 0.0;                // civilian deaths per 1,000 fighter-weeks of operations
  double profiling = 1.0;            // victim weight of the profiled communities (1 = none)
  std::vector<std::string> profiled;  // communities it treats as the enemy's base
  double mobility = 0.0;  // insurgents: share of fighters that redeploy; the rest stay home
  double reach = 0.0;     // insurgents: weight of a region's people (per 1,000) in deployment
  std::int64_t spread_weeks = 0;  // armed groups: weeks next door before opening a region
  std::int64_t fighters_at_start = 0;  // fighters it brings when it becomes active
  double pay_usd_per_month = 0.0;      // what a recruit is paid (X05)
  double cohesion = 1.0;               // at the start, [0, 1]
  double air_support = 0.0;            // lethality multiplier 1 + air_support (France)
  std::vector<Affinity> affinity;      // communities that lean towards it
  // Multiplier on its lethality from its operation_change event on (F09: Serval becomes
  // Barkhane); 1 = the same fighting whatever the operation's name.
  double lethality_after_change = 1.0;
  std::vector<std::string> enemies;    // actors it fights from the start it is active
};

struct CiviliansDef {
  double threshold = 0.1;        // T of Epstein's rule: support when G - N > T
  double arrest_constant = 2.3;  // k in P = 1 - exp(-k * state / (insurgents + 1))
  double join_rate = 0.0;        // weekly probability that a supporter takes up arms, at H = 1
  double pay_reference_usd = 1.0;  // monthly income that pay is compared with (X05)
  double desertion_rate = 0.0;     // weekly probability of deserting at cohesion 0
  double flee_rate = 0.0;          // flight hazard per unit of danger (deaths per 1,000, weekly)
  double refugee_share = 0.0;      // of those who flee, the share who cross a border
  double return_rate = 0.0;        // weekly probability of going home once it is safe
  double safe_danger = 0.0;        // danger below which the displaced go home
  double occupation_danger = 0.0;  // danger added each week a locality is held by armed groups
  double takeover_danger = 0.0;    // danger added in the week a locality changes hands
  double danger_retention = 0.0;   // weekly retention of a locality's danger
  double memory_retention = 0.0;   // weekly retention of a community's memory of abuse
  double abuse_sympathy = 0.0;     // sympathy for the abusers' enemies per death per 1,000 (X01)
  double abuse_legitimacy = 0.0;   // loss of state legitimacy per state abuse death per 1,000
  double legitimacy_speed = 0.0;   // weekly share of the gap to the target legitimacy closed
  double presence_to_recruit = 0.0;  // fighters an actor needs in a region to recruit there
  std::vector<Affinity> state_legitimacy;  // each community's baseline view of the state
};

struct CombatDef {
  double contact_rate = 0.0;         // weekly share of the smaller force that meets the other
  double defeat_cohesion = 0.0;      // cohesion lost per unit of loss ratio against (per week)
  double cohesion_recovery = 0.0;    // weekly share of the gap to the actor's cohesion regained
  double deterrence = 0.0;  // how far opposing forces keep an armed group away from a region
  double control_margin = 1.0;       // insurgents control a locality with this x state presence
  double min_control_fighters = 0.0;  // and at least this many fighters there
  // Of the people an armed group kills of a community whose own armed group fights it in the
  // same locality, the share UCDP counts as non-state conflict (communal clashes), not one-sided.
  double communal_clash_share = 0.0;
  // Army cohesion lost per share of Mali's area lost to armed groups in a week (regained when
  // the share falls): the army's failure to hold ground (F04).
  double territory_cohesion = 0.0;
};

struct PoliticsDef {
  Date replay_until{2025, 12, 31};  // end of the replayed history: endogenous coups after it
  double coup_hazard = 0.0;         // weekly coup probability per unit of territory lost (X11)
  double coup_cohesion = 0.0;       // army cohesion lost in a coup
  double coup_legitimacy = 0.0;     // change of state legitimacy in a coup (popular coups > 0)
  double purge_cohesion_per_arrest = 0.0;  // army cohesion lost per officer arrested (X02)
  double purge_cascade = 0.0;   // Hawkes excitation: expected arrests each arrest causes
  double purge_memory_weeks = 1.0;  // Hawkes decay time, weeks
  double sanctions_hardship = 0.0;  // hardship multiplier 1 + this while sanctioned (X08)
  double aid_halt_hardship = 0.0;   // hardship multiplier added when aid stops (F28)
  double repression_legitimacy = 0.0;  // state legitimacy lost when politics is closed (F34)
  double opinion_start = 0.0;          // support for a foreign force when it arrives (P02)
  double opinion_erosion = 0.0;        // support lost per 100 deaths while it is there (X10)
  double negotiation_cut = 0.0;      // share of contacts avoided where talks are accepted (X12)
  double negotiation_acceptance = 0.0;  // share of people favouring talks (P04, P06)
  double arms_inflow_fighters = 0.0;    // fighters an arms inflow (F01) brings, in all
  double arms_inflow_lethality = 0.0;   // lethality multiplier added for a year after it
  double ransom_usd_per_hostage = 0.0;  // X06
  double trafficking_usd_per_week = 0.0;  // per controlled locality on a route (X06)
  std::vector<std::string> trafficking_regions;  // regions the trafficking routes cross
  double tax_usd_per_person_week = 0.0;   // per person in controlled localities (X06)
};

struct MechanismsDef {
  bool abuse_recruitment = false;   // X01
  bool purge_cascade = false;       // X02
  bool vacuum = false;              // X03
  bool communal_reprisals = false;  // X04
  bool pay_recruitment = false;     // X05
  bool illicit_finance = false;     // X06
  bool jihadist_rivalry = false;    // X07
  bool sanctions_hardship = false;  // X08
  bool social_contract = false;     // X09
  bool opinion_erosion = false;     // X10
  bool coups = false;               // X11
  bool negotiation = false;         // X12
};

// A force's strength frozen at its value on `from` (France stays after 2022).
struct HoldForce {
  std::size_t actor = kActorNames.size();  // index into kActorNames
  Date from = kUnsetDate;
};

// What a counterfactual changes in the history it extends. Lists replace, not merge, in
// `extends:`, so a counterfactual names only the events it drops or adds.
struct ChangesDef {
  std::vector<std::string> drop_events;  // ids of timeline events that do not happen
  std::vector<EventDef> add_events;      // events that happen besides the timeline's
  std::vector<HoldForce> hold_forces;
};

struct DynamicsDef {
  std::array<ActorDef, kModelActors> actors;
  CiviliansDef civilians;
  CombatDef combat;
  PoliticsDef politics;
  MechanismsDef mechanisms;
  ChangesDef changes;
};

// Declares sahel.actors.*, sahel.civilians.*, sahel.combat.*, sahel.politics.*,
// sahel.mechanisms.* and sahel.changes.* under the current section (the caller opens "sahel").
void describe(scenario::Schema& schema, DynamicsDef& def);

}  // namespace insim::sahel
