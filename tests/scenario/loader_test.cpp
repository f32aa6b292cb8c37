#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "loader_support.hpp"

using insim::test::field;
using insim::test::fixture;
using insim::test::load_def;
using insim::test::ScratchFolder;
namespace sc = insim::scenario;

namespace {
std::string label(const std::filesystem::path& p) { return p.lexically_normal().generic_string(); }
}  // namespace

TEST_CASE("loader: a good file binds its values and records where each came from", "[loader]") {
  const auto file = fixture("epstein_small.yaml");
  const auto r = load_def(file);
  CHECK(r.def.name == "epstein-small");
  CHECK(r.def.run.steps == 50);
  CHECK(r.def.run.seed == 7);
  CHECK(r.def.epstein.width == 20);
  CHECK(r.def.epstein.citizen_density == 0.7);
  CHECK(r.def.epstein.legitimacy.initial == 0.82);
  CHECK(r.def.epstein.arrest_rule == insim::epstein::ArrestRule::floor);
  CHECK(r.info.files == std::vector<std::string>{label(file)});

  const auto& width = field(r.info, "epstein.width");
  CHECK(width.value == "20");
  CHECK(width.type == "integer in [3, 100000]");
  CHECK(width.origin == label(file) + ":11:10");
  CHECK(width.source.empty());
  CHECK(width.source_kind == sc::SourceKind::unstated);
  CHECK_FALSE(width.doc.empty());

  // Not in the file: the Def's default, marked as such.
  const auto& k = field(r.info, "epstein.arrest_constant");
  CHECK(k.value == "2.3");
  CHECK(k.origin == "default");
  CHECK(r.def.epstein.arrest_constant == 2.3);
  CHECK(field(r.info, "epstein.arrest_rule").type == "one of: floor, round, continuous");
  CHECK(field(r.info, "epstein.movement").type == "true or false");
  CHECK(field(r.info, "epstein.legitimacy.initial").type == "number in [0, 1]");
  CHECK(field(r.info, "name").type == "text");
}

TEST_CASE("loader: records follow declaration order and hash to 16 hex digits", "[loader]") {
  const auto r = load_def(fixture("epstein_small.yaml"));
  REQUIRE(r.info.fields.size() >= 4);
  CHECK(r.info.fields[0].path == "model");
  CHECK(r.info.fields[1].path == "name");
  CHECK(r.info.fields[2].path == "description");
  CHECK(r.info.fields[3].path == "run.steps");
  CHECK(r.info.hash.size() == 16);
  CHECK(r.info.hash.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(r.info.hash == sc::hash_fields(r.info.fields));
}

TEST_CASE("hash: FNV-1a 64 over path=value lines", "[loader]") {
  // FNV-1a 64 of the empty string is its offset basis; of "a=1\n" computed by hand below.
  CHECK(sc::hash_fields({}) == "cbf29ce484222325");
  std::uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : std::string("a=1\n")) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  sc::FieldRecord f;
  f.path = "a";
  f.value = "1";
  CHECK(sc::hash_fields({f}) == fmt::format("{:016x}", h));
}

TEST_CASE("loader: a value with its source binds the value and classifies the source", "[loader]") {
  const auto file = fixture("epstein_small.yaml");
  const auto r = load_def(file);
  const auto& density = field(r.info, "epstein.citizen_density");
  CHECK(density.value == "0.7");
  CHECK(density.source == "Epstein 2002, PNAS 99 suppl. 3");
  CHECK(density.source_kind == sc::SourceKind::public_source);
  CHECK(density.origin == label(file) + ":13:28");

  // Block form, with a note, which is allowed and not a value.
  const auto& legitimacy = field(r.info, "epstein.legitimacy.initial");
  CHECK(legitimacy.value == "0.82");
  CHECK(legitimacy.origin == label(file) + ":22:14");
  CHECK(legitimacy.source == "NetLogo Rebellion model (Wilensky 2004)");

  CHECK(field(r.info, "epstein.threshold").source_kind == sc::SourceKind::assumption);
}

