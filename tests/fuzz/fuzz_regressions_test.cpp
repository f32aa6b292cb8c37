// Issue 6, acceptance 1: every input the fuzzers ever found a bug with stays here, replayed
// through the same entry point as the fuzzer (fuzz/fuzz_entries.hpp) in the normal build, and must
// now be accepted or refused cleanly, as its name says (accepted_* / refused_*). The seed corpora
// are replayed the same way (docs/fuzzing.md).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "fuzz_entries.hpp"
#include "scenario/loader/loader.hpp"
#include "support/scratch_folder.hpp"

namespace fs = std::filesystem;
using insim::Diagnostic;
using insim::InputError;
using insim::fuzz::Outcome;
using insim::fuzz::Workspace;

namespace {

const std::vector<std::string> kTargets = {"fuzz_scenario_loader", "fuzz_set_override"};

std::vector<fs::path> files_in(const fs::path& folder) {
  std::vector<fs::path> files;
  if (!fs::exists(folder)) return files;
  for (const auto& e : fs::directory_iterator(folder))
    if (e.is_regular_file() && e.path().filename() != "README.md") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

Outcome feed(const std::string& target, const Workspace& workspace, std::string_view bytes) {
  return target == "fuzz_set_override" ? insim::fuzz::apply_set_bytes(workspace, bytes)
                                       : insim::fuzz::load_scenario_bytes(workspace, bytes);
}

const char* name_of(Outcome o) { return o == Outcome::accepted ? "accepted" : "refused"; }

}  // namespace

TEST_CASE(
    "fuzz regressions: every input a fuzzer found a bug with is now accepted or refused "
    "cleanly, as its name says",
    "[fuzz]") {
  const Workspace workspace;
  const fs::path root = fs::path(INSIM_SOURCE_DIR) / "tests" / "fuzz_regressions";
  for (const std::string& target : kTargets) {
    for (const fs::path& file : files_in(root / target)) {
      const std::string name = file.filename().string();
      INFO(target << ": " << name);
      const bool accepted = name.starts_with("accepted_");
      REQUIRE((accepted || name.starts_with("refused_")));
      Outcome outcome{};
      REQUIRE_NOTHROW(outcome = feed(target, workspace, insim::test::read_text(file)));
      CHECK(name_of(outcome) == std::string(accepted ? "accepted" : "refused"));
    }
  }
  // Nothing else sits in the folder: an input left under libFuzzer's crash-<sha1> name has not
  // been looked at yet.
  for (const auto& e : fs::directory_iterator(root)) {
    INFO(e.path());
    CHECK((e.path().filename() == "README.md" ||
           std::find(kTargets.begin(), kTargets.end(), e.path().filename().string()) !=
               kTargets.end()));
  }
}

TEST_CASE("fuzz corpora: every seed input is accepted or refused cleanly, and both occur",
          "[fuzz]") {
  const Workspace workspace;
  for (const std::string& target : kTargets) {
    const auto seeds = files_in(fs::path(INSIM_SOURCE_DIR) / "fuzz" / "corpus" / target);
    INFO(target);
    CHECK(seeds.size() >= 10);
    std::set<std::string> outcomes;
    for (const fs::path& file : seeds) {
      INFO(file.filename().string());
      REQUIRE_NOTHROW(
          outcomes.insert(name_of(feed(target, workspace, insim::test::read_text(file)))));
    }
    // A corpus of only refusals would never take the fuzzer past the first check it fails.
    CHECK(outcomes == std::set<std::string>{"accepted", "refused"});
  }
}

TEST_CASE("fuzz entries: the fixed scenarios load, and inputs extend them or --set changes them",
          "[fuzz]") {
  const Workspace workspace;
  using insim::fuzz::apply_set_bytes;
  using insim::fuzz::load_scenario_bytes;
  CHECK(load_scenario_bytes(workspace, "extends: sahel_small.yaml\nrun:\n  steps: 5\n") ==
        Outcome::accepted);
  CHECK(load_scenario_bytes(workspace, "extends: epstein_base.yaml\nepstein:\n  width: 1\n") ==
        Outcome::refused);
  CHECK(load_scenario_bytes(workspace, "extends: input.yaml\n") == Outcome::refused);  // itself
  CHECK(load_scenario_bytes(workspace, std::string_view("\0", 1)) == Outcome::refused);
  CHECK(apply_set_bytes(workspace, "") == Outcome::accepted);      // epstein_base.yaml as it is
  CHECK(apply_set_bytes(workspace, "\x01") == Outcome::accepted);  // sahel_small.yaml as it is
  CHECK(apply_set_bytes(workspace,
                        "\x02"
                        "epstein.width=30\nrun.steps=4") == Outcome::accepted);
  CHECK(apply_set_bytes(workspace,
                        "\x02"
                        "epstein.width=30\nrun.steps=x") == Outcome::refused);
  CHECK(apply_set_bytes(workspace, "\x03sahel.world.people_per_agent=2000") == Outcome::accepted);
  CHECK(apply_set_bytes(workspace, "\x03sahel.world.regions[0].name=Nowhere") ==
        Outcome::refused);  // the communities' shares name Kidal
  CHECK(apply_set_bytes(workspace, std::string_view("\x00run.steps=3\0run.seed=", 22)) ==
        Outcome::refused);  // a NUL ends an argument: "run.seed=" sets no value
}

TEST_CASE(
    "fuzz entries: a refusal that names no file, has no message or a line without a column "
    "counts as a bug",
    "[fuzz]") {
  using insim::fuzz::check_refusal;
  CHECK_NOTHROW(check_refusal(InputError(Diagnostic{"a.yaml", 3, 5, "x", "expected a number"})));
  CHECK_NOTHROW(check_refusal(InputError(Diagnostic{"--set", 0, 0, "", "no '='"})));
  CHECK_THROWS_AS(check_refusal(InputError(std::vector<Diagnostic>{})), std::logic_error);
  CHECK_THROWS_AS(check_refusal(InputError(Diagnostic{"", 3, 5, "x", "expected"})),
                  std::logic_error);
  CHECK_THROWS_AS(check_refusal(InputError(Diagnostic{"a.yaml", 3, 5, "x", ""})), std::logic_error);
  CHECK_THROWS_AS(check_refusal(InputError(Diagnostic{"a.yaml", 3, 0, "x", "expected"})),
                  std::logic_error);
}

TEST_CASE(
    "fuzz regressions: a ',' where a YAML document's value should start is refused at its "
    "place (yaml-cpp 0.7 would loop forever)",
    "[fuzz]") {
  insim::test::ScratchFolder dir("fuzz-comma");
  const auto refusal = [&](const std::string& text) {
    const fs::path file = dir.write("comma.yaml", text);
    try {
      (void)insim::scenario::load(file, {}, [](insim::scenario::Schema&) {});
    } catch (const InputError& e) {
      return e.diagnostics();
    }
    return std::vector<Diagnostic>{};
  };
  for (const auto& [text, line, column] : std::vector<std::tuple<std::string, int, int>>{
           {",a\n", 1, 1}, {"# note\n[a]\n,\n", 3, 1}, {"model: epstein\n--- ,\n", 2, 5}}) {
    INFO(text);
    const auto problems = refusal(text);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == line);
    CHECK(problems[0].column == column);
    CHECK_THAT(problems[0].message, Catch::Contains("a ',' outside a [list] or {mapping}"));
  }
}
