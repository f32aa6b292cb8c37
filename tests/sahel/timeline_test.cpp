#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "models/sahel/timeline_def.hpp"
#include "sahel_support.hpp"
#include "scenario/loader/loader.hpp"
#include "support/scratch_folder.hpp"

using Catch::Contains;
using insim::Date;
using insim::test::ScratchFolder;
namespace sc = insim::scenario;
namespace sahel = insim::sahel;

namespace {

std::filesystem::path timeline_file() {
  return std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "sahel" / "timeline.yaml";
}

struct LoadedHistory {
  sahel::TimelineDef timeline;
  sahel::ForcesDef forces;
  sc::LoadResult info;
};

LoadedHistory load_history(const std::filesystem::path& file) {
  LoadedHistory out;
  out.info = sc::load(file, {}, [&out](sc::Schema& s) {
    sc::Schema::Section a(s, "sahel");
    {
      sc::Schema::Section b(s, "timeline");
      describe(s, out.timeline);
    }
    sc::Schema::Section b(s, "forces");
    describe(s, out.forces);
  });
  return out;
}

std::vector<insim::Diagnostic> history_problems(const std::filesystem::path& file) {
  return insim::test::problems_when_loading(load_history, file);
}

const sahel::EventDef* find_event(const sahel::TimelineDef& t, const std::string& id) {
  for (const auto& e : t.events)
    if (e.id == id) return &e;
  return nullptr;
}

// Two valid events; `second` replaces the second one's fields.
std::string two_events(
    const std::string& second = "{id: F02, date: 2012-02-01, kind: coup, actors: [fama]}") {
  return "sahel:\n  timeline:\n    events:\n"
         "      - {id: F01, date: 2012-01-01, kind: rebellion_start, actors: [mnla_cma], "
         "regions: [Kidal]}\n"
         "      - " +
         second + "\n";
}

std::string one_series(const std::string& points) {
  return "sahel:\n  forces:\n    series:\n      - {actor: france, scope: mali, points: " + points +
         "}\n";
}

}  // namespace

TEST_CASE("sahel timeline: timeline.yaml loads and every value it sets names its source",
          "[sahel][timeline]") {
  const auto h = load_history(timeline_file());
  const std::size_t from_file = insim::test::count_sourced_values(h.info);
  CHECK(from_file > 300);
  // F01-F36 with their parts, and the foundings FACTS.md does not date (GATIA, IS Sahel, Dan Na
  // Ambassagou, the AES joint force).
  CHECK(h.timeline.events.size() == 50);
  CHECK(h.forces.series.size() == 9);
}

TEST_CASE("sahel timeline: every fact F01 to F36 is an event, with the dates of FACTS.md",
          "[sahel][timeline]") {
  const auto h = load_history(timeline_file());
  for (int i = 1; i <= 36; ++i) {
    const std::string id = fmt::format("F{:02}", i);
    INFO(id);
    CHECK(find_event(h.timeline, id) != nullptr);
  }
  const auto date_of = [&](const std::string& id) {
    const auto* e = find_event(h.timeline, id);
    REQUIRE(e != nullptr);
    return e->date;
  };
  CHECK(date_of("F04") == Date{2012, 3, 22});
  CHECK(date_of("F07") == Date{2013, 1, 11});
  CHECK(date_of("F09") == Date{2014, 8, 1});
  CHECK(date_of("F17c") == Date{2020, 10, 6});
  CHECK(date_of("F27b") == Date{2022, 11, 9});
  CHECK(date_of("F29b") == Date{2023, 12, 11});
  CHECK(date_of("F36") == Date{2025, 8, 1});  // FACTS: 2025-08, the first of the month
  CHECK_THAT(find_event(h.timeline, "F36")->note, Contains("first day of the month"));

  const auto* purge = find_event(h.timeline, "F36");
  CHECK(purge->event_kind() == sahel::EventKind::purge);
  CHECK(purge->magnitudes.arrests.low == 30);
  CHECK(purge->magnitudes.arrests.high == 55);
  CHECK_FALSE(purge->magnitudes.deaths.given());
  const auto* wagner = find_event(h.timeline, "F20");
  CHECK(wagner->actors.front() == sahel::Actor::wagner);
  CHECK(wagner->magnitudes.money_usd_per_month.low == 10'800'000);
  const auto* moura = find_event(h.timeline, "F23");
  CHECK(moura->regions == std::vector<std::string>{"Mopti"});
  CHECK(moura->magnitudes.deaths.low == 200);
  CHECK(moura->magnitudes.deaths.high == 400);
}

