// Issue 6, acceptance 3: a catalogue of malformed inputs, one file (or --set text) per problem,
// each read by the real loader and checked for where it points and what it tells the user.
#include <fmt/format.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "models/sahel/sahel_world_def.hpp"
#include "models/sahel/targets_def.hpp"
#include "models/sahel/timeline_def.hpp"
#include "run/scenario_loading.hpp"
#include "scenario/loader/loader.hpp"
#include "support/scratch_folder.hpp"

namespace fs = std::filesystem;
namespace sc = insim::scenario;
namespace sahel = insim::sahel;
using insim::Diagnostic;
using insim::InputError;

namespace {

fs::path inputs() { return fs::path(INSIM_SOURCE_DIR) / "tests" / "catalogue" / "inputs"; }

// Which loader reads the file: an Epstein scenario, or one of the Sahel data sections.
enum class Reader { scenario, sahel_world, sahel_history, sahel_targets };

void load_with(Reader reader, const fs::path& file, std::span<const sc::Override> overrides = {}) {
  if (reader == Reader::scenario) {
    (void)insim::load_scenario_file(file, overrides);
    return;
  }
  sahel::SahelWorldDef world;
  sahel::TimelineDef timeline;
  sahel::ForcesDef forces;
  sahel::TargetsDef targets;
  (void)sc::load(file, overrides, [&](sc::Schema& s) {
    sc::Schema::Section a(s, "sahel");
    if (reader == Reader::sahel_world) {
      sc::Schema::Section b(s, "world");
      describe(s, world);
    } else if (reader == Reader::sahel_targets) {
      sc::Schema::Section b(s, "targets");
      describe(s, targets);
    } else {
      {
        sc::Schema::Section b(s, "timeline");
        describe(s, timeline);
      }
      sc::Schema::Section b(s, "forces");
      describe(s, forces);
    }
  });
}

// One malformed input and what the report about it must say. line 0: the problem has no line
// (an empty file, a missing file); key_path "": the problem is not about one key.
struct Case {
  const char* file;  // under tests/catalogue/inputs/
  Reader reader;
  int line;
  const char* key_path;
  const char* fragment;           // part of the message that says what was expected
  const char* in_file = nullptr;  // the file the problem is in, when not `file`
};

// clang-format off
const std::vector<Case> kFileCases = {
  // YAML that cannot be parsed, or is not a mapping.
  {"truncated_flow_mapping.yaml", Reader::scenario, 3, "", "a '{' is not closed by '}'"},
  {"unclosed_quote.yaml", Reader::scenario, 2, "description", "is never closed"},
  {"tab_indentation.yaml", Reader::scenario, 2, "", "YAML does not allow tabs for indentation: indent with spaces"},
  {"empty_file.yaml", Reader::scenario, 0, "", "the scenario file is empty"},
  {"whitespace_only.yaml", Reader::scenario, 0, "", "the scenario file is empty"},
  {"comments_only.yaml", Reader::scenario, 0, "", "the scenario file is empty"},
  {"binary_garbage.yaml", Reader::scenario, 1, "", "NUL byte"},
  {"invalid_utf8.yaml", Reader::scenario, 1, "", "byte 0xE9 is not UTF-8"},
  {"top_level_list.yaml", Reader::scenario, 1, "", "must be a mapping of keys, such as 'model: epstein', got a list"},
  {"top_level_scalar.yaml", Reader::scenario, 1, "", "must be a mapping of keys, such as 'model: epstein', got 'just some text'"},
  {"two_documents.yaml", Reader::scenario, 3, "", "the file holds 2 YAML documents"},
  {"duplicate_key.yaml", Reader::scenario, 4, "epstein.width", "first given at line 2, again at line 4"},
  // Keys that are not declared.
  {"unknown_top_level_key.yaml", Reader::scenario, 2, "", "unknown key 'rnu' (did you mean 'run'?)"},
  {"misspelt_nested_key.yaml", Reader::scenario, 3, "",
   "unknown key 'epstein.citizen_vison' (did you mean 'epstein.citizen_vision'?)"},
  {"other_model_section.yaml", Reader::scenario, 2, "",
   "unknown key 'sahel'; valid top-level keys: model, name, description, run, epstein"},
  // Values of the wrong type.
  {"string_for_number.yaml", Reader::scenario, 2, "epstein.citizen_density", "expected a number in [0, 1], got 'high'"},
  {"number_for_bool.yaml", Reader::scenario, 2, "epstein.movement", "expected true or false, got 1"},
  {"yes_for_bool.yaml", Reader::scenario, 2, "epstein.movement", "expected true or false, got 'yes'"},
  {"map_for_scalar.yaml", Reader::scenario, 3, "epstein.width", "expected an integer in [3, 100000], got a mapping"},
  {"list_for_scalar.yaml", Reader::scenario, 2, "epstein.width", "expected an integer in [3, 100000], got a list"},
  {"section_given_a_value.yaml", Reader::scenario, 1, "run", "expected a section of keys"},
  {"quoted_number.yaml", Reader::scenario, 2, "epstein.width", "got text \"40\" (quoted values are text: remove the quotes)"},
  {"empty_text.yaml", Reader::scenario, 1, "name", "expected text, got nothing"},
  {"list_for_text.yaml", Reader::scenario, 1, "description", "expected text, got a list"},
  // Numbers that are not the number expected.
  {"integer_with_decimals.yaml", Reader::scenario, 2, "run.steps", "got 100.5 (write a whole number"},
  {"integer_as_exponent.yaml", Reader::scenario, 2, "run.steps", "got 1e3 (write a whole number"},
  {"below_range.yaml", Reader::scenario, 2, "epstein.citizen_density", "expected a number in [0, 1], got -0.1"},
  {"above_range.yaml", Reader::scenario, 2, "epstein.threshold", "expected a number in [-1, 1], got 1.5"},
  {"integer_zero_where_positive.yaml", Reader::scenario, 2, "run.record_every", "expected an integer in [1, 1000000000], got 0"},
  {"nan_value.yaml", Reader::scenario, 2, "epstein.arrest_constant", "got '.nan' (not a finite number)"},
  {"infinite_value.yaml", Reader::scenario, 2, "epstein.arrest_constant", "got '.inf' (not a finite number)"},
  {"huge_number.yaml", Reader::scenario, 2, "epstein.arrest_constant", "got 1e400 (too large for a number)"},
  {"huge_integer.yaml", Reader::scenario, 2, "run.seed", "got 99999999999999999999 (outside the 64-bit integer range)"},
  // extends.
  {"extends_cycle_a.yaml", Reader::scenario, 1, "extends", "extends_cycle_a.yaml ->",
   "extends_cycle_b.yaml"},
  {"extends_self.yaml", Reader::scenario, 2, "extends", "extends cycle: "},
  {"extends_missing_target.yaml", Reader::scenario, 2, "extends", "cannot open the scenario 'no_such_parent.yaml' that this file extends"},
  {"extends_not_a_string.yaml", Reader::scenario, 1, "extends", "expected the path of the scenario file this one extends, got a mapping"},
  // Choices and the model.
  {"bad_choice.yaml", Reader::scenario, 2, "epstein.vision_shape", "expected one of von_neumann, moore, euclidean; got 'moor' (did you mean 'moore'?)"},
  {"unknown_model.yaml", Reader::scenario, 1, "model", "expected one of epstein, sahel; got 'epstien'"},
  // {value:, source:} pairs.
  {"value_source_extra_key.yaml", Reader::scenario, 2, "epstein.width", "unknown key 'unit' in a value with its source; the keys are value, source and note"},
  {"source_not_a_string.yaml", Reader::scenario, 2, "epstein.width", "expected the source as text, got a list"},
  {"value_source_without_value.yaml", Reader::scenario, 2, "epstein.width", "needs a 'value' key"},
  // Values each valid alone that do not fit together.
  {"linear_end_before_start.yaml", Reader::scenario, 7, "epstein.legitimacy.end",
   "a linear schedule needs end > start, got start 100 and end 50"},
  {"density_over_one.yaml", Reader::scenario, 3, "epstein.cop_density",
   "citizen_density + cop_density must be at most 1"},
  {"vision_too_large.yaml", Reader::scenario, 4, "epstein.citizen_vision",
   "at least 2v + 1 = 15 cells wide and high (got 10 x 10)"},
  // Sahel data.
  {"sahel_negative_population.yaml", Reader::sahel_world, 4, "sahel.world.regions[0].population_2009",
   "expected an integer in [0, 1000000000], got -150"},
  {"sahel_shares_over_one.yaml", Reader::sahel_world, 6, "sahel.world.communities",
   "the community shares of region 'A' must sum to 1 (within 1e-06), got 1.2"},
  {"sahel_shares_under_one.yaml", Reader::sahel_world, 6, "sahel.world.communities",
   "the community shares of region 'A' must sum to 1 (within 1e-06), got 0.6"},
  {"sahel_unknown_region_in_shares.yaml", Reader::sahel_world, 7, "sahel.world.communities[0].shares[2].region",
   "unknown region 'C' in the shares of 'X'; the regions are: A, B"},
  {"sahel_asymmetric_neighbours.yaml", Reader::sahel_world, 4, "sahel.world.regions[0].neighbours[0]",
   "adjacency must be symmetric: 'A' lists 'B' as a neighbour but 'B' does not list 'A'"},
  {"sahel_events_out_of_order.yaml", Reader::sahel_history, 5, "sahel.timeline.events[1].date",
   "events must be in date order: 'F02' (2012-01-16) comes after 'F01' (2012-01-17)"},
  {"sahel_invalid_date.yaml", Reader::sahel_history, 5, "sahel.timeline.events[1].date",
   "expected a date YYYY-MM-DD (or YYYY-MM for the first of the month), got '2013-02-30'"},
  {"sahel_unknown_actor.yaml", Reader::sahel_history, 5, "sahel.timeline.events[1].actors[1]",
   "got 'wagnr' (did you mean 'wagner'?)"},
  {"sahel_unknown_event_kind.yaml", Reader::sahel_history, 5, "sahel.timeline.events[1].kind",
   "expected one of arms_inflow, external_funding"},
  {"sahel_duplicate_event_id.yaml", Reader::sahel_history, 5, "sahel.timeline.events[1].id",
   "event id 'F01' is used twice"},
  {"sahel_unknown_region_in_event.yaml", Reader::sahel_history, 5, "sahel.timeline.events[1].regions[0]",
   "expected one of Kayes, Koulikoro, Sikasso, Ségou, Mopti, Tombouctou, Gao, Kidal, Bamako; got 'Timbuktu'"},
  {"sahel_force_low_above_high.yaml", Reader::sahel_history, 4,
   "sahel.forces.series[0].points[0].low", "low 5100 must not exceed high 3000"},
  {"sahel_ucdp_years_skip.yaml", Reader::sahel_targets, 5, "sahel.targets.ucdp[1].year",
   "UCDP years must be consecutive: 2014 follows 2012"},
};
// clang-format on

// A `--set` applied to a valid file (set_base_valid.yaml), with what the report must say.
struct SetCase {
  const char* name;
  const char* arg;  // as typed after --set
  const char* key_path;
  const char* fragment;
};

// clang-format off
const std::vector<SetCase> kSetCases = {
  {"--set without '='", "epstein.width", "", "="},
  {"--set with an empty path", "=40", "", "path"},
  {"--set with an unclosed index", "epstein.width[0=40", "", "epstein.width[0"},
  {"--set of an unknown path", "epstein.widht=40", "", "did you mean 'epstein.width'"},
  {"--set of a wrong type", "epstein.width=forty", "epstein.width", "forty"},
  {"--set out of range", "epstein.citizen_density=2", "epstein.citizen_density", "[0, 1]"},
  {"--set of a section", "epstein=3", "", "'epstein' is a section"},
};
// clang-format on

std::string all_problems(const std::vector<Diagnostic>& ds) { return InputError(ds).what(); }

// The problems reported for `load`, or a failed test when nothing is reported.
std::vector<Diagnostic> problems_of(const std::function<void()>& load) {
  try {
    load();
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  FAIL_CHECK("the input was accepted");
  return {};
}

// A problem at `key_path` (any when empty), at `line` (any when 0), whose message contains
// `fragment`, and which names the file it is in when it names a file.
bool reports(const std::vector<Diagnostic>& ds, const std::string& file_name, int line,
             const std::string& key_path, const std::string& fragment) {
  for (const auto& d : ds) {
    if (!key_path.empty() && d.key_path != key_path) continue;
    if (line != 0 && d.line != line) continue;
    if (d.message.find(fragment) == std::string::npos) continue;
    if (!file_name.empty() && fs::path(d.file).filename() != file_name) continue;
    return true;
  }
  return false;
}

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("catalogue: at least 40 distinct malformed inputs, each file used once", "[catalogue]") {
  std::set<std::string> named;
  for (const auto& c : kFileCases) {
    INFO(c.file);
    CHECK(named.insert(c.file).second);
    CHECK(fs::exists(inputs() / c.file));
  }
  CHECK(named.size() + kSetCases.size() >= 40);
  // Every file in inputs/ is a case (extends_cycle_b.yaml is read through extends_cycle_a.yaml,
  // set_base_valid.yaml is the valid file the --set cases change).
  for (const auto& entry : fs::directory_iterator(inputs())) {
    const auto name = entry.path().filename().string();
    INFO(name);
    CHECK((named.count(name) == 1 || name == "extends_cycle_b.yaml" ||
           name == "set_base_valid.yaml"));
  }
}

TEST_CASE(
    "catalogue: each malformed file is refused where the problem is, saying what was expected",
    "[catalogue]") {
  for (const auto& c : kFileCases) {
    const fs::path file = inputs() / c.file;
    INFO(c.file);
    const auto ds = problems_of([&] { load_with(c.reader, file); });
    INFO(c.file << " reported:\n" << all_problems(ds));
    CHECK(reports(ds, c.in_file != nullptr ? c.in_file : c.file, c.line, c.key_path, c.fragment));
    for (const auto& d : ds) {
      CHECK_FALSE(d.message.empty());
      // A problem with a line is in a file, and has a column.
      if (d.line > 0) CHECK(d.column > 0);
      CHECK_FALSE(d.file.empty());
    }
  }
}

TEST_CASE("catalogue: a scenario file that does not exist is refused by name", "[catalogue]") {
  const auto ds = problems_of([] { load_with(Reader::scenario, inputs() / "no_such_file.yaml"); });
  INFO(all_problems(ds));
  CHECK(reports(ds, "no_such_file.yaml", 0, "", "no_such_file.yaml"));
}

TEST_CASE("catalogue: each malformed --set is refused, naming the path and what was expected",
          "[catalogue]") {
  const fs::path base = inputs() / "set_base_valid.yaml";
  REQUIRE_NOTHROW(load_with(Reader::scenario, base));
  for (const auto& c : kSetCases) {
    const auto ds = problems_of([&] {
      const sc::Override o = sc::parse_override(c.arg);
      load_with(Reader::scenario, base, std::span<const sc::Override>(&o, 1));
    });
    INFO(c.name << " (" << c.arg << ") reported:\n" << all_problems(ds));
    CHECK(reports(ds, "", 0, c.key_path, c.fragment));
    for (const auto& d : ds) CHECK(d.file == "--set");
  }
}

TEST_CASE("catalogue: insim validate exits with 2 and prints file:line and the message",
          "[catalogue][cli]") {
  insim::test::ScratchFolder dir("catalogue-cli");
  struct CliCase {
    std::vector<std::string> args;
    std::vector<std::string> expected;
  };
  const auto in = [](const char* f) { return (inputs() / f).string(); };
  const std::vector<CliCase> cases = {
      {{in("binary_garbage.yaml")}, {"binary_garbage.yaml:1:4:", "NUL byte"}},
      {{in("empty_file.yaml")}, {"empty_file.yaml", "empty"}},
      {{in("huge_integer.yaml")}, {"huge_integer.yaml:2:", "run.seed"}},
      {{in("extends_cycle_a.yaml")}, {"extends_cycle_b.yaml:1:", "extends cycle"}},
      {{in("tab_indentation.yaml")}, {"tab_indentation.yaml:2:", "tab"}},
      {{in("set_base_valid.yaml"), "--set", "epstein.width"}, {"--set", "epstein.width"}},
  };
  for (const auto& c : cases) {
    std::string command = fmt::format("'{}' validate", INSIM_EXE);
    for (const auto& a : c.args) command += fmt::format(" '{}'", a);
    command += fmt::format(" >'{}' 2>'{}'", (dir / "out").string(), (dir / "err").string());
    const int status = std::system(command.c_str());
    const std::string err = read_all(dir / "err");
    INFO(command << "\nstderr:\n" << err);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(read_all(dir / "out").empty());
    for (const auto& e : c.expected) CHECK_THAT(err, Catch::Contains(e));
  }
}

TEST_CASE("catalogue: escaped quotes and UTF-8 text are not mistaken for malformed input",
          "[catalogue]") {
  insim::test::ScratchFolder dir("catalogue-valid");
  const fs::path file =
      dir.write("quotes.yaml",
                "name: 'it''s S\xc3\xa9gou'\ndescription: \"say \\\"hi\\\" \\\\\"\nepstein:\n"
                "  width: 40\n");
  const auto loaded = insim::load_scenario_file(file);
  CHECK(loaded.def.name == "it's S\xc3\xa9gou");
  CHECK(loaded.def.description == "say \"hi\" \\");
  CHECK(loaded.def.epstein.width == 40);
}
