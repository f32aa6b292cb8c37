#include <catch2/catch.hpp>

#include "loader_support.hpp"

using Catch::Contains;
using insim::Diagnostic;
using insim::test::fixture;
using insim::test::only_problem;
using insim::test::problems_of;
using insim::test::ScratchFolder;
namespace sc = insim::scenario;

namespace {
std::string label(const std::filesystem::path& p) { return p.lexically_normal().generic_string(); }

// The one problem in a file holding `text`.
Diagnostic problem_in(const std::string& text, const std::vector<sc::Override>& set = {}) {
  ScratchFolder dir;
  return only_problem(problems_of(dir.write("s.yaml", text), set));
}
}  // namespace

TEST_CASE("errors: an unknown key is placed and a close valid key suggested", "[loader][errors]") {
  const auto file = fixture("bad/unknown_key.yaml");
  const auto d = only_problem(problems_of(file));
  CHECK(d.file == label(file));
  CHECK(d.line == 4);
  CHECK(d.column == 3);
  CHECK(d.message ==
        "unknown key 'epstein.visoin' (did you mean 'epstein.citizen_vision', "
        "'epstein.cop_vision' or 'epstein.vision_shape'?)");
}

TEST_CASE("errors: an unknown key with nothing close lists the valid keys there",
          "[loader][errors]") {
  const auto d = problem_in("model: epstein\nrun:\n  duration: 10\n");
  CHECK(d.line == 3);
  CHECK(d.message == "unknown key 'run.duration'; valid keys in 'run': steps, seed, record_every");
}

TEST_CASE("errors: a misspelt key differing in case or by a swap is suggested",
          "[loader][errors]") {
  CHECK_THAT(problem_in("model: epstein\nepstein:\n  Width: 30\n").message,
             Contains("did you mean 'epstein.width'?"));
  CHECK_THAT(problem_in("model: epstein\nepstein:\n  arrest_constnat: 2\n").message,
             Contains("did you mean 'epstein.arrest_constant'?"));
}

TEST_CASE("errors: a section for a model the scenario does not run is an unknown key",
          "[loader][errors]") {
  const auto d = only_problem(problems_of(fixture("bad/other_model_section.yaml")));
  CHECK(d.line == 2);
  CHECK(d.column == 1);
  CHECK_THAT(d.message, Contains("unknown key 'sahel'; valid top-level keys: model, name, "
                                 "description, run, epstein"));
}

TEST_CASE("errors: a number out of range says the range and the value found", "[loader][errors]") {
  ScratchFolder dir;
  const auto file =
      dir.write("x.yaml", "model: epstein\nepstein:\n  legitimacy:\n    initial: 1.5\n");
  const auto d = only_problem(problems_of(file));
  CHECK(d.to_string() == label(file) +
                             ":4:14: epstein.legitimacy.initial: expected a number in [0, 1], "
                             "got 1.5");
}

TEST_CASE("errors: text where a number belongs is refused", "[loader][errors]") {
  const auto d = problem_in("model: epstein\nepstein:\n  citizen_density: high\n");
  CHECK(d.key_path == "epstein.citizen_density");
  CHECK(d.message == "expected a number in [0, 1], got 'high'");
  CHECK(problem_in("model: epstein\nepstein:\n  citizen_density: [0.5]\n").message ==
        "expected a number in [0, 1], got a list");
  CHECK(problem_in("model: epstein\nepstein:\n  citizen_density:\n").message ==
        "expected a number in [0, 1], got nothing");
}

TEST_CASE("errors: integers refuse fractions, exponents, text and out-of-range values",
          "[loader][errors]") {
  CHECK(problem_in("model: epstein\nepstein:\n  width: 1.5\n").message ==
        "expected an integer in [3, 100000], got 1.5 (write a whole number, without a decimal "
        "point or exponent)");
  CHECK_THAT(problem_in("model: epstein\nepstein:\n  width: 1e3\n").message, Contains("got 1e3"));
  CHECK(problem_in("model: epstein\nepstein:\n  width: abc\n").message ==
        "expected an integer in [3, 100000], got 'abc'");
  CHECK(problem_in("model: epstein\nepstein:\n  width: 2\n").message ==
        "expected an integer in [3, 100000], got 2");
  CHECK_THAT(problem_in("model: epstein\nrun:\n  seed: 99999999999999999999\n").message,
             Contains("outside the 64-bit integer range"));
}

TEST_CASE("errors: numbers refuse nan and infinity", "[loader][errors]") {
  CHECK(problem_in("model: epstein\nepstein:\n  threshold: .nan\n").message ==
        "expected a number in [-1, 1], got '.nan' (not a finite number)");
  CHECK_THAT(problem_in("model: epstein\nepstein:\n  arrest_constant: .inf\n").message,
             Contains("not a finite number"));
  CHECK_THAT(problem_in("model: epstein\nepstein:\n  arrest_constant: 1e999\n").message,
             Contains("too large"));
}

