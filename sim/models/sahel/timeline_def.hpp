#pragma once
// The Sahel model's history as a scenario declares it: the dated events of FACTS.md F01-F36
// (Section "sahel" -> "timeline") and the strength of each armed actor over time (Section
// "sahel" -> "forces"). The data with their sources live in scenarios/sahel/timeline.yaml;
// a Def with no file is empty. docs/decisions/0001-sahel-model-design.md, Decisions 3-4.
//
// Names are fixed lists so that a misspelling is an error at load time, not an event that never
// fires: the model's events phase switches on EventKind and indexes actors by Actor.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"

namespace insim::scenario {
class Schema;
}

namespace insim::sahel {

// What happens, in the terms the model acts on. A fact with several parts at different dates
// (F17: coup, sanctions, sanctions lifted) is several events with ids F17, F17b, F17c.
enum class EventKind : std::uint8_t {
  arms_inflow,                 // F01: weapons and fighters enter from outside
  external_funding,            // F02: money from a foreign sponsor
  rebellion_start,             // F03
  coup,                        // F04, F17, F18
  independence_declared,       // F05
  insurgent_takeover,          // F06: insurgents take towns and territory
  intervention_start,          // F07, F20b: a foreign force starts operating in Mali
  mission_handover,            // F08: one force takes over another's mission
  operation_change,            // F09, F31: same force, new name or mandate
  peace_accord,                // F10
  terror_attack,               // F11: attack on civilians
  group_merger,                // F12
  militia_formation,           // F13
  reinforcement,               // F14: a force adds troops
  dialogue_opened,             // F14b: government opens talks with armed groups
  task_force_start,            // F15
  rivalry_start,               // F16: open war between two armed actors
  sanctions_start,             // F17b, F21
  sanctions_end,               // F17c
  leader_installed,            // F18b
  force_withdrawal_announced,  // F19, F22
  contractor_deal,             // F20
  military_operation,          // F23: a named operation with mass deaths
  organisation_exit,           // F24, F33
  operation_end,               // F25, F27b, F29b
  insurgent_attack,            // F26: attacks on military targets
  force_departed,              // F27: the last unit of a force leaves Mali
  aid_halted,                  // F28, F28b
  force_withdrawal,            // F29: a force starts leaving
  alliance_formed,             // F30
  confederation_formed,        // F30b
  accord_ended,                // F32
  repression,                  // F34
  term_extended,               // F35
  purge,                       // F36
  group_formed,                // an armed group appears (IS Sahel 2015, GATIA 2014)
};
inline constexpr std::array<std::string_view, 36> kEventKindNames{"arms_inflow",
                                                                  "external_funding",
                                                                  "rebellion_start",
                                                                  "coup",
                                                                  "independence_declared",
                                                                  "insurgent_takeover",
                                                                  "intervention_start",
                                                                  "mission_handover",
                                                                  "operation_change",
                                                                  "peace_accord",
                                                                  "terror_attack",
                                                                  "group_merger",
                                                                  "militia_formation",
                                                                  "reinforcement",
                                                                  "dialogue_opened",
                                                                  "task_force_start",
                                                                  "rivalry_start",
                                                                  "sanctions_start",
                                                                  "sanctions_end",
                                                                  "leader_installed",
                                                                  "force_withdrawal_announced",
                                                                  "contractor_deal",
                                                                  "military_operation",
                                                                  "organisation_exit",
                                                                  "operation_end",
                                                                  "insurgent_attack",
                                                                  "force_departed",
                                                                  "aid_halted",
                                                                  "force_withdrawal",
                                                                  "alliance_formed",
                                                                  "confederation_formed",
                                                                  "accord_ended",
                                                                  "repression",
                                                                  "term_extended",
                                                                  "purge",
                                                                  "group_formed"};

static_assert(kEventKindNames.size() == static_cast<std::size_t>(EventKind::group_formed) + 1);

// Who acts. The armed actors of Decision 3 first (one SoA row each in the model), then the
// jihadist groups that merged into JNIM in 2017 (F12) and the Platform coalition (F10), then
// states and organisations that act through events only.
enum class Actor : std::uint8_t {
  jnim,               // incl. Katiba Macina as a unit of JNIM after 2017
  katiba_macina,      // Macina Liberation Front (M08), kept apart for its own strength figure
  is_sahel,           // ISGS / ISSP
  mnla_cma,           // MNLA, inside the CMA from 2014
  dan_na_ambassagou,  // Dogon militia (F13)
  donzo,              // Bambara/Malinke hunters' militias (F13)
  gatia,              // Imghad Tuareg militia, in the Platform
  fama,               // Malian army, gendarmerie and National Guard
  national_guard,     // the part of the state forces purged in F36
  france,             // Serval, then Barkhane
  takuba,
  minusma,
  afisma,
  wagner,  // Wagner, then Africa Corps (F31)
  aes_joint_force,
  aqim,
  ansar_dine,
  mujao,
  al_mourabitoun,
  platform,
  government,  // Mali's government, the junta from 2020
  ecowas,
  eu,
  nato,
  qatar,
  g5_sahel,
  aes,  // Alliance of Sahel States, the political pact
  african_union,
};
inline constexpr std::array<std::string_view, 28> kActorNames{
    "jnim",       "katiba_macina", "is_sahel",     "mnla_cma",       "dan_na_ambassagou",
    "donzo",      "gatia",         "fama",         "national_guard", "france",
    "takuba",     "minusma",       "afisma",       "wagner",         "aes_joint_force",
    "aqim",       "ansar_dine",    "mujao",        "al_mourabitoun", "platform",
    "government", "ecowas",        "eu",           "nato",           "qatar",
    "g5_sahel",   "aes",           "african_union"};

static_assert(kActorNames.size() == static_cast<std::size_t>(Actor::african_union) + 1);

// The regions of 2012, as scenarios/sahel/world.yaml names them (a test checks they agree).
inline constexpr std::array<std::string_view, 9> kRegionNames{
    "Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Tombouctou", "Gao", "Kidal", "Bamako"};

// A figure the sources give as a range; a single figure is low == high. 0, 0 = not given.
struct CountRange {
  std::int64_t low = 0;
  std::int64_t high = 0;
  [[nodiscard]] bool given() const { return high > 0; }
};
struct ShareRange {
  double low = 0.0;
  double high = 0.0;
  [[nodiscard]] bool given() const { return high > 0.0; }
};

struct EventMagnitudes {
  CountRange troops;               // people added or deployed
  CountRange deaths;               // people killed
  CountRange arrests;              // people arrested
  CountRange hostages;             // people taken hostage
  CountRange money_usd;            // a one-off sum, US dollars
  CountRange money_usd_per_month;  // a recurring sum, US dollars a month
  ShareRange territory_share;      // of Mali's territory
  ShareRange population_share;     // of Mali's population
};

inline constexpr Date kUnsetDate{0, 1, 1};

struct EventDef {
  std::string id;  // FACTS.md id, with a letter for a fact's later parts (F17b)
  Date date = kUnsetDate;
  std::size_t kind = kEventKindNames.size();  // index into kEventKindNames; size() = unset
  std::vector<Actor> actors;                  // the first is the one the event is about
  std::vector<std::string> regions;           // names from kRegionNames; empty = national
  EventMagnitudes magnitudes;
  std::string note;  // how FACTS.md's wording became this event

