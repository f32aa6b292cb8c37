#include "models/epstein/decision.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "models/epstein/epstein_model.hpp"

using namespace insim::epstein;

namespace {
double p_of(double f) { return 1.0 - std::exp(-2.3 * f); }
}  // namespace

TEST_CASE("epstein: round half to even rounds exact ties to the even neighbour", "[epstein]") {
  CHECK(round_half_even_ratio(5, 2) == 2);  // 2.5
  CHECK(round_half_even_ratio(7, 2) == 4);  // 3.5
  CHECK(round_half_even_ratio(1, 2) == 0);  // 0.5
  CHECK(round_half_even_ratio(3, 2) == 2);  // 1.5
  CHECK(round_half_even_ratio(2, 3) == 1);  // 0.67
  CHECK(round_half_even_ratio(4, 3) == 1);  // 1.33
  CHECK(round_half_even_ratio(6, 3) == 2);  // exact
  CHECK(round_half_even_ratio(0, 5) == 0);
}

TEST_CASE("epstein: floor arrest probability is zero once actives outnumber cops", "[epstein]") {
  // NetLogo: P = 1 - exp(-k floor(C/A)).
  CHECK(arrest_probability(ArrestRule::floor, 2.3, 1, 2) == 0.0);
  CHECK(arrest_probability(ArrestRule::floor, 2.3, 2, 3) == 0.0);
  CHECK(arrest_probability(ArrestRule::floor, 2.3, 1, 1) == Approx(0.8997).epsilon(1e-4));
  CHECK(arrest_probability(ArrestRule::floor, 2.3, 5, 2) == Approx(p_of(2)));  // 2.5 -> 2
  CHECK(arrest_probability(ArrestRule::floor, 2.3, 7, 2) == Approx(p_of(3)));  // 3.5 -> 3
}

TEST_CASE("epstein: round arrest probability rounds C/A half to even", "[epstein]") {
  // Mesa: P = 1 - exp(-k round(C/A)) with Python's round.
  CHECK(arrest_probability(ArrestRule::round, 2.3, 5, 2) == Approx(p_of(2)));  // 2.5 -> 2
  CHECK(arrest_probability(ArrestRule::round, 2.3, 7, 2) == Approx(p_of(4)));  // 3.5 -> 4
  CHECK(arrest_probability(ArrestRule::round, 2.3, 1, 2) == 0.0);              // 0.5 -> 0
  CHECK(arrest_probability(ArrestRule::round, 2.3, 3, 2) == Approx(p_of(2)));  // 1.5 -> 2
  CHECK(arrest_probability(ArrestRule::round, 2.3, 2, 3) == Approx(p_of(1)));  // 0.67 -> 1
}

TEST_CASE("epstein: continuous arrest probability uses C/A itself", "[epstein]") {
  CHECK(arrest_probability(ArrestRule::continuous, 2.3, 5, 2) == Approx(p_of(2.5)));
  CHECK(arrest_probability(ArrestRule::continuous, 2.3, 1, 2) == Approx(p_of(0.5)));
  CHECK(arrest_probability(ArrestRule::continuous, 2.3, 2, 3) == Approx(p_of(2.0 / 3.0)));
  CHECK(arrest_probability(ArrestRule::continuous, 2.3, 0, 4) == 0.0);
}

TEST_CASE("epstein: the precomputed arrest probability equals the formula bit for bit",
          "[epstein]") {
  for (ArrestRule rule : {ArrestRule::floor, ArrestRule::round, ArrestRule::continuous}) {
    const ArrestProbability table(rule, 2.3, 40);
    for (std::int64_t c = 0; c <= 40; ++c)
      for (std::int64_t a = 1; a <= 45; ++a)
        REQUIRE(table(c, a) == arrest_probability(rule, 2.3, c, a));
  }
}

TEST_CASE("epstein: self count once adds the citizen once, twice adds an active one again",
          "[epstein]") {
  CHECK(actives_seen(SelfCount::once, 3, false) == 4);
  CHECK(actives_seen(SelfCount::once, 3, true) == 4);
  CHECK(actives_seen(SelfCount::twice, 3, false) == 4);
  CHECK(actives_seen(SelfCount::twice, 3, true) == 5);
}

TEST_CASE("epstein: the activation rule is G - N > T, strictly", "[epstein]") {
  // binary-exact values: 0.375 - 0.5 * 0.5 = 0.125
  CHECK(decides_active(0.375, 0.5, 0.5, 0.0625));
  CHECK_FALSE(decides_active(0.375, 0.5, 0.5, 0.125));  // equal is not enough
  CHECK_FALSE(decides_active(0.375, 0.5, 0.5, 0.25));
  CHECK(decides_active(0.375, 0.0, 0.5, 0.125 + 0.125));  // no risk aversion: N = 0
}