TEST_CASE("errors: a quoted number is text, not a number", "[loader][errors]") {
  CHECK(problem_in("model: epstein\nepstein:\n  citizen_density: \"0.5\"\n").message ==
        "expected a number in [0, 1], got text \"0.5\" (quoted values are text: remove the "
        "quotes)");
}

TEST_CASE("errors: booleans are only true or false", "[loader][errors]") {
  CHECK_THAT(problem_in("model: epstein\nepstein:\n  movement: yes\n").message,
             Contains("expected true or false, got 'yes' (write true or false; words like "
                      "yes/no/on/off are not accepted"));
  CHECK_THAT(problem_in("model: epstein\nepstein:\n  movement: off\n").message,
             Contains("got 'off'"));
  CHECK_THAT(problem_in("model: epstein\nepstein:\n  movement: True\n").message,
             Contains("lower case"));
}

TEST_CASE("errors: a bad choice lists the options and suggests the closest", "[loader][errors]") {
  const auto d = problem_in("model: epstein\nepstein:\n  arrest_rule: flor\n");
  CHECK(d.key_path == "epstein.arrest_rule");
  CHECK(d.line == 3);
  CHECK(d.column == 16);
  CHECK(d.message ==
        "expected one of floor, round, continuous; got 'flor' (did you mean 'floor'?)");
  CHECK(problem_in("model: epstein\nepstein:\n  arrest_rule: banana\n").message ==
        "expected one of floor, round, continuous; got 'banana'");
}

TEST_CASE("errors: a missing file names the path and the reason", "[loader][errors]") {
  ScratchFolder dir;
  const auto d = only_problem(problems_of(dir.path() / "nowhere.yaml"));
  CHECK(d.message == "cannot open scenario file '" + label(dir.path() / "nowhere.yaml") +
                         "': No such file or directory");
  CHECK_THAT(only_problem(problems_of(dir.path())).message, Contains("Is a directory"));
}

TEST_CASE("errors: a missing parent is reported at the extends line", "[loader][errors][extends]") {
  const auto file = fixture("bad/missing_parent.yaml");
  const auto d = only_problem(problems_of(file));
  CHECK(d.file == label(file));
  CHECK(d.line == 2);
  CHECK(d.column == 10);
  CHECK_THAT(d.message, Contains("cannot open the scenario 'no_such_parent.yaml'"));
  CHECK_THAT(d.message, Contains(label(fixture("bad/no_such_parent.yaml"))));
  CHECK_THAT(d.message, Contains("No such file or directory"));
}

TEST_CASE("errors: an extends cycle shows the chain at the extends that closes it",
          "[loader][errors][extends]") {
  const auto a = label(fixture("bad/cycle_a.yaml"));
  const auto b = label(fixture("bad/cycle_b.yaml"));
  const auto d = only_problem(problems_of(fixture("bad/cycle_a.yaml")));
  CHECK(d.file == b);
  CHECK(d.line == 2);
  CHECK_THAT(d.message, Contains("extends cycle: " + a + " -> " + b + " -> " + a));

  ScratchFolder dir;
  const auto self = dir.write("self.yaml", "model: epstein\nextends: ./self.yaml\n");
  CHECK_THAT(only_problem(problems_of(self)).message,
             Contains(label(self) + " -> " + label(dir.path() / "self.yaml")));
}

TEST_CASE("errors: extends must name a file or a list of files", "[loader][errors][extends]") {
  const auto d = problem_in("extends: {file: a.yaml}\nmodel: epstein\n");
  CHECK(d.line == 1);
  CHECK(d.message == "expected the path of the scenario file this one extends, got a mapping");
  const auto empty = problem_in("extends: []\nmodel: epstein\n");
  CHECK_THAT(empty.message, Contains("got an empty list"));
  const auto item = problem_in("extends: [[b.yaml], a.yaml]\nmodel: epstein\n");
  CHECK_THAT(item.message, Contains("got a list"));
}

TEST_CASE("extends: a list of parents merges in order, each over the one before",
          "[loader][extends]") {
  ScratchFolder dir;
  dir.write("a.yaml", "model: epstein\nepstein:\n  width: 31\n  height: 32\n");
  dir.write("b.yaml", "epstein:\n  height: 42\n  citizen_vision: 3\n");
  const auto child = dir.write("c.yaml", "extends: [a.yaml, b.yaml]\nepstein:\n  citizen_vision: 4\n");
  const auto loaded = insim::test::load_def(child);
  CHECK(loaded.def.epstein.width == 31);
  CHECK(loaded.def.epstein.height == 42);
  CHECK(loaded.def.epstein.citizen_vision == 4);
  REQUIRE(loaded.info.files.size() == 3);
  CHECK(loaded.info.files[0] == label(child));
  CHECK(loaded.info.files[1] == label(dir.path() / "a.yaml"));
  CHECK(loaded.info.files[2] == label(dir.path() / "b.yaml"));
}

