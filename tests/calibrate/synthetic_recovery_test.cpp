// Acceptance 2 of issue 5: calibration recovers the known parameters of a synthetic run. The
// "observations" are made by the model itself at known values of two parameters, with a seed no
// calibration run uses; ABC-SMC then starts from wide priors. Each known value must lie in its
// 90% posterior interval, and the interval must be much narrower than the prior's, so that the
// data (not the prior) put it there. Kept cheap: 2012-2014 at 2,000 people per agent, 40
// particles, 4 generations (about 650-900 runs, 40-60 s on 2 cores).
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <iostream>
#include <iterator>

#include "calibrate/calibrate_runner.hpp"
#include "calibrate/weighted_summary.hpp"
#include "output/number_format.hpp"
#include "run/scenario_loading.hpp"
#include "run/simulation_factory.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/run_metrics.hpp"

using insim::test::ScratchFolder;

namespace {

constexpr const char* kBase = "extends: " INSIM_SOURCE_DIR
                              "/scenarios/sahel/baseline.yaml\n"
                              "name: \"synthetic truth\"\nrun:\n  steps: 157\nsahel:\n  world:\n"
                              "    people_per_agent: 2000\n";

struct Known {
  const char* path;
  double value;      // the truth the data are made with
  double low, high;  // the log-uniform prior
};
// How readily civilians flee (displacement) and how often JNIM abuses them (its killings):
// both "calibrated by hand" in dynamics.yaml (0.005 and 0.3); the truth is set away from them.
constexpr Known kKnown[] = {{"sahel.civilians.flee_rate", 0.009, 0.001, 0.05},
                            {"sahel.actors.jnim.abuse", 0.6, 0.05, 5.0}};
// The baseline's own seed; calibration runs draw 53-bit seeds (calibrate::run_seed). The draw is
// typical: the displaced of April-December 2012 at the truth has a median of about 320,000 and a
// log sd of 0.12 over seeds 100-115; seed 1 gives 351,800. (Seed 987654321 gives 482,000, 3.4 sd
// out, and the flee rate's 90% interval then misses the truth, as it should for such a draw:
// docs/calibrate.md.)
constexpr std::uint64_t kTruthSeed = 1;

// The synthetic record, at the known values: the displaced while the north is taken and
// retaken (mean of April-December 2012: the flight rate shows before returns blur it; later
// means vary by a factor of 2 between seeds at this scale), and JNIM's killings of civilians,
// 2012-2014. The same windows as the spec's targets below.
const insim::sweep::MetricDef kDisplaced{
    "displaced", {"displaced"}, {2012, 4, 1}, {2012, 12, 31}, insim::sweep::Aggregate::mean};
const insim::sweep::MetricDef kKilled{"killed",
                                      {"civilians_killed_by_jnim"},
                                      {2012, 1, 1},
                                      {2014, 12, 31},
                                      insim::sweep::Aggregate::sum};

std::vector<double> observe(const std::filesystem::path& base) {
  std::vector<insim::scenario::Override> truth;
  for (const Known& k : kKnown) truth.push_back({k.path, insim::output::format_number(k.value)});
  const auto scenario = insim::load_scenario_file(base, truth);
  insim::sweep::SweepDef metrics;
  metrics.metrics = {kDisplaced, kKilled};
  const auto sim = insim::make_simulation(scenario.def, kTruthSeed);
  const insim::sweep::RunMetrics run(metrics, *sim);
  return run.run(*sim, *sim->calendar(), scenario.def.run.steps, {}).metrics;
}

}  // namespace

TEST_CASE(
    "calibrate: a synthetic Sahel run's flee rate and JNIM abuse lie in their 90% "
    "posterior intervals, each much narrower than its prior",
    "[calibrate][slow]") {
  ScratchFolder dir("calibrate-synthetic");
  dir.write("base.yaml", kBase);
  const std::vector<double> observed = observe(dir / "base.yaml");
  REQUIRE(observed[0] > 0.0);
  REQUIRE(observed[1] > 0.0);
  std::string spec = "calibrate:\n  scenario: base.yaml\n  seed: 17\n  parameters:\n";
  for (const Known& k : kKnown) {
    spec += fmt::format("    - {{path: {}, distribution: log_uniform, low: {}, high: {}}}\n",
                        k.path, k.low, k.high);
  }
  spec += fmt::format(
      "  targets:\n"
      "    - {{name: displaced, columns: [displaced], from: 2012-04-01, to: 2012-12-31, "
      "aggregate: mean, observed: {{value: {}, source: \"the model at the known values\"}}}}\n"
      "    - {{name: killed, columns: [civilians_killed_by_jnim], from: 2012-01-01, to: "
      "2014-12-31, aggregate: sum, observed: {{value: {}, source: \"the model\"}}}}\n"
      "  abc: {{particles: 40, generations: 4, quantile: 0.5, replicates: 1, min_acceptance: "
      "0.05}}\n",
      insim::output::format_number(observed[0]), insim::output::format_number(observed[1]));
  dir.write("spec.yaml", spec);

  insim::calibrate::CalibrateOptions o;
  o.spec = dir / "spec.yaml";
  o.out_dir = dir / "out";
  const auto outcome = insim::calibrate::run_calibration(o);
  const auto& last = outcome.result.generations.back();
  std::cout << "synthetic recovery: observed " << observed[0] << " displaced, " << observed[1]
            << " killed; " << outcome.wall_seconds << " s\n";
  for (const auto& g : outcome.result.generations) {
    std::cout << "  generation " << g.index << ": tolerance " << g.tolerance << ", "
              << g.particles.size() << " of " << g.candidates << " candidates\n";
  }
  for (std::size_t j = 0; j < std::size(kKnown); ++j) {
    const Known& k = kKnown[j];
    std::vector<double> values, weights;
    for (const auto& p : last.particles) {
      values.push_back(p.theta[j]);
      weights.push_back(p.weight);
    }
    const auto s = insim::calibrate::weighted_summary(values, weights);
    // How far inside the interval the truth lies, in log units, and the interval's share of the
    // prior's log width.
    const double margin = std::min(std::log(k.value / s.p5), std::log(s.p95 / k.value));
    const double share = std::log(s.p95 / s.p5) / std::log(k.high / k.low);
    std::cout << "  " << k.path << ": truth " << k.value << ", median " << s.p50
              << ", 90% interval [" << s.p5 << ", " << s.p95 << "], margin " << margin
              << " (log), width " << share << " of the prior's\n";
    INFO(k.path << ": truth " << k.value << ", 90% interval [" << s.p5 << ", " << s.p95 << "]");
    CHECK(s.p5 <= k.value);
    CHECK(k.value <= s.p95);
    CHECK(share < 0.4);
  }
}
