#include "models/sahel/sahel_def.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "scenario/schema.hpp"

namespace insim::sahel {

namespace {

using scenario::Schema;

template <class Range, class Name>
bool contains(const Range& range, std::string_view name, Name&& name_of) {
  return std::any_of(range.begin(), range.end(),
                     [&](const auto& item) { return name_of(item) == name; });
}

std::string names_of_regions(const SahelWorldDef& w) {
  std::string out;
  for (const auto& r : w.regions) out += (out.empty() ? "" : ", ") + r.name;
  return out;
}

std::string names_of_communities(const SahelWorldDef& w) {
  std::string out;
  for (const auto& c : w.communities) out += (out.empty() ? "" : ", ") + c.name;
  return out;
}

// Names the rules use must exist in the world and the timeline: a misspelt one would
// otherwise make a rule silently apply to nobody.
void check_names(Schema& s, const SahelDef& d) {
  const auto region_name = [](const RegionDef& r) -> std::string_view { return r.name; };
  const auto community_name = [](const CommunityDef& c) -> std::string_view { return c.name; };
  auto check_region = [&](const std::string& key, const std::string& name) {
    s.require(contains(d.world.regions, name, region_name), key,
              fmt::format("unknown region '{}'; the world's regions are: {}", name,
                          names_of_regions(d.world)));
  };
  auto check_community = [&](const std::string& key, const std::string& name) {
    s.require(contains(d.world.communities, name, community_name), key,
              fmt::format("unknown community '{}'; the world's communities are: {}", name,
                          names_of_communities(d.world)));
  };
  for (std::size_t a = 0; a < kModelActors; ++a) {
    const ActorDef& actor = d.dynamics.actors[a];
    const std::string base = fmt::format("actors.{}", kModelActorNames[a]);
    for (std::size_t i = 0; i < actor.regions.size(); ++i)
      check_region(fmt::format("{}.regions[{}]", base, i), actor.regions[i]);
    for (std::size_t i = 0; i < actor.profiled.size(); ++i)
      check_community(fmt::format("{}.profiled[{}]", base, i), actor.profiled[i]);
    for (std::size_t i = 0; i < actor.affinity.size(); ++i) {
      check_community(fmt::format("{}.affinity[{}].community", base, i),
                      actor.affinity[i].community);
      for (std::size_t j = 0; j < actor.affinity[i].regions.size(); ++j)
        check_region(fmt::format("{}.affinity[{}].regions[{}]", base, i, j),
                     actor.affinity[i].regions[j]);
    }
    for (std::size_t i = 0; i < actor.enemies.size(); ++i) {
      const auto& e = actor.enemies[i];
      s.require(std::find(kModelActorNames.begin(), kModelActorNames.end(), e) !=
                    kModelActorNames.end(),
                fmt::format("{}.enemies[{}]", base, i),
                fmt::format("unknown actor '{}'; the actors are those of sahel.actors", e));
    }
  }
  const auto& routes = d.dynamics.politics.trafficking_regions;
  for (std::size_t i = 0; i < routes.size(); ++i)
    check_region(fmt::format("politics.trafficking_regions[{}]", i), routes[i]);
  const auto& legit = d.dynamics.civilians.state_legitimacy;
  for (std::size_t i = 0; i < legit.size(); ++i)
    check_community(fmt::format("civilians.state_legitimacy[{}].community", i),
                    legit[i].community);
  for (const CommunityDef& c : d.world.communities) {
    const bool listed = std::any_of(legit.begin(), legit.end(),
                                    [&](const Affinity& a) { return a.community == c.name; });
    s.require(listed, "civilians.state_legitimacy",
              fmt::format("community '{}' has no baseline view of the state; list every "
                          "community of sahel.world.communities",
                          c.name));
  }
  const auto event_id = [](const EventDef& e) -> std::string_view { return e.id; };
  const auto& drops = d.dynamics.changes.drop_events;
  for (std::size_t i = 0; i < drops.size(); ++i) {
    s.require(contains(d.timeline.events, drops[i], event_id),
              fmt::format("changes.drop_events[{}]", i),
              fmt::format("no event '{}' in sahel.timeline.events to drop", drops[i]));
  }
  const auto& adds = d.dynamics.changes.add_events;
  for (std::size_t i = 0; i < adds.size(); ++i) {
    s.require(!contains(d.timeline.events, adds[i].id, event_id),
              fmt::format("changes.add_events[{}].id", i),
              fmt::format("event id '{}' is already in sahel.timeline.events; an added event "
                          "needs an id of its own",
                          adds[i].id));
  }
}

}  // namespace

void describe(Schema& s, SahelDef& d) {
  {
    Schema::Section section(s, "world");
    describe(s, d.world);
  }
  {
    Schema::Section section(s, "timeline");
    describe(s, d.timeline);
  }
  {
    Schema::Section section(s, "forces");
    describe(s, d.forces);
  }
  describe(s, d.dynamics);
  check_names(s, d);
}

}  // namespace insim::sahel