TEST_CASE("sahel timeline: the fixed region names are world.yaml's regions", "[sahel][timeline]") {
  const auto w = insim::test::load_world(insim::test::sahel_world_file());
  REQUIRE(w.def.regions.size() == sahel::kRegionNames.size());
  for (std::size_t r = 0; r < w.def.regions.size(); ++r)
    CHECK(w.def.regions[r].name == sahel::kRegionNames[r]);
}

TEST_CASE("sahel timeline: force series hold the cited strengths", "[sahel][timeline]") {
  const auto h = load_history(timeline_file());
  const sahel::ForceSeriesDef* france_mali = nullptr;
  for (const auto& f : h.forces.series) {
    if (f.actor_id() == sahel::Actor::france && f.force_scope() == sahel::ForceScope::mali)
      france_mali = &f;
  }
  REQUIRE(france_mali != nullptr);
  CHECK(france_mali->points.back().date == Date{2022, 8, 15});  // F27
  CHECK(france_mali->points.back().high == 0);
  for (const auto& f : h.forces.series) {
    INFO(sahel::to_string(f.actor_id()));
    REQUIRE_FALSE(f.points.empty());
    for (const auto& p : f.points) CHECK(p.low <= p.high);
  }
}

TEST_CASE("sahel timeline: events out of date order are refused, naming both",
          "[sahel][timeline][errors]") {
  ScratchFolder dir;
  const auto problems = history_problems(
      dir.write("t.yaml", two_events("{id: F02, date: 2011-12-31, kind: coup, actors: [fama]}")));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "sahel.timeline.events[1].date");
  CHECK(problems[0].message ==
        "events must be in date order: 'F02' (2011-12-31) comes after 'F01' (2012-01-01)");
  // The same date twice is in order.
  CHECK_NOTHROW(load_history(
      dir.write("ok.yaml", two_events("{id: F02, date: 2012-01-01, kind: coup, actors: [fama]}"))));
}

TEST_CASE("sahel timeline: an id used twice is refused", "[sahel][timeline][errors]") {
  ScratchFolder dir;
  const auto problems = history_problems(
      dir.write("t.yaml", two_events("{id: F01, date: 2012-02-01, kind: coup, actors: [fama]}")));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "sahel.timeline.events[1].id");
  CHECK(problems[0].message == "event id 'F01' is used twice (events[0] and events[1])");
}

TEST_CASE("sahel timeline: unknown actors, regions and kinds are named with the valid ones",
          "[sahel][timeline][errors]") {
  ScratchFolder dir;
  const auto problems = history_problems(dir.write(
      "t.yaml", two_events("{id: F02, date: 2012-02-01, kind: coupe, actors: [fama, wagnr], "
                           "regions: [Mopti, Segou]}")));
  INFO(insim::InputError(problems).what());
  REQUIRE(problems.size() == 4);  // kind, actor, region, and the kind left unset
  CHECK(problems[0].key_path == "sahel.timeline.events[1].kind");
  CHECK_THAT(problems[0].message, Contains("expected one of arms_inflow, external_funding"));
  CHECK_THAT(problems[0].message, Contains("got 'coupe'"));
  CHECK(problems[0].line == 5);
  CHECK(problems[1].key_path == "sahel.timeline.events[1].kind");
  CHECK(problems[1].message == "event 'F02' has no valid kind");
  CHECK(problems[2].key_path == "sahel.timeline.events[1].actors[1]");
  CHECK_THAT(problems[2].message, Contains("got 'wagnr'"));
  CHECK_THAT(problems[2].message, Contains("wagner"));
  CHECK(problems[3].key_path == "sahel.timeline.events[1].regions[1]");
  CHECK_THAT(problems[3].message, Contains("Kayes, Koulikoro, Sikasso, Ségou, Mopti"));
  CHECK_THAT(problems[3].message, Contains("got 'Segou'"));
}

