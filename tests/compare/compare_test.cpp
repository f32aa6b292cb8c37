#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <string>

#include "compare/compare.hpp"
#include "compare/outcomes.hpp"
#include "compare/run_reduction.hpp"
#include "compare/scenario_set.hpp"
#include "core/error.hpp"
#include "engine/parallel.hpp"
#include "run/simulation_factory.hpp"
#include "support/scratch_folder.hpp"

namespace {

using namespace insim;
using namespace insim::compare;

const std::filesystem::path kBaseline =
    std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios/sahel/baseline.yaml";

// Short, coarse runs: two years at 2,000 people per agent.
std::vector<scenario::Override> quick() {
  return {{"run.steps", "104"}, {"sahel.world.people_per_agent", "2000"}};
}

std::string alternative(const std::string& name, const std::string& body) {
  return "extends: " + kBaseline.string() + "\nname: \"" + name + "\"\n" + body;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("compare: the Sahel outcomes are all observed by the model", "[compare]") {
  CompareOptions o;
  o.scenarios = {kBaseline, kBaseline};
  o.overrides = quick();
  const ScenarioSet set = load_scenario_set(o);
  const Outcomes outcomes = sahel_outcomes(set.scenarios[0].def.sahel);
  const auto sim = make_simulation(set.scenarios[0].def, 1);
  const ResolvedOutcomes resolved(outcomes, *sim);
  CHECK(resolved.size() == outcomes.outcomes.size());
  CHECK(outcomes.map.regions.size() == 9);
  CHECK(outcomes.map.holders.front() == "State");
  for (const auto& chart : outcomes.charts) {
    CHECK(!chart.panels.empty());
    CHECK(chart.panels.size() == chart.panel_titles.size());
  }
}

TEST_CASE("compare: scenarios that cannot be paired are refused with the reason",
          "[compare]") {
  const insim::test::ScratchFolder dir("compare");
  CompareOptions o;
  o.scenarios = {kBaseline};
  CHECK_THROWS_WITH(load_scenario_set(o), Catch::Contains("at least one other"));

  o.scenarios = {kBaseline, dir.write("longer.yaml", alternative("Longer", "run:\n  steps: 900\n"))};
  CHECK_THROWS_WITH(load_scenario_set(o), Catch::Contains("run.steps") &&
                                              Catch::Contains("longer.yaml"));

  o.scenarios = {kBaseline,
                 std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios/epstein/paper_run1.yaml"};
  CHECK_THROWS_WITH(load_scenario_set(o), Catch::Contains("Sahel"));

  o.scenarios = {kBaseline, kBaseline};
  o.overrides = quick();
  o.from = Date{2011, 1, 1};
  CHECK_THROWS_WITH(load_scenario_set(o), Catch::Contains("--from"));
  o.from = Date{2012, 6, 1};
  o.to = Date{2012, 3, 1};
  CHECK_THROWS_WITH(load_scenario_set(o), Catch::Contains("before --from"));
  o.runs = 1;
  o.to.reset();
  CHECK_THROWS_WITH(load_scenario_set(o), Catch::Contains("--runs"));
}

TEST_CASE("compare: what a counterfactual changes is listed against the base", "[compare]") {
  CompareOptions o;
  o.scenarios = {kBaseline, std::filesystem::path(INSIM_SOURCE_DIR) /
                                "scenarios/sahel/counterfactuals/france_stays.yaml"};
  const ScenarioSet set = load_scenario_set(o);
  const auto changes = parameter_changes(set.scenarios[0].info, set.scenarios[1].info);
  REQUIRE(!changes.empty());
  bool drops_f22 = false;
  for (const auto& c : changes) {
    CHECK(c.path != "name");
    if (c.value == "F22") drops_f22 = true;
  }
  CHECK(drops_f22);
  CHECK(parameter_changes(set.scenarios[0].info, set.scenarios[0].info).empty());
}

TEST_CASE("compare: a scenario compared with itself differs by exactly nothing (paired seeds)",
          "[compare][slow]") {
  const insim::test::ScratchFolder dir("compare");
  CompareOptions o;
  o.scenarios = {kBaseline, dir.write("same.yaml", alternative("The same again", ""))};
  o.overrides = quick();
  o.runs = 3;
  o.validation_runs = 0;
  o.out_dir = dir / "out";
  const CompareResult r = compare_scenarios(o);
  CHECK(r.runs_done == 6);
  const std::string diffs = read(dir / "out" / kDifferencesCsv);
  std::istringstream in(diffs);
  std::string line;
  std::getline(in, line);
  std::size_t rows = 0;
  while (std::getline(in, line)) {
    ++rows;
    // difference, its interval: 0,0,0; never "higher" or "lower".
    CHECK(line.find(",0,0,0,") != std::string::npos);
  }
  CHECK(rows == sahel_outcomes(load_scenario_set(o).scenarios[0].def.sahel).table.size());
}

TEST_CASE("compare: a more abusive JNIM kills more civilians, and the report says so",
          "[compare][slow]") {
  const insim::test::ScratchFolder dir("compare");
  CompareOptions o;
  o.scenarios = {kBaseline,
                 dir.write("abusive.yaml",
                           alternative("JNIM abuses more",
                                       "sahel:\n  actors:\n    jnim:\n      abuse: {value: 3, "
                                       "source: \"assumption: a test\"}\n"))};
  o.overrides = quick();
  o.runs = 4;
  o.validation_runs = 0;
  o.out_dir = dir / "out";
  o.command_line = {"insim", "compare", "a b.yaml"};
  const CompareResult r = compare_scenarios(o);

  for (const char* f : {"report.html", kSummaryCsv, kRunsCsv, kDifferencesCsv, kValidationCsv,
                        kCompareManifest}) {
    INFO(f);
    CHECK(std::filesystem::exists(dir / "out" / f));
  }
  // Nothing else: no scratch folder, no temporary file.
  for (const auto& e : insim::test::entries(dir / "out")) {
    INFO(e);
    CHECK((e == "figures" || e.rfind("figures/", 0) == 0 || e.find('/') == std::string::npos));
    CHECK(e.find(".compare-runs") == std::string::npos);
    CHECK(e.find(".tmp") == std::string::npos);
  }

  const ScenarioSet set = load_scenario_set(o);
  const Outcomes outcomes = sahel_outcomes(set.scenarios[0].def.sahel);
  const std::int64_t months = complete_months(set.calendar, set.steps);
  CHECK(lines(read(dir / "out" / kSummaryCsv)) == 1 + 2 * outcomes.outcomes.size() * months);
  CHECK(lines(read(dir / "out" / kRunsCsv)) == 1 + 2 * 4 * outcomes.table.size());

  const std::string diffs = read(dir / "out" / kDifferencesCsv);
  const auto at = diffs.find("Civilians killed (Jihadist groups)");
  REQUIRE(at != std::string::npos);
  const std::string row = diffs.substr(at, diffs.find('\n', at) - at);
  CHECK(row.find("higher") != std::string::npos);
  CHECK(row.find(",false,") != std::string::npos);  // the interval does not span zero
  const std::string html = read(r.report);
  CHECK(html.find("JNIM abuses more") != std::string::npos);
  CHECK(html.find("&#39;a b.yaml&#39;") != std::string::npos);  // the reproduce command, quoted
}

TEST_CASE("compare: the tables are byte-identical for 1 and 2 threads", "[compare][slow]") {
  const insim::test::ScratchFolder dir("compare");
  CompareOptions o;
  o.scenarios = {kBaseline, dir.write("abusive.yaml",
                                      alternative("JNIM abuses more",
                                                  "sahel:\n  actors:\n    jnim:\n      abuse: "
                                                  "{value: 3, source: \"assumption: a test\"}\n"))};
  o.overrides = quick();
  o.runs = 3;
  o.validation_runs = 0;
  for (const int threads : {1, 2}) {
    const ThreadLimit limit(threads);
    o.out_dir = dir / fmt::format("threads-{}", threads);
    (void)compare_scenarios(o);
  }
  for (const char* f : {kSummaryCsv, kRunsCsv, kDifferencesCsv}) {
    INFO(f);
    CHECK(read(dir / "threads-1" / f) == read(dir / "threads-2" / f));
  }
}
