#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <vector>

#include "models/epstein/epstein_model.hpp"

using namespace insim::epstein;

namespace {

EpsteinDef crowded(Activation activation, std::int64_t max_jail_term, JailDraw draw) {
  EpsteinDef def;
  def.width = 30;
  def.height = 30;
  def.citizen_density = 0.6;
  def.cop_density = {ScheduleKind::constant, 0.06, 0.06, 0, 0};
  def.citizen_vision = 4;
  def.cop_vision = 4;
  def.legitimacy = {ScheduleKind::constant, 0.6, 0.6, 0, 0};  // many actives, many arrests
  def.max_jail_term = max_jail_term;
  def.jail_draw = draw;
  def.activation = activation;
  return def;
}

}  // namespace

TEST_CASE("epstein: a cop arrests only active citizens within its vision", "[epstein]") {
  // One cop at (20, 20), vision 3. Three actives in its vision, two quiet citizens in its vision
  // (H = 0: never active), two actives just outside. Over many seeds each step arrests one of the
  // three, each of them sometimes.
  for (VisionShape shape : {VisionShape::von_neumann, VisionShape::moore, VisionShape::euclidean}) {
    for (Activation activation : {Activation::sequential, Activation::parallel}) {
      EpsteinDef def;
      def.width = def.height = 41;
      def.cop_vision = 3;
      def.citizen_vision = 3;
      def.vision_shape = shape;
      def.movement = false;
      def.activation = activation;
      def.legitimacy = {ScheduleKind::constant, 0.5, 0.5, 0, 0};
      def.max_jail_term = 5;
      Layout layout;
      layout.cops.push_back({20, 20});
      const int inside[][2] = {{21, 20}, {20, 18}, {18, 21}};  // in every shape, radius 3
      const int outside[][2] = {{24, 20}, {20, 16}};           // at distance 4
      for (auto& p : inside) layout.citizens.push_back({p[0], p[1], 1.0, 0.0, true});
      for (auto& p : outside) layout.citizens.push_back({p[0], p[1], 1.0, 0.0, true});
      layout.citizens.push_back({19, 19, 0.0, 0.0, false});
      layout.citizens.push_back({22, 20, 0.0, 0.0, false});
      std::map<std::int32_t, int> chosen;
      for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        EpsteinModel m(def, seed, layout);
        m.step();
        REQUIRE(m.last_arrests().size() == 1);
        const Arrest& a = m.last_arrests()[0];
        CHECK(a.cop == m.citizen_count());
        CHECK(a.cop_cell == m.torus().cell(20, 20));
        REQUIRE(a.citizen < 3);  // one of the three actives in vision
        CHECK(a.citizen_cell == m.torus().cell(inside[a.citizen][0], inside[a.citizen][1]));
        ++chosen[a.citizen];
      }
      for (std::int32_t c = 0; c < 3; ++c) CHECK(chosen[c] > 60);  // ~100 each if uniform
    }
  }
}

TEST_CASE("epstein: every arrest takes a citizen within the arresting cop's vision", "[epstein]") {
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    EpsteinModel m(crowded(activation, 10, JailDraw::exclusive), 5);
    const Torus& t = m.torus();
    std::int64_t arrests = 0;
    for (int step = 0; step < 60; ++step) {
      m.step();
      std::set<std::int32_t> cops, citizens;
      for (const Arrest& a : m.last_arrests()) {
        ++arrests;
        REQUIRE(m.is_cop(a.cop));
        REQUIRE_FALSE(m.is_cop(a.citizen));
        REQUIRE(m.cop_vision().contains(t.dx(a.cop_cell, a.citizen_cell),
                                        t.dy(a.cop_cell, a.citizen_cell)));
        REQUIRE(cops.insert(a.cop).second);          // one arrest per cop per step
        REQUIRE(citizens.insert(a.citizen).second);  // one cop per citizen
        REQUIRE_FALSE(m.is_active(a.citizen));
        REQUIRE(m.arrest_cell(a.citizen) == a.citizen_cell);
      }
    }
    CHECK(arrests > 100);
  }
}

TEST_CASE("epstein: jail terms are uniform on 0..J-1 (exclusive) or 0..J (inclusive)",
          "[epstein]") {
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    for (JailDraw draw : {JailDraw::exclusive, JailDraw::inclusive}) {
      EpsteinModel m(crowded(activation, 3, draw), 9);
      std::map<std::int32_t, int> terms;
      for (int step = 0; step < 200; ++step) {
        m.step();
        for (const Arrest& a : m.last_arrests()) ++terms[a.jail_term];
      }
      const std::int32_t top = draw == JailDraw::exclusive ? 2 : 3;
      REQUIRE(terms.begin()->first == 0);
      REQUIRE(terms.rbegin()->first == top);
      REQUIRE(terms.size() == static_cast<std::size_t>(top) + 1);
      int total = 0;
      for (auto [term, n] : terms) total += n;
      for (auto [term, n] : terms) CHECK(n > total / (top + 1) * 8 / 10);
    }
  }
}