  [[nodiscard]] EventKind event_kind() const { return static_cast<EventKind>(kind); }
};

struct TimelineDef {
  std::vector<EventDef> events;  // in date order
};

// Whether a strength counts the force in Mali only or across the Sahel (Barkhane, JNIM).
enum class ForceScope : std::uint8_t { mali, sahel };
inline constexpr std::array<std::string_view, 2> kForceScopeNames{"mali", "sahel"};

struct ForcePoint {
  Date date = kUnsetDate;
  std::int64_t low = 0;   // troops or fighters
  std::int64_t high = 0;  // troops or fighters
};

// One actor's strength at dated points, interpolated by the model between them.
struct ForceSeriesDef {
  std::size_t actor = kActorNames.size();       // index into kActorNames; size() = unset
  std::size_t scope = kForceScopeNames.size();  // index into kForceScopeNames; size() = unset
  std::vector<ForcePoint> points;               // strictly increasing dates

  [[nodiscard]] Actor actor_id() const { return static_cast<Actor>(actor); }
  [[nodiscard]] ForceScope force_scope() const { return static_cast<ForceScope>(scope); }
};

struct ForcesDef {
  std::vector<ForceSeriesDef> series;  // one per (actor, scope)
};

[[nodiscard]] std::string_view to_string(Actor actor);
[[nodiscard]] std::string_view to_string(EventKind kind);

// Declare every field under the current section (the caller opens "sahel", "timeline" or
// "sahel", "forces").
void describe(scenario::Schema& schema, TimelineDef& def);
void describe(scenario::Schema& schema, ForcesDef& def);
// One event's fields, under the current section (for lists of events elsewhere).
void describe(scenario::Schema& schema, EventDef& def);
// The problems of a list of events: ids missing or repeated, dates missing or out of order.
void check_events(scenario::Schema& schema, const std::vector<EventDef>& events,
                  std::string_view list_key);

}  // namespace insim::sahel