TEST_CASE("errors: a parent's problems are reported in the parent", "[loader][errors][extends]") {
  ScratchFolder dir;
  const auto parent = dir.write("parent.yaml", "model: epstein\nepstein:\n  width: wide\n");
  const auto child = dir.write("sub/child.yaml", "extends: ../parent.yaml\nname: c\n");
  const auto d = only_problem(problems_of(child));
  CHECK(d.file == label(parent));
  CHECK(d.line == 3);
}

TEST_CASE("errors: an unknown --set path is refused with a suggestion", "[loader][errors][set]") {
  const auto file = fixture("epstein_small.yaml");
  const auto d = only_problem(problems_of(file, {sc::parse_override("epstein.widht=30")}));
  CHECK(d.file == "--set");
  CHECK(d.message ==
        "unknown parameter path 'epstein.widht' in --set (did you mean "
        "'epstein.width'?)");
  CHECK_THAT(only_problem(problems_of(file, {sc::parse_override("epstien.legitimacy.initial=0.5")}))
                 .message,
             Contains("did you mean 'epstein.legitimacy.initial'?"));
  CHECK_THAT(
      only_problem(problems_of(file, {sc::parse_override("epstein.legitimacy=0.5")})).message,
      Contains("'epstein.legitimacy' is a section: give one of its keys: schedule, "
               "initial, final, start, end"));
  CHECK_THAT(only_problem(problems_of(file, {sc::parse_override("run.steps.max=3")})).message,
             Contains("'run.steps' is a single value"));
}

TEST_CASE("errors: a --set value is checked like a file value", "[loader][errors][set]") {
  const auto d = only_problem(
      problems_of(fixture("epstein_small.yaml"), {sc::parse_override("epstein.movement=yes")}));
  CHECK(d.file == "--set");
  CHECK(d.line == 0);
  CHECK(d.key_path == "epstein.movement");
  CHECK_THAT(d.message, Contains("expected true or false, got 'yes'"));
}

TEST_CASE("errors: a duplicate key names both lines", "[loader][errors]") {
  const auto d = only_problem(problems_of(fixture("bad/duplicate_key.yaml")));
  CHECK(d.line == 5);
  CHECK(d.key_path == "epstein.width");
  CHECK_THAT(d.message, Contains("duplicate key 'width': first given at line 3, again at line 5"));
}

TEST_CASE("errors: a YAML syntax error gives its line and yaml-cpp's reason", "[loader][errors]") {
  const auto file = fixture("bad/syntax_error.yaml");
  const auto d = only_problem(problems_of(file));
  CHECK(d.file == label(file));
  CHECK(d.line == 3);
  CHECK(d.column == 12);
  CHECK_THAT(d.message, Catch::StartsWith("YAML syntax error: illegal map value"));
  CHECK_THAT(d.message, !Contains("tabs"));
  // An unclosed bracket is found where the next line starts.
  const auto unclosed = problem_in("model: epstein\nepstein:\n  width: [20, 30\n  height: 20\n");
  CHECK(unclosed.line == 4);
  CHECK_THAT(unclosed.message, Contains("end of sequence flow not found (a '[' is not closed"));
}

TEST_CASE("errors: tab indentation is named as the cause", "[loader][errors]") {
  const auto d = only_problem(problems_of(fixture("bad/tab_indent.yaml")));
  CHECK(d.line == 4);
  CHECK_THAT(d.message, Contains("YAML syntax error"));
  CHECK_THAT(d.message, Contains("YAML does not allow tabs for indentation"));
}

TEST_CASE("errors: an empty file and a file of comments are empty", "[loader][errors]") {
  CHECK(only_problem(problems_of(fixture("bad/empty.yaml"))).message ==
        "the scenario file is empty");
  ScratchFolder dir;
  CHECK(only_problem(problems_of(dir.write("zero.yaml", ""))).message ==
        "the scenario file is empty");
}

TEST_CASE("errors: a top level that is not a mapping is refused", "[loader][errors]") {
  const auto d = only_problem(problems_of(fixture("bad/not_a_mapping.yaml")));
  CHECK(d.line == 1);
  CHECK(d.message ==
        "the top level of a scenario file must be a mapping of keys, such as "
        "'model: epstein', got a list");
  CHECK_THAT(problem_in("just some words\n").message, Contains("got 'just some words'"));
}

