// A Def made for these tests: a timeline of events (a list of records) and a mode that picks
// which section is declared, to exercise list_size, [i] paths, dates and branching describe().
#include <fmt/format.h>

#include <array>
#include <catch2/catch.hpp>

#include "loader_support.hpp"

using Catch::Contains;
using insim::Date;
using insim::test::field;
using insim::test::only_problem;
using insim::test::ScratchFolder;
namespace sc = insim::scenario;

namespace {

enum class EventKind { coup, deployment, withdrawal };
constexpr std::array<std::string_view, 3> kEventKindNames{"coup", "deployment", "withdrawal"};

struct Event {
  Date date{2012, 1, 17};
  EventKind kind = EventKind::deployment;
  double size = 1.0;
};

enum class Mode { grid, regions };
constexpr std::array<std::string_view, 2> kModeNames{"grid", "regions"};

struct TimelineDef {
  Mode mode = Mode::grid;
  std::int64_t cells = 10;    // grid only
  std::int64_t regions = 11;  // regions only
  bool enabled = true;
  std::vector<Event> events{Event{}};
};

void describe(sc::Schema& s, TimelineDef& d) {
  sc::choice(s, "mode", d.mode, kModeNames, "which section follows");
  if (d.mode == Mode::grid) {
    sc::Schema::Section grid(s, "grid");
    s.integer("cells", d.cells, 1, 1000, "cells per side");
  } else {
    sc::Schema::Section regions(s, "regions");
    s.integer("count", d.regions, 1, 50, "number of regions");
  }
  sc::Schema::Section timeline(s, "timeline");
  s.boolean("enabled", d.enabled, "whether events apply");
  d.events.resize(s.list_size("events", d.events.size(), "events in date order"));
  for (std::size_t i = 0; i < d.events.size(); ++i) {
    sc::Schema::Section element(s, fmt::format("events[{}]", i));
    s.date("date", d.events[i].date, "when it happens");
    sc::choice(s, "kind", d.events[i].kind, kEventKindNames, "what happens");
    s.real("size", d.events[i].size, 0.0, 1.0, "share of the force involved");
    if (i > 0)
      s.require(d.events[i - 1].date <= d.events[i].date, "date", "events must be in date order");
  }
}

struct LoadedTimeline {
  TimelineDef def;
  sc::LoadResult info;
};

LoadedTimeline load_timeline(const std::filesystem::path& file,
                             const std::vector<sc::Override>& set = {}) {
  LoadedTimeline out;
  out.info = sc::load(file, set, [&out](sc::Schema& s) { describe(s, out.def); });
  return out;
}

std::vector<insim::Diagnostic> timeline_problems(const std::filesystem::path& file,
                                                 const std::vector<sc::Override>& set = {}) {
  try {
    (void)load_timeline(file, set);
  } catch (const insim::InputError& e) {
    return e.diagnostics();
  }
  FAIL("expected the scenario to be rejected");
  return {};
}

constexpr std::string_view kThreeEvents = R"(mode: grid
timeline:
  events:
    - date: 2013-01-11
      kind: deployment
      size: 0.5
    - {date: 2014-08, kind: deployment}
    - date: 2022-08-15
      kind: {value: withdrawal, source: "F31"}
)";

}  // namespace

TEST_CASE("lists: list_size gives the file's length and each element binds by index",
          "[loader][lists]") {
  ScratchFolder dir;
  const auto file = dir.write("t.yaml", kThreeEvents);
  const auto r = load_timeline(file);
  REQUIRE(r.def.events.size() == 3);
  CHECK(r.def.events[0].date == Date{2013, 1, 11});
  CHECK(r.def.events[0].size == 0.5);
  CHECK(r.def.events[1].date == Date{2014, 8, 1});  // YYYY-MM is the first of the month
  CHECK(r.def.events[1].size == 1.0);               // left out: the element's default
  CHECK(r.def.events[2].kind == EventKind::withdrawal);

  CHECK(field(r.info, "timeline.events").value == "3");
  CHECK(field(r.info, "timeline.events").type == "list");
  CHECK(field(r.info, "timeline.events[1].date").value == "2014-08-01");
  CHECK(field(r.info, "timeline.events[1].date").type == "date YYYY-MM-DD");
  CHECK(field(r.info, "timeline.events[2].kind").source == "F31");
  CHECK(field(r.info, "timeline.events[2].kind").source_kind == sc::SourceKind::document_fact);
  CHECK(field(r.info, "timeline.events[2].date").origin ==
        file.lexically_normal().generic_string() + ":8:13");
}

TEST_CASE("lists: without the list in the file the Def's elements stay", "[loader][lists]") {
  ScratchFolder dir;
  const auto r = load_timeline(dir.write("t.yaml", "mode: grid\n"));
  REQUIRE(r.def.events.size() == 1);
  CHECK(field(r.info, "timeline.events").origin == "default");
  CHECK(field(r.info, "timeline.events[0].date").value == "2012-01-17");
  // An empty value is an empty list.
  CHECK(
      load_timeline(dir.write("e.yaml", "mode: grid\ntimeline:\n  events:\n")).def.events.empty());
}