TEST_CASE("sahel timeline: an event with no date, or a range with low above high, is refused",
          "[sahel][timeline][errors]") {
  ScratchFolder dir;
  const auto problems = history_problems(
      dir.write("t.yaml", two_events("{id: F02, kind: purge, actors: [government], magnitudes: "
                                     "{arrests: {low: 55, high: 30}}}")));
  INFO(insim::InputError(problems).what());
  REQUIRE(problems.size() == 2);
  const auto at = [&](const std::string& key) {
    for (const auto& d : problems)
      if (d.key_path == key) return d;
    FAIL("no problem reported at " << key);
    return insim::Diagnostic{};
  };
  const auto range = at("sahel.timeline.events[1].magnitudes.arrests.low");
  CHECK(range.message == "arrests: low 55 must not exceed high 30");
  CHECK(range.line == 5);
  const auto date = at("sahel.timeline.events[1]");  // the event itself: a missing key has no line
  CHECK(date.message == "event 'F02' has no valid date");
  CHECK(date.line == 5);
}

TEST_CASE("sahel forces: a point with low above high, or out of date order, is refused",
          "[sahel][timeline][errors]") {
  ScratchFolder dir;
  auto problems = history_problems(
      dir.write("f.yaml", one_series("[{date: 2020-01-01, low: 5100, high: 4500}]")));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "sahel.forces.series[0].points[0].low");
  CHECK(problems[0].message == "'france' on 2020-01-01: low 5100 must not exceed high 4500");

  problems = history_problems(dir.write(
      "g.yaml", one_series("[{date: 2020-01-01, low: 1, high: 2}, {date: 2020-01-01, low: 1, "
                           "high: 2}]")));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "sahel.forces.series[0].points[1].date");
  CHECK(problems[0].message ==
        "the points of 'france' must be in strictly increasing date order: 2020-01-01 comes "
        "after 2020-01-01");
}

TEST_CASE("sahel forces: two series for one actor and scope are refused",
          "[sahel][timeline][errors]") {
  ScratchFolder dir;
  const auto problems = history_problems(dir.write(
      "f.yaml",
      "sahel:\n  forces:\n    series:\n"
      "      - {actor: jnim, scope: sahel, points: [{date: 2018-01-01, low: 1000, high: 2000}]}\n"
      "      - {actor: jnim, scope: mali, points: [{date: 2018-01-01, low: 900, high: 900}]}\n"
      "      - {actor: jnim, scope: sahel, points: [{date: 2020-01-01, low: 1000, high: "
      "2000}]}\n"));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "sahel.forces.series[2].actor");
  CHECK(problems[0].message ==
        "'jnim' has two series with scope 'sahel' (series[0] and series[2])");
}

TEST_CASE("sahel forces: a point with no date is refused at the point's line",
          "[sahel][timeline][errors]") {
  ScratchFolder dir;
  const auto problems = history_problems(dir.write("f.yaml", one_series("[{low: 1, high: 2}]")));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "sahel.forces.series[0].points[0]");
  CHECK(problems[0].message == "a point of 'france' has no valid date");
  CHECK(problems[0].line == 4);
}

TEST_CASE("sahel timeline: kind and actor names are spelt in enum order", "[sahel][timeline]") {
  CHECK(sahel::to_string(sahel::EventKind::arms_inflow) == "arms_inflow");
  CHECK(sahel::to_string(sahel::EventKind::leader_installed) == "leader_installed");
  CHECK(sahel::to_string(sahel::EventKind::force_departed) == "force_departed");
  CHECK(sahel::to_string(sahel::EventKind::purge) == "purge");
  CHECK(sahel::to_string(sahel::Actor::jnim) == "jnim");
  CHECK(sahel::to_string(sahel::Actor::wagner) == "wagner");
  CHECK(sahel::to_string(sahel::Actor::government) == "government");
  CHECK(sahel::to_string(sahel::Actor::african_union) == "african_union");
}