TEST_CASE("errors: several YAML documents in one file are refused", "[loader][errors]") {
  const auto d = problem_in("model: epstein\n---\nmodel: epstein\n");
  CHECK(d.line == 3);
  CHECK_THAT(d.message, Contains("holds 2 YAML documents"));
}

TEST_CASE("errors: every problem in a file is reported, in line order", "[loader][errors]") {
  const auto problems = problems_of(fixture("bad/many_errors.yaml"));
  INFO(insim::InputError(problems).what());
  REQUIRE(problems.size() == 5);
  CHECK(problems[0].line == 4);
  CHECK(problems[0].key_path == "run.steps");
  // Found after binding, but listed where it is in the file.
  CHECK(problems[1].line == 6);
  CHECK_THAT(problems[1].message, Contains("unknown key 'epstein.hieght' (did you mean "
                                           "'epstein.height'?)"));
  CHECK(problems[2].line == 7);
  CHECK_THAT(problems[2].message, Contains("expected a number in [0, 1], got 1.5"));
  CHECK(problems[3].line == 8);
  CHECK_THAT(problems[3].message, Contains("did you mean 'floor'?"));
  CHECK(problems[4].line == 9);
  CHECK(problems[4].key_path == "epstein.movement");
  // The message of the exception lists them all, one per line.
  const std::string all = insim::InputError(problems).what();
  CHECK(std::count(all.begin(), all.end(), '\n') == 4);
}

TEST_CASE("errors: a value that fails keeps the default, so later fields still bind",
          "[loader][errors]") {
  // `model` falls back to epstein, so the epstein section is still declared and read.
  ScratchFolder dir;
  const auto problems = problems_of(dir.write("m.yaml", "model: epstien\nepstein:\n  width: 2\n"));
  INFO(insim::InputError(problems).what());
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].key_path == "model");
  CHECK_THAT(problems[0].message, Contains("did you mean 'epstein'?"));
  CHECK(problems[1].key_path == "epstein.width");
}

TEST_CASE("errors: a failed require is reported at the field it names", "[loader][errors]") {
  const auto d = problem_in(
      "model: epstein\nepstein:\n  citizen_density: 0.9\n  cop_density:\n    initial: 0.2\n");
  CHECK(d.key_path == "epstein.cop_density");
  CHECK(d.line == 4);
  CHECK_THAT(d.message, Contains("citizen_density + cop_density must be at most 1"));

  const auto linear = problem_in(
      "model: epstein\nepstein:\n  legitimacy:\n    schedule: linear\n    start: 10\n    end: 5\n");
  CHECK(linear.key_path == "epstein.legitimacy.end");
  CHECK(linear.line == 6);
  CHECK(linear.column == 10);
  CHECK_THAT(linear.message, Contains("a linear schedule needs end > start"));
}

TEST_CASE("errors: a failed require about a field the file leaves out points at the file",
          "[loader][errors]") {
  ScratchFolder dir;
  const auto file =
      dir.write("s.yaml", "model: epstein\nepstein:\n  legitimacy:\n    schedule: linear\n");
  const auto d = only_problem(problems_of(file));
  CHECK(d.file == label(file));
  CHECK(d.line == 0);
  CHECK(d.key_path == "epstein.legitimacy.end");
}

TEST_CASE("errors: a value where a section belongs is refused once", "[loader][errors]") {
  const auto d = problem_in("model: epstein\nepstein: 5\n");
  CHECK(d.key_path == "epstein");
  CHECK(d.line == 2);
  CHECK_THAT(d.message, Contains("expected a section of keys"));
  CHECK_THAT(d.message, Contains("got 5"));
}

TEST_CASE("errors: a value with its source needs a value and only value, source, note",
          "[loader][errors]") {
  CHECK_THAT(problem_in("model: epstein\nepstein:\n  width: {source: F12}\n").message,
             Contains("needs a 'value' key"));
  const auto d = problem_in("model: epstein\nepstein:\n  width: {value: 30, sauce: F12}\n");
  CHECK(d.key_path == "epstein.width");
  CHECK_THAT(d.message, Contains("unknown key 'sauce' in a value with its source"));
  CHECK_THAT(
      problem_in("model: epstein\nepstein:\n  width: {value: 30, source: [F1, F2]}\n").message,
      Contains("expected the source as text, got a list"));
}

TEST_CASE("errors: text fields refuse lists and empty values", "[loader][errors]") {
  CHECK(problem_in("model: epstein\nname: [a, b]\n").message == "expected text, got a list");
  CHECK_THAT(problem_in("model: epstein\nname:\n").message,
             Contains("got nothing (write \"\" for empty text)"));
}
