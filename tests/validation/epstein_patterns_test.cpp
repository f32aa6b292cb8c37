// Behaviour of the Epstein model that the literature reports, over many seeds, from
// scenarios/epstein/netlogo_defaults.yaml (40 x 40, citizen density 0.7, cop density 0.04,
// vision 7, L = 0.82, J = 30, floor rule, self counted twice, Euclidean vision, sequential
// activation) unless stated.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "models/epstein/epstein_model.hpp"
#include "models/scenario_def.hpp"
#include "scenario/loader/loader.hpp"

using namespace insim::epstein;

namespace {

constexpr int kSeeds = 12;

insim::ScenarioDef scenario(const std::string& name) {
  insim::ScenarioDef def;
  (void)insim::scenario::load(
      std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "epstein" / name, {},
      [&](insim::scenario::Schema& s) { describe(s, def); });
  return def;
}

std::vector<std::int64_t> actives_over(const EpsteinDef& def, std::uint64_t seed, int steps) {
  EpsteinModel model(def, seed);
  std::vector<std::int64_t> actives;
  actives.reserve(static_cast<std::size_t>(steps));
  for (int t = 0; t < steps; ++t) {
    model.step();
    actives.push_back(model.counts().active);
  }
  return actives;
}

// Epstein (2002): an outburst is a maximal run of steps with more than 50 actives.
int outbursts(const std::vector<std::int64_t>& actives) {
  int n = 0;
  bool in = false;
  for (std::int64_t a : actives) {
    if (a > 50 && !in) ++n;
    in = a > 50;
  }
  return n;
}

// Quiet stretch: at least `length` consecutive steps with fewer than 10 actives.
int quiet_stretches_between_outbursts(const std::vector<std::int64_t>& actives, int length) {
  // Counts stretches that are followed by an outburst (so they separate outbursts, rather than
  // ending the run).
  int n = 0, run = 0;
  bool counted = false;
  for (std::int64_t a : actives) {
    if (a < 10) {
      ++run;
      continue;
    }
    if (run >= length) counted = true;
    run = 0;
    if (counted && a > 50) {
      ++n;
      counted = false;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("epstein pattern: punctuated equilibrium with NetLogo's defaults",
          "[validation][epstein]") {
  // Outbursts of more than 50 actives, separated by quiet stretches of at least 20 steps with
  // fewer than 10 actives, in every seed.
  const EpsteinDef def = scenario("netlogo_defaults.yaml").epstein;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    const auto actives = actives_over(def, seed, 1000);
    INFO("seed " << seed);
    CHECK(outbursts(actives) >= 10);
    CHECK(quiet_stretches_between_outbursts(actives, 20) >= 5);
    CHECK(*std::max_element(actives.begin(), actives.end()) > 150);
  }
}

TEST_CASE("epstein pattern: punctuated equilibrium under parallel activation too",
          "[validation][epstein]") {
  EpsteinDef def = scenario("netlogo_defaults.yaml").epstein;
  def.activation = Activation::parallel;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    const auto actives = actives_over(def, seed, 1000);
    INFO("seed " << seed);
    CHECK(outbursts(actives) >= 10);
    CHECK(quiet_stretches_between_outbursts(actives, 20) >= 5);
  }
}

TEST_CASE("epstein pattern: a sudden legitimacy drop gives a bigger outburst than a gradual one",
          "[validation][epstein]") {
  // scenarios/epstein/legitimacy_{sudden,gradual}.yaml: 0.9 -> 0.7 in one step at step 80, or
  // linearly over steps 80 .. 180; peak actives over the run, paired by seed. (At L = 0.9
  // nobody can be active: G <= 0.1 = T.)
  const insim::ScenarioDef sudden = scenario("legitimacy_sudden.yaml");
  const insim::ScenarioDef gradual = scenario("legitimacy_gradual.yaml");
  const auto steps = static_cast<int>(sudden.run.steps);
  const auto calm = static_cast<std::ptrdiff_t>(sudden.epstein.legitimacy.start);
  int sudden_higher = 0;
  double sudden_sum = 0, gradual_sum = 0;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    const auto a = actives_over(sudden.epstein, seed, steps);
    const auto b = actives_over(gradual.epstein, seed, steps);
    CHECK(*std::max_element(a.begin(), a.begin() + calm - 1) == 0);  // calm before the drop
    const std::int64_t peak_sudden = *std::max_element(a.begin(), a.end());
    const std::int64_t peak_gradual = *std::max_element(b.begin(), b.end());
    sudden_higher += peak_sudden > peak_gradual;
    sudden_sum += static_cast<double>(peak_sudden);
    gradual_sum += static_cast<double>(peak_gradual);
  }
  CHECK(sudden_higher >= kSeeds - 1);
  CHECK(sudden_sum > 1.2 * gradual_sum);
}

TEST_CASE("epstein pattern: the continuous arrest rule gives no outbursts",
          "[validation][epstein]") {
  EpsteinDef def = scenario("netlogo_defaults.yaml").epstein;
  def.arrest_rule = ArrestRule::continuous;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    const auto actives = actives_over(def, seed, 1000);
    INFO("seed " << seed);
    CHECK(outbursts(actives) == 0);
    CHECK(*std::max_element(actives.begin(), actives.end()) <= 50);
  }
}