TEST_CASE(
    "epstein: a jailed citizen serves its term off the grid, then returns to its cell "
    "or, if taken, near it",
    "[epstein]") {
  // A term j drawn at step s counts down at the end of every step, the arrest step included:
  // off the grid after steps s .. s + j - 2 with j - 1 - k steps left after step s + k, back
  // after step s + j - 1 (a term of 0 or 1 returns at the end of the arrest step).
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    EpsteinDef def = crowded(activation, 8, JailDraw::inclusive);
    EpsteinModel m(def, 13);
    struct Sentence {
      std::int64_t step;
      std::int32_t term;
    };
    std::map<std::int32_t, Sentence> serving;
    std::int64_t released = 0, long_terms = 0, back_home = 0, displaced = 0;
    for (int step = 1; step <= 150; ++step) {
      m.step();
      for (const Arrest& a : m.last_arrests()) {
        serving[a.citizen] = {step, a.jail_term};
        long_terms += a.jail_term >= 2;
      }
      for (auto it = serving.begin(); it != serving.end();) {
        const auto [citizen, s] = *it;
        const std::int64_t out_at =
            s.step + std::max(s.term, 1) - 1;  // step after which it is back
        if (step < out_at) {
          REQUIRE(m.is_jailed(citizen));
          REQUIRE(m.jail_term(citizen) == s.term - 1 - (step - s.step));
          ++it;
        } else {
          REQUIRE_FALSE(m.is_jailed(citizen));  // grid at 60% density: room to come back
          REQUIRE(m.jail_term(citizen) == 0);
          REQUIRE_FALSE(m.is_active(citizen));  // released quiet; decides next step
          // back on its arrest cell if that was free, else within vision of it
          const std::int32_t home = m.arrest_cell(citizen);
          const std::int32_t now = m.cell_of(citizen);
          if (now == home) {
            ++back_home;
          } else {
            ++displaced;
            REQUIRE(m.occupants()[static_cast<std::size_t>(home)] >= 0);
            REQUIRE(m.citizen_vision().contains(m.torus().dx(home, now), m.torus().dy(home, now)));
          }
          ++released;
          it = serving.erase(it);
        }
      }
    }
    CHECK(released > 100);
    CHECK(long_terms > 50);
    CHECK(back_home > 10);
    CHECK(displaced > 10);
  }
}

TEST_CASE("epstein: in parallel, two cops wanting one citizen: one arrests, by priority",
          "[epstein]") {
  EpsteinDef def;
  def.width = def.height = 15;
  def.citizen_vision = def.cop_vision = 2;
  def.movement = false;
  def.activation = Activation::parallel;
  def.legitimacy = {ScheduleKind::constant, 0.5, 0.5, 0, 0};
  Layout layout;
  layout.citizens.push_back({7, 7, 1.0, 0.0, true});
  layout.cops.push_back({6, 7});
  layout.cops.push_back({8, 7});
  std::map<std::int32_t, int> arresting;
  for (std::uint64_t seed = 1; seed <= 200; ++seed) {
    EpsteinModel m(def, seed, layout);
    m.step();
    REQUIRE(m.last_arrests().size() == 1);
    ++arresting[m.last_arrests()[0].cop];
  }
  REQUIRE(arresting.size() == 2);
  for (auto [cop, n] : arresting) CHECK(n > 70);  // 100 each if fair
}

TEST_CASE("epstein: a citizen who turns active is seen by cops in the same step", "[epstein]") {
  // Quiet now, but H = 1, R = 0: it turns active in the decision phase and the cop next to it,
  // acting after the decisions (parallel) or after it (sequential, cop second), arrests it.
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    EpsteinDef def;
    def.width = def.height = 15;
    def.citizen_vision = def.cop_vision = 2;
    def.movement = false;
    def.activation = activation;
    def.legitimacy = {ScheduleKind::constant, 0.5, 0.5, 0, 0};
    Layout layout;
    layout.citizens.push_back({7, 7, 1.0, 0.0, false});
    layout.cops.push_back({8, 7});
    int arrested = 0;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
      EpsteinModel m(def, seed, layout);
      m.step();
      arrested += static_cast<int>(m.last_arrests().size());
    }
    if (activation == Activation::parallel)
      CHECK(arrested == 40);
    else
      CHECK((arrested > 10 && arrested < 30));  // only when the citizen acted before the cop
  }
}