TEST_CASE("loader: count_sources counts fields by the kind of source they cite", "[loader]") {
  const auto r = load_def(fixture("epstein_small.yaml"));
  const auto counts = sc::count_sources(r.info);
  CHECK(counts.at(sc::SourceKind::public_source) == 3);
  CHECK(counts.at(sc::SourceKind::assumption) == 1);
  CHECK(counts.at(sc::SourceKind::document_fact) == 0);
  CHECK(counts.at(sc::SourceKind::unstated) == r.info.fields.size() - 4);
}

TEST_CASE("loader: extends merges the chain child over parent and keeps each value's file",
          "[loader][extends]") {
  const auto child = fixture("extends/variants/child.yaml");
  const auto middle = fixture("extends/middle.yaml");
  const auto base = fixture("extends/base.yaml");
  const auto r = load_def(child);
  CHECK(r.info.files == std::vector<std::string>{label(child), label(middle), label(base)});

  CHECK(r.def.name == "child");  // set in all three: the child wins
  CHECK(field(r.info, "name").origin == label(child) + ":3:7");
  CHECK(r.def.run.seed == 5);  // child, beside base's run.steps in the same section
  CHECK(r.def.run.steps == 100);
  CHECK(field(r.info, "run.steps").origin == label(base) + ":5:10");
  CHECK(r.def.epstein.width == 30);  // only in base

  // middle's value with its source replaces base's, source included.
  CHECK(r.def.epstein.max_jail_term == 1000);
  const auto& jail = field(r.info, "epstein.max_jail_term");
  CHECK(jail.origin == label(middle) + ":4:26");
  CHECK(jail.source == "Epstein 2002, large jail runs");

  // A plain value replaces a value with its source: the parent's source no longer applies.
  CHECK(r.def.epstein.legitimacy.initial == 0.7);
  const auto& legitimacy = field(r.info, "epstein.legitimacy.initial");
  CHECK(legitimacy.origin == label(child) + ":8:14");
  CHECK(legitimacy.source.empty());
}

TEST_CASE("loader: a child's value with its source replaces the parent's, source and all",
          "[loader][extends]") {
  ScratchFolder dir;
  dir.write("parent.yaml",
            "model: epstein\nepstein:\n  width: {value: 30, source: F12}\n"
            "  legitimacy: {initial: 0.5, start: 3}\n");
  const auto child = dir.write("child.yaml",
                               "extends: parent.yaml\nepstein:\n  width: {value: 31}\n"
                               "  legitimacy: {initial: 0.6}\n");
  const auto r = load_def(child);
  CHECK(r.def.epstein.width == 31);
  CHECK(field(r.info, "epstein.width").source.empty());
  CHECK(field(r.info, "epstein.width").origin == label(child) + ":3:18");
  // Sections merge key by key: the parent's start stays.
  CHECK(r.def.epstein.legitimacy.initial == 0.6);
  CHECK(r.def.epstein.legitimacy.start == 3);
}

TEST_CASE("loader: --set overrides a file value, drops its source and marks the origin",
          "[loader][set]") {
  const std::vector<sc::Override> set{sc::parse_override("epstein.citizen_density=0.5"),
                                      sc::parse_override("run.seed=11")};
  const auto r = load_def(fixture("epstein_small.yaml"), set);
  CHECK(r.def.epstein.citizen_density == 0.5);
  CHECK(r.def.run.seed == 11);
  const auto& density = field(r.info, "epstein.citizen_density");
  CHECK(density.value == "0.5");
  CHECK(density.origin == "--set");
  CHECK(density.source.empty());
  CHECK(density.source_kind == sc::SourceKind::unstated);
  CHECK(field(r.info, "run.steps").origin != "--set");
}

TEST_CASE("loader: --set sets booleans and choices, including fields the file leaves out",
          "[loader][set]") {
  const auto file = fixture("epstein_small.yaml");
  const std::vector<sc::Override> set{sc::parse_override("epstein.movement=false"),
                                      sc::parse_override("epstein.vision_shape=moore"),
                                      sc::parse_override("epstein.jail_draw=inclusive")};
  const auto r = load_def(file, set);
  CHECK_FALSE(r.def.epstein.movement);
  CHECK(r.def.epstein.vision_shape == insim::epstein::VisionShape::moore);
  CHECK(r.def.epstein.jail_draw == insim::epstein::JailDraw::inclusive);
  CHECK(field(r.info, "epstein.jail_draw").origin == "--set");
  CHECK(field(r.info, "epstein.movement").value == "false");
}

