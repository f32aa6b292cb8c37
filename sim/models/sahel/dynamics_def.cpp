#include "models/sahel/dynamics_def.hpp"

#include <fmt/format.h>

#include "scenario/schema.hpp"

namespace insim::sahel {

namespace {

using scenario::Schema;

void describe_texts(Schema& s, std::string_view key, std::vector<std::string>& values,
                    std::string_view doc, std::string_view element_doc) {
  values.resize(s.list_size(key, values.size(), doc));
  for (std::size_t i = 0; i < values.size(); ++i)
    s.text(fmt::format("{}[{}]", key, i), values[i], element_doc);
}

void describe_affinities(Schema& s, std::string_view key, std::vector<Affinity>& values,
                         std::string_view doc, bool regional) {
  values.resize(s.list_size(key, values.size(), doc));
  for (std::size_t i = 0; i < values.size(); ++i) {
    Schema::Section element(s, fmt::format("{}[{}]", key, i));
    s.text("community", values[i].community, "a community of sahel.world.communities");
    s.real("value", values[i].value, 0.0, 1.0, "how much, from 0 (none) to 1");
    if (regional)
      describe_texts(s, "regions", values[i].regions,
                     "optional: the regions where this value holds, overriding there the "
                     "community's entry without regions (none = everywhere)",
                     "a region");
  }
}

void describe_actor(Schema& s, ActorDef& a) {
  choice(s, "side", a.side, kSideNames,
         "camp: jihadist, separatist, militia, state or foreign (a force on the state's side)");
  choice(s, "deployment", a.deployment, kDeploymentNames,
         "how it spreads its strength over regions");
  describe_texts(s, "regions", a.regions, "regions where it operates (none = all)", "a region");
  s.real("town_preference", a.town_preference, -3.0, 5.0,
         "gamma: within a region, a locality's share of the force ~ population^gamma");
  s.real("threat_response", a.threat_response, 0.0, 1.0,
         "by_population deployment: share of its strength sent where its enemies are, the rest "
         "where people live");
  s.real("mali_share", a.mali_share, 0.0, 1.0,
         "of a Sahel-wide strength series, the share deployed in Mali");
  s.real("lethality", a.lethality, 0.0, 10.0,
         "enemy deaths per fighter per contact-week, before cohesion and air support");
  s.real("abuse", a.abuse, 0.0, 1000.0,
         "civilian deaths per 1,000 fighter-weeks of operations in contested localities");
  s.real("profiling", a.profiling, 1.0, 1000.0,
         "victim weight of the profiled communities relative to others (1 = no profiling)");
  describe_texts(s, "profiled", a.profiled, "communities it treats as its enemies' base",
                 "a community");
  s.real("mobility", a.mobility, 0.0, 1.0,
         "insurgents: share of fighters that redeploy; the rest fight where they live");
  s.real("reach", a.reach, 0.0, 1'000'000.0,
         "insurgents: weight of a region's people (per 1,000) in where it deploys, besides its "
         "supporters there: how far it looks for new ground");
  s.integer("spread_weeks", a.spread_weeks, 0, 100'000,
            "armed groups: weeks with presence_to_recruit fighters in a neighbouring region of "
            "its theatre before it opens a region of `regions` (it starts in its first event's "
            "regions); foreign forces deployed by threat, when > 0: weeks with presence_to_recruit "
            "enemy fighters in a region of `regions` before it deploys there (it starts where its "
            "enemies are when it arrives)");
  s.integer("fighters_at_start", a.fighters_at_start, 0, 1'000'000,
            "fighters it brings when it becomes active (not recruited in Mali)");
  s.real("pay_usd_per_month", a.pay_usd_per_month, 0.0, 100'000.0,
         "monthly pay offered to a recruit, US dollars");
  s.real("cohesion", a.cohesion, 0.0, 1.0, "cohesion at the start: 1 = fully cohesive");
  s.real("air_support", a.air_support, 0.0, 100.0, "lethality multiplier 1 + air_support");
  s.real("lethality_after_change", a.lethality_after_change, 0.0, 10.0,
         "multiplier on its lethality from the timeline's operation_change event for it on (a "
         "force's new mandate: F09, Serval becomes Barkhane); 1 = unchanged");
  describe_affinities(s, "affinity", a.affinity, "communities that lean towards it", true);
  describe_texts(s, "enemies", a.enemies, "actors it fights whenever both are active",
                 "an actor of sahel.actors");
}

void describe_civilians(Schema& s, CiviliansDef& c) {
  s.real("threshold", c.threshold, -1.0, 1.0, "T: a civilian supports an actor when G - N > T");
  s.real("arrest_constant", c.arrest_constant, 0.0, 100.0,
         "k in P = 1 - exp(-k * state forces / (insurgent fighters + 1)) in the locality");
  s.real("join_rate", c.join_rate, 0.0, 1.0,
         "weekly probability that a supporter with hardship 1 takes up arms");
  s.real("pay_reference_usd", c.pay_reference_usd, 1.0, 1'000'000.0,
         "monthly income that an actor's pay is compared with (X05)");
  s.real("desertion_rate", c.desertion_rate, 0.0, 1.0,
         "weekly probability that a fighter deserts, at cohesion 0 (times 1 - cohesion)");
  s.real("flee_rate", c.flee_rate, 0.0, 100.0,
         "flight hazard per unit of danger (violent deaths per 1,000 people, decayed)");
  s.real("refugee_share", c.refugee_share, 0.0, 1.0,
         "of the people who flee, the share who cross a border");
  s.real("return_rate", c.return_rate, 0.0, 1.0,
         "weekly probability that a displaced person goes home once home is safe");
  s.real("safe_danger", c.safe_danger, 0.0, 1000.0,
         "danger under which a locality counts as safe to return to");
  s.real("occupation_danger", c.occupation_danger, 0.0, 1000.0,
         "danger added each week a locality is held by an armed group at war with the state "
         "(people flee occupation, not only killings)");
  s.real("takeover_danger", c.takeover_danger, 0.0, 1000.0,
         "danger added in the week a locality changes hands, taken by an armed group or retaken "
         "by the state (people flee the takeover itself, not only killings)");
  s.real("danger_retention", c.danger_retention, 0.0, 1.0,
         "share of a locality's danger kept from one week to the next");
  s.real("memory_retention", c.memory_retention, 0.0, 1.0,
         "share of a community's memory of abuse kept from one week to the next");
  s.real("abuse_sympathy", c.abuse_sympathy, 0.0, 100.0,
         "sympathy for the abusers' enemies gained per death per 1,000 of the community (X01)");
  s.real("abuse_legitimacy", c.abuse_legitimacy, 0.0, 100.0,
         "state legitimacy lost per abuse death by state-side forces per 1,000 (X01, X09)");
  s.real("legitimacy_speed", c.legitimacy_speed, 0.0, 1.0,
         "weekly share of the gap between legitimacy and its target that closes");
  s.real("presence_to_recruit", c.presence_to_recruit, 0.0, 1'000'000.0,
         "fighters an actor needs in a region (people) before it can recruit there");
  describe_affinities(s, "state_legitimacy", c.state_legitimacy,
                      "each community's baseline view of the state's legitimacy", false);
}

void describe_combat(Schema& s, CombatDef& c) {
  s.real("contact_rate", c.contact_rate, 0.0, 1.0,
         "weekly share of the smaller of two hostile forces in a locality that meets the other");
  s.real("defeat_cohesion", c.defeat_cohesion, 0.0, 100.0,
         "cohesion lost per week per unit of (own losses / strength) above the enemy's");
  s.real("cohesion_recovery", c.cohesion_recovery, 0.0, 1.0,
         "weekly share of the gap to the actor's starting cohesion regained");
  s.real("deterrence", c.deterrence, 0.0, 1.0,
         "an armed group's weight for a region is cut by deterrence x S / (S + I + 1), S the "
         "forces against it there and I its own (X03: foreign forces count in S only with it)");
  s.real("control_margin", c.control_margin, 0.0, 1000.0,
         "an armed group controls a locality when its fighters there exceed this times the "
         "state-side forces");
  s.real("min_control_fighters", c.min_control_fighters, 0.0, 1'000'000.0,
         "and when it has at least this many fighters there (people)");
  s.real("communal_clash_share", c.communal_clash_share, 0.0, 1.0,
         "of the people an armed group kills of a community whose own armed group (affinity > 0, "
         "at war with the killer) is present in the locality, the share typed as UCDP non-state "
         "conflict (communal clashes) rather than one-sided violence");
  s.real("territory_cohesion", c.territory_cohesion, 0.0, 100.0,
         "army cohesion lost per share of Mali's area lost to armed groups in a week; regained "
         "when the share falls (F04: the army's failure to hold ground)");
}

void describe_politics(Schema& s, PoliticsDef& p) {
  s.date("replay_until", p.replay_until,
         "last day of the replayed history: coups and purges are the timeline's until then, "
         "endogenous after");
  s.real("coup_hazard", p.coup_hazard, 0.0, 100.0,
         "weekly coup probability per share of Mali's territory lost to armed groups (X11)");
  s.real("coup_cohesion", p.coup_cohesion, 0.0, 1.0, "army cohesion lost in a coup");
  s.real("coup_legitimacy", p.coup_legitimacy, -1.0, 1.0,
         "change of the state's legitimacy after a coup (a popular coup > 0)");
  s.real("purge_cohesion_per_arrest", p.purge_cohesion_per_arrest, 0.0, 1.0,
         "army cohesion lost per officer arrested (X02)");
  s.real("purge_cascade", p.purge_cascade, 0.0, 0.99,
         "expected further arrests that each arrest triggers (Hawkes branching ratio; X02)");
  s.real("purge_memory_weeks", p.purge_memory_weeks, 0.01, 10'000.0,
         "how long an arrest keeps raising the odds of the next (exponential decay, weeks)");
  s.real("sanctions_hardship", p.sanctions_hardship, 0.0, 10.0,
         "hardship multiplier 1 + this while sanctions last (X08)");
  s.real("aid_halt_hardship", p.aid_halt_hardship, 0.0, 10.0,
         "hardship multiplier added once development aid stops (F28)");
  s.real("repression_legitimacy", p.repression_legitimacy, 0.0, 1.0,
         "state legitimacy lost when political parties are dissolved (F34, X08)");
  s.real("opinion_start", p.opinion_start, 0.0, 1.0,
         "share of people supporting a foreign force when it arrives");
  s.real("opinion_erosion", p.opinion_erosion, 0.0, 1.0,
         "support lost per 100 conflict deaths in Mali while the force is there (X10)");
  s.real("negotiation_cut", p.negotiation_cut, 0.0, 1.0,
         "share of state-side contacts with a negotiating group avoided where talks are "
         "accepted (X12)");
  s.real("negotiation_acceptance", p.negotiation_acceptance, 0.0, 1.0,
         "share of people in conflict zones who favour talks");
  s.real("arms_inflow_fighters", p.arms_inflow_fighters, 0.0, 1'000'000.0,
         "fighters (with weapons) an arms inflow brings, shared among the insurgents it feeds");
  s.real("arms_inflow_lethality", p.arms_inflow_lethality, 0.0, 10.0,
         "insurgents' lethality multiplier 1 + this for a year after an arms inflow");
  s.real("ransom_usd_per_hostage", p.ransom_usd_per_hostage, 0.0, 1e9,
         "money an armed group gains per hostage taken (X06)");
  s.real("trafficking_usd_per_week", p.trafficking_usd_per_week, 0.0, 1e9,
         "money from trafficking per controlled locality on a route, weekly (X06)");
  describe_texts(s, "trafficking_regions", p.trafficking_regions,
                 "regions the trafficking routes cross (X06)", "a region");
  s.real("tax_usd_per_person_week", p.tax_usd_per_person_week, 0.0, 1e6,
         "money taxed per person in a controlled locality, weekly (X06)");
}

void describe_mechanisms(Schema& s, MechanismsDef& m) {
  s.boolean("abuse_recruitment", m.abuse_recruitment,
            "X01: abuse raises sympathy for the abusers' enemies");
  s.boolean("purge_cascade", m.purge_cascade, "X02: each purge arrest raises the odds of the next");
  s.boolean("vacuum", m.vacuum, "X03: insurgents move where foreign forces have left");
  s.boolean("communal_reprisals", m.communal_reprisals,
            "X04: militias profile rival communities, which answer in kind");
  s.boolean("pay_recruitment", m.pay_recruitment, "X05: hardship and pay buy recruits");
  s.boolean("illicit_finance", m.illicit_finance, "X06: ransom, trafficking and taxes fund groups");
  s.boolean("jihadist_rivalry", m.jihadist_rivalry,
            "X07: JNIM and IS Sahel fight once their rivalry starts");
  s.boolean("sanctions_hardship", m.sanctions_hardship, "X08: sanctions raise hardship");
  s.boolean("social_contract", m.social_contract,
            "X09: grievance grows from illegitimacy (off: from hardship alone)");
  s.boolean("opinion_erosion", m.opinion_erosion,
            "X10: support for a foreign force erodes as violence goes on");
  s.boolean("coups", m.coups, "X11: endogenous coups after the replayed history");
  s.boolean("negotiation", m.negotiation, "X12: talks lower violence where accepted");
}

void describe_changes(Schema& s, ChangesDef& c) {
  describe_texts(s, "drop_events", c.drop_events, "ids of timeline events that do not happen",
                 "an event id of sahel.timeline.events");
  c.add_events.resize(s.list_size("add_events", c.add_events.size(),
                                  "events that happen besides the timeline's, in date order"));
  for (std::size_t i = 0; i < c.add_events.size(); ++i) {
    Schema::Section element(s, fmt::format("add_events[{}]", i));
    describe(s, c.add_events[i]);
  }
  check_events(s, c.add_events, "add_events");
  c.hold_forces.resize(s.list_size("hold_forces", c.hold_forces.size(),
                                   "forces whose strength stays at its value on a date"));
  for (std::size_t i = 0; i < c.hold_forces.size(); ++i) {
    Schema::Section element(s, fmt::format("hold_forces[{}]", i));
    s.choice("actor", c.hold_forces[i].actor, kActorNames, "whose strength is held");
    s.date("from", c.hold_forces[i].from, "the date whose strength it keeps");
    s.require(c.hold_forces[i].actor < kActorNames.size(), "actor", "which actor is held?");
    s.require(c.hold_forces[i].from != kUnsetDate, "from", "hold from which date?");
  }
}

}  // namespace

void describe(Schema& s, DynamicsDef& d) {
  {
    Schema::Section actors(s, "actors");
    for (std::size_t a = 0; a < kModelActors; ++a) {
      Schema::Section one(s, kModelActorNames[a]);
      describe_actor(s, d.actors[a]);
    }
  }
  {
    Schema::Section section(s, "civilians");
    describe_civilians(s, d.civilians);
  }
  {
    Schema::Section section(s, "combat");
    describe_combat(s, d.combat);
  }
  {
    Schema::Section section(s, "politics");
    describe_politics(s, d.politics);
  }
  {
    Schema::Section section(s, "mechanisms");
    describe_mechanisms(s, d.mechanisms);
  }
  {
    Schema::Section section(s, "changes");
    describe_changes(s, d.changes);
  }
}

}  // namespace insim::sahel
