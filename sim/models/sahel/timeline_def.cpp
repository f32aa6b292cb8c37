#include "models/sahel/timeline_def.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "scenario/schema.hpp"

namespace insim::sahel {

namespace {

constexpr std::int64_t kMaxCount = 1'000'000'000;
constexpr std::int64_t kMaxMoney = std::numeric_limits<std::int64_t>::max() / 4;

void describe_count(scenario::Schema& s, std::string_view key, CountRange& r, std::int64_t max,
                    std::string_view what) {
  scenario::Schema::Section range(s, key);
  s.integer("low", r.low, 0, max, fmt::format("{}, low end of the range (0 = not given)", what));
  s.integer("high", r.high, 0, max, fmt::format("{}, high end of the range (0 = not given)", what));
  s.require(r.low <= r.high, "low",
            fmt::format("{}: low {} must not exceed high {}", key, r.low, r.high));
}

void describe_share(scenario::Schema& s, std::string_view key, ShareRange& r,
                    std::string_view what) {
  scenario::Schema::Section range(s, key);
  s.real("low", r.low, 0.0, 1.0, fmt::format("{}, low end of the range (0 = not given)", what));
  s.real("high", r.high, 0.0, 1.0, fmt::format("{}, high end of the range (0 = not given)", what));
  s.require(r.low <= r.high, "low",
            fmt::format("{}: low {:g} must not exceed high {:g}", key, r.low, r.high));
}

void describe_magnitudes(scenario::Schema& s, EventMagnitudes& m) {
  scenario::Schema::Section magnitudes(s, "magnitudes");
  describe_count(s, "troops", m.troops, kMaxCount, "troops added or deployed");
  describe_count(s, "deaths", m.deaths, kMaxCount, "people killed");
  describe_count(s, "arrests", m.arrests, kMaxCount, "people arrested");
  describe_count(s, "hostages", m.hostages, kMaxCount, "people taken hostage");
  describe_count(s, "money_usd", m.money_usd, kMaxMoney, "one-off sum, US dollars");
  describe_count(s, "money_usd_per_month", m.money_usd_per_month, kMaxMoney,
                 "recurring sum, US dollars a month");
  describe_share(s, "territory_share", m.territory_share, "share of Mali's territory");
  describe_share(s, "population_share", m.population_share, "share of Mali's population");
}

// Reads a list of names from a fixed set; the loader names the valid ones when a name is not.
template <std::size_t N>
std::vector<std::size_t> describe_names(scenario::Schema& s, std::string_view key,
                                        std::vector<std::size_t> current,
                                        const std::array<std::string_view, N>& names,
                                        std::string_view doc, std::string_view element_doc) {
  current.resize(s.list_size(key, current.size(), doc), names.size());
  for (std::size_t j = 0; j < current.size(); ++j) {
    s.choice(fmt::format("{}[{}]", key, j), current[j], std::span<const std::string_view>(names),
             element_doc);
  }
  return current;
}

std::size_t index_of(std::string_view name, std::span<const std::string_view> names) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

void describe_event(scenario::Schema& s, EventDef& e) {
  s.text("id", e.id, "FACTS.md id (F07), with a letter for a fact's later parts (F17b)");
  s.date("date", e.date,
         "the day it happens (first of the month or year where FACTS gives no day)");
  s.choice("kind", e.kind, kEventKindNames, "what happens");
  s.require(e.kind < kEventKindNames.size(), "kind",
            fmt::format("event '{}' has no valid kind", e.id));

  std::vector<std::size_t> actors;
  for (Actor a : e.actors) actors.push_back(static_cast<std::size_t>(a));
  actors = describe_names(s, "actors", std::move(actors), kActorNames,
                          "who acts; the first is the one the event is about", "an actor");
  e.actors.clear();
  for (std::size_t a : actors)
    if (a < kActorNames.size()) e.actors.push_back(static_cast<Actor>(a));

  std::vector<std::size_t> regions;
  for (const auto& r : e.regions) regions.push_back(index_of(r, kRegionNames));
  regions = describe_names(s, "regions", std::move(regions), kRegionNames,
                           "2012 regions where it happens (none = national)", "a 2012 region");
  e.regions.clear();
  for (std::size_t r : regions)
    if (r < kRegionNames.size()) e.regions.emplace_back(kRegionNames[r]);

  describe_magnitudes(s, e.magnitudes);
  s.text("note", e.note, "how the fact's wording became this event (dates, parts, mapping)");
}

}  // namespace

void check_events(scenario::Schema& s, const std::vector<EventDef>& events,
                  std::string_view list_key) {
  for (std::size_t i = 0; i < events.size(); ++i) {
    const EventDef& e = events[i];
    const std::string key = fmt::format("{}[{}]", list_key, i);
    s.require(!e.id.empty(), key, "an event needs an id (a FACTS.md id such as F07)");
    s.require(e.date != kUnsetDate, key, fmt::format("event '{}' has no valid date", e.id));
    for (std::size_t j = 0; j < i; ++j) {
      s.require(events[j].id != e.id, key + ".id",
                fmt::format("event id '{}' is used twice ({}[{}] and {}[{}])", e.id, list_key, j,
                            list_key, i));
    }
    if (i > 0 && e.date != kUnsetDate && events[i - 1].date != kUnsetDate) {
      const EventDef& before = events[i - 1];
      s.require(before.date <= e.date, key + ".date",
                fmt::format("events must be in date order: '{}' ({}) comes after '{}' ({})", e.id,
                            to_string(e.date), before.id, to_string(before.date)));
    }
    for (std::size_t j = 0; j < e.actors.size(); ++j) {
      s.require(
          std::find(e.actors.begin(), e.actors.begin() + j, e.actors[j]) == e.actors.begin() + j,
          fmt::format("{}.actors[{}]", key, j),
          fmt::format("actor '{}' is listed twice in event '{}'", to_string(e.actors[j]), e.id));
    }
  }
}

namespace {

void describe_series(scenario::Schema& s, ForceSeriesDef& f) {
  s.choice("actor", f.actor, kActorNames, "whose strength");
  s.choice("scope", f.scope, kForceScopeNames,
           "mali: in Mali only; sahel: across the Sahel, of which part is in Mali");
  s.require(f.actor < kActorNames.size(), "actor", "a force series has no valid actor");
  s.require(f.scope < kForceScopeNames.size(), "scope", "a force series has no valid scope");
  f.points.resize(s.list_size("points", f.points.size(), "dated strengths, interpolated between"));
  const std::string_view name = f.actor < kActorNames.size() ? kActorNames[f.actor] : "?";
  for (std::size_t j = 0; j < f.points.size(); ++j) {
    ForcePoint& p = f.points[j];
    {
      scenario::Schema::Section point(s, fmt::format("points[{}]", j));
      s.date("date", p.date, "when the figure held");
      s.integer("low", p.low, 0, kMaxCount, "troops or fighters, low end of the range");
      s.integer("high", p.high, 0, kMaxCount, "troops or fighters, high end of the range");
      s.require(p.low <= p.high, "low",
                fmt::format("'{}' on {}: low {} must not exceed high {}", name, to_string(p.date),
                            p.low, p.high));
      if (j > 0) {
        const Date before = f.points[j - 1].date;
        s.require(before < p.date, "date",
                  fmt::format("the points of '{}' must be in strictly increasing date order: {} "
                              "comes after {}",
                              name, to_string(p.date), to_string(before)));
      }
    }
    // Reported against the point itself: a missing key has no line.
    s.require(p.date != kUnsetDate, fmt::format("points[{}]", j),
              fmt::format("a point of '{}' has no valid date", name));
  }
}

}  // namespace

std::string_view to_string(Actor actor) { return kActorNames[static_cast<std::size_t>(actor)]; }
std::string_view to_string(EventKind kind) {
  return kEventKindNames[static_cast<std::size_t>(kind)];
}

void describe(scenario::Schema& s, TimelineDef& d) {
  d.events.resize(s.list_size("events", d.events.size(), "dated events, in date order"));
  for (std::size_t i = 0; i < d.events.size(); ++i) {
    scenario::Schema::Section element(s, fmt::format("events[{}]", i));
    describe_event(s, d.events[i]);
  }
  check_events(s, d.events, "events");
}

void describe(scenario::Schema& s, EventDef& d) { describe_event(s, d); }

void describe(scenario::Schema& s, ForcesDef& d) {
  d.series.resize(
      s.list_size("series", d.series.size(), "each actor's strength over time, one per scope"));
  for (std::size_t i = 0; i < d.series.size(); ++i) {
    scenario::Schema::Section element(s, fmt::format("series[{}]", i));
    describe_series(s, d.series[i]);
  }
  for (std::size_t i = 0; i < d.series.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const ForceSeriesDef& a = d.series[j];
      const ForceSeriesDef& b = d.series[i];
      if (a.actor >= kActorNames.size() || a.actor != b.actor || a.scope != b.scope) continue;
      s.require(
          false, fmt::format("series[{}].actor", i),
          fmt::format("'{}' has two series with scope '{}' (series[{}] and series[{}])",
                      kActorNames[b.actor],
                      b.scope < kForceScopeNames.size() ? kForceScopeNames[b.scope] : "?", j, i));
    }
  }
}

}  // namespace insim::sahel