TEST_CASE("loader: --set is read like the file, so a later --set wins and a quoted value is text",
          "[loader][set]") {
  const auto file = fixture("epstein_small.yaml");
  const auto r =
      load_def(file, {sc::parse_override("name=\"42\""), sc::parse_override("run.seed=3"),
                      sc::parse_override("run.seed=4")});
  CHECK(r.def.name == "42");
  CHECK(r.def.run.seed == 4);
}

TEST_CASE("loader: the hash ignores comments and layout but changes with any value", "[loader]") {
  ScratchFolder dir;
  const auto a = dir.write("a.yaml",
                           "model: epstein\nrun:\n  steps: 20\nepstein:\n  width: 25\n"
                           "  legitimacy: {initial: 0.8}\n");
  const auto b = dir.write("b.yaml",
                           "# the same scenario, written differently\n"
                           "epstein:\n"
                           "  legitimacy:\n"
                           "    initial:   {value: 0.80, source: \"F12\"}  # same value\n"
                           "  width: 25\n"
                           "run: {steps: 20}\n"
                           "model: epstein\n");
  const auto c = dir.write("c.yaml",
                           "model: epstein\nrun:\n  steps: 20\nepstein:\n  width: 25\n"
                           "  legitimacy: {initial: 0.81}\n");
  const auto ha = load_def(a).info.hash;
  CHECK(ha == load_def(b).info.hash);
  CHECK(ha != load_def(c).info.hash);
  CHECK(ha != load_def(a, {sc::parse_override("run.steps=21")}).info.hash);
  // A value given that equals the default gives the default's hash.
  CHECK(load_def(dir.write("d.yaml", "model: epstein\n")).info.hash ==
        load_def(dir.write("e.yaml", "model: epstein\nepstein: {width: 40}\n")).info.hash);
}

TEST_CASE("loader: numbers are read strictly and recorded in shortest round-trip form",
          "[loader]") {
  ScratchFolder dir;
  const auto r = load_def(dir.write("s.yaml",
                                    "model: epstein\nepstein:\n  citizen_density: 5e-1\n"
                                    "  threshold: -0.1\n  arrest_constant: 2\n  width: +25\n"));
  CHECK(r.def.epstein.citizen_density == 0.5);
  CHECK(field(r.info, "epstein.citizen_density").value == "0.5");
  CHECK(r.def.epstein.threshold == -0.1);
  CHECK(field(r.info, "epstein.arrest_constant").value == "2");
  CHECK(r.def.epstein.width == 25);
}

TEST_CASE("defaults: every field recorded with the Def's default and origin default", "[loader]") {
  insim::ScenarioDef def;
  const auto d = sc::defaults([&](sc::Schema& s) { describe(s, def); });
  CHECK(d.files.empty());
  CHECK(field(d, "epstein.width").value == "40");
  CHECK(field(d, "epstein.legitimacy.initial").value == "0.82");
  CHECK(field(d, "model").value == "epstein");
  for (const auto& f : d.fields) CHECK(f.origin == "default");
  // The same fields as any Epstein file, and the same hash as a file that sets nothing.
  ScratchFolder dir;
  const auto bare = load_def(dir.write("bare.yaml", "model: epstein\n"));
  CHECK(bare.info.fields.size() == d.fields.size());
  CHECK(bare.info.hash == d.hash);
}

TEST_CASE("parse_override: splits at the first '=' and keeps an empty value", "[loader][set]") {
  const auto o = sc::parse_override("sahel.events[3].note=a=b");
  CHECK(o.path == "sahel.events[3].note");
  CHECK(o.value == "a=b");
  CHECK(sc::parse_override("name=").value.empty());
}

TEST_CASE("parse_override: a missing '=', empty path or malformed path is refused",
          "[loader][set]") {
  for (const char* bad : {"epstein.width", "=3", "epstein..width=3", "a[x]=1", "a[1=2", "a.=1"}) {
    INFO(bad);
    try {
      (void)sc::parse_override(bad);
      FAIL("accepted");
    } catch (const insim::InputError& e) {
      REQUIRE(e.diagnostics().size() == 1);
      CHECK(e.diagnostics()[0].file == "--set");
      CHECK_THAT(e.diagnostics()[0].message, Catch::Contains("malformed --set"));
    }
  }
}