TEST_CASE("lists: --set reaches a list element's field by index", "[loader][lists][set]") {
  ScratchFolder dir;
  const auto file = dir.write("t.yaml", kThreeEvents);
  const auto r = load_timeline(file, {sc::parse_override("timeline.events[1].size=0.25"),
                                      sc::parse_override("timeline.events[2].kind=coup"),
                                      sc::parse_override("timeline.enabled=false")});
  CHECK(r.def.events[1].size == 0.25);
  CHECK(r.def.events[2].kind == EventKind::coup);
  CHECK_FALSE(r.def.enabled);
  CHECK(field(r.info, "timeline.events[1].size").origin == "--set");
  CHECK(field(r.info, "timeline.events[2].kind").source.empty());
  CHECK(r.def.events[0].size == 0.5);
}

TEST_CASE("lists: --set past the end of a list names the list", "[loader][lists][set]") {
  ScratchFolder dir;
  const auto file = dir.write("t.yaml", kThreeEvents);
  const auto d =
      only_problem(timeline_problems(file, {sc::parse_override("timeline.events[3].size=1")}));
  CHECK(d.file == "--set");
  CHECK(d.message ==
        "unknown parameter path 'timeline.events[3].size' in --set; the list "
        "'timeline.events' has no element [3]");
  // A list the file does not write cannot be changed element by element.
  const auto bare = dir.write("bare.yaml", "mode: grid\n");
  const auto e =
      only_problem(timeline_problems(bare, {sc::parse_override("timeline.events[0].size=1")}));
  CHECK(e.key_path == "timeline.events[0].size");
  CHECK_THAT(e.message, Contains("cannot set it: the scenario file has no list 'timeline.events'"));
}

TEST_CASE("lists: errors inside elements carry the indexed path", "[loader][lists][errors]") {
  ScratchFolder dir;
  const auto file = dir.write("t.yaml", R"(mode: grid
timeline:
  events:
    - date: 2013-13-01
      kind: deploymnet
    - date: 2014-01-01
      knid: coup
)");
  const auto problems = timeline_problems(file);
  INFO(insim::InputError(problems).what());
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].key_path == "timeline.events[0].date");
  CHECK(problems[0].message ==
        "expected a date YYYY-MM-DD (or YYYY-MM for the first of the month), got '2013-13-01'");
  CHECK(problems[1].key_path == "timeline.events[0].kind");
  CHECK_THAT(problems[1].message, Contains("(did you mean 'deployment'?)"));
  CHECK(problems[2].line == 7);
  CHECK(problems[2].message ==
        "unknown key 'timeline.events[1].knid' (did you mean 'timeline.events[1].kind'?)");
}

TEST_CASE("lists: a list must be a list", "[loader][lists][errors]") {
  ScratchFolder dir;
  const auto d =
      only_problem(timeline_problems(dir.write("t.yaml", "mode: grid\ntimeline:\n  events: 3\n")));
  CHECK(d.key_path == "timeline.events");
  CHECK(d.line == 3);
  CHECK_THAT(d.message, Contains("expected a list"));
  CHECK_THAT(d.message, Contains("got 3"));
}

TEST_CASE("lists: a require across elements is reported at the element", "[loader][lists]") {
  ScratchFolder dir;
  const auto d = only_problem(timeline_problems(dir.write(
      "t.yaml",
      "mode: grid\ntimeline:\n  events:\n    - date: 2015-01-01\n    - date: 2014-01-01\n")));
  CHECK(d.key_path == "timeline.events[1].date");
  CHECK(d.line == 5);
  CHECK(d.message == "events must be in date order");
}

TEST_CASE("branching: the value read first decides which section is declared",
          "[loader][branching]") {
  ScratchFolder dir;
  const auto r = load_timeline(dir.write("t.yaml", "mode: regions\nregions:\n  count: 8\n"));
  CHECK(r.def.mode == Mode::regions);
  CHECK(r.def.regions == 8);
  CHECK(field(r.info, "regions.count").value == "8");
  // The other mode's section is not declared, so writing it is an unknown key.
  const auto d = only_problem(timeline_problems(
      dir.write("u.yaml", "mode: regions\nregions:\n  count: 8\ngrid:\n  cells: 5\n")));
  CHECK(d.line == 4);
  CHECK_THAT(d.message, Contains("unknown key 'grid'"));
  // --set of the deciding value switches the section too.
  const auto s = load_timeline(dir.write("v.yaml", "mode: grid\nregions:\n  count: 9\n"),
                               {sc::parse_override("mode=regions")});
  CHECK(s.def.regions == 9);
}

TEST_CASE("defaults: a Def whose defaults fail its own check is refused", "[loader]") {
  TimelineDef def;
  def.events = {Event{Date{2015, 1, 1}}, Event{Date{2014, 1, 1}}};
  try {
    (void)sc::defaults([&](sc::Schema& s) { describe(s, def); });
    FAIL("accepted");
  } catch (const insim::InputError& e) {
    const auto d = only_problem(e.diagnostics());
    CHECK(d.file == "defaults");
    CHECK(d.key_path == "timeline.events[1].date");
  }
}