namespace {

// A quiet or active citizen X at (10, 10) seeing `cops` cops and `actives` other actives, placed
// where the cops (vision 1) see no citizen at all, so no arrest disturbs the decision.
// Citizen vision 3 (Moore); cops at distance 3 from X; actives at distance 2 from X on the
// other side. Returns X's status after one step.
bool decision_after_one_step(EpsteinDef def, double hardship, double risk, bool x_active, int cops,
                             int actives, Activation activation) {
  def.width = def.height = 21;
  def.citizen_vision = 3;
  def.cop_vision = 1;
  def.vision_shape = VisionShape::moore;
  def.movement = false;
  def.activation = activation;
  Layout layout;
  layout.citizens.push_back({10, 10, hardship, risk, x_active});
  // Other actives: H = 1, R = 0, so they stay active (G = 1 - L > T for L < 0.9).
  const int active_cells[][2] = {{8, 8}, {9, 8}, {10, 8}, {11, 8}, {12, 8}};
  for (int i = 0; i < actives; ++i)
    layout.citizens.push_back({active_cells[i][0], active_cells[i][1], 1.0, 0.0, true});
  const int cop_cells[][2] = {{7, 13}, {10, 13}, {13, 13}, {7, 12}, {13, 12}};
  for (int i = 0; i < cops; ++i) layout.cops.push_back({cop_cells[i][0], cop_cells[i][1]});
  EpsteinModel model(def, 1, layout);
  model.step();
  REQUIRE(model.last_arrests().empty());
  return model.is_active(0);
}

}  // namespace

TEST_CASE("epstein: a citizen turns active exactly when G - N exceeds T", "[epstein]") {
  // L = 0.5, H = 0.8: G = 0.4. Continuous rule, self once, C = 2, A = 1 + 3 = 4:
  // P = 1 - exp(-2.3 * 0.5) = 0.6834; active iff 0.4 - 0.6834 R > 0.1, i.e. R < 0.4390.
  EpsteinDef def;
  def.legitimacy = {ScheduleKind::constant, 0.5, 0.5, 0, 0};
  def.arrest_rule = ArrestRule::continuous;
  def.self_count = SelfCount::once;
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    CHECK(decision_after_one_step(def, 0.8, 0.43, false, 2, 3, activation));
    CHECK_FALSE(decision_after_one_step(def, 0.8, 0.45, false, 2, 3, activation));
    // an active citizen turns quiet when the rule fails
    CHECK_FALSE(decision_after_one_step(def, 0.8, 0.45, true, 2, 3, activation));
    // floor: C/A = 0.5 -> 0, P = 0: active whatever R
    EpsteinDef floor_def = def;
    floor_def.arrest_rule = ArrestRule::floor;
    CHECK(decision_after_one_step(floor_def, 0.8, 1.0, false, 2, 3, activation));
    // but alone with the cops (A = 1, C/A = 2): P = 0.99, N = 0.99 R
    CHECK_FALSE(decision_after_one_step(floor_def, 0.8, 0.31, false, 2, 0, activation));
    CHECK(decision_after_one_step(floor_def, 0.8, 0.29, false, 2, 0, activation));
  }
}

TEST_CASE("epstein: counting an active citizen twice keeps it active where once would not",
          "[epstein]") {
  // Floor rule, C = 2, one other active. X active: once A = 2 -> P = 0.8997; twice A = 3 ->
  // floor(2/3) = 0 -> P = 0. H = 1, L = 0.5 (G = 0.5), R = 0.9: once N = 0.81 -> quiet;
  // twice N = 0 -> stays active. A quiet X counts A = 2 either way, so it stays quiet.
  EpsteinDef def;
  def.legitimacy = {ScheduleKind::constant, 0.5, 0.5, 0, 0};
  def.arrest_rule = ArrestRule::floor;
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    def.self_count = SelfCount::once;
    CHECK_FALSE(decision_after_one_step(def, 1.0, 0.9, true, 2, 1, activation));
    def.self_count = SelfCount::twice;
    CHECK(decision_after_one_step(def, 1.0, 0.9, true, 2, 1, activation));
    CHECK_FALSE(decision_after_one_step(def, 1.0, 0.9, false, 2, 1, activation));
  }
}
