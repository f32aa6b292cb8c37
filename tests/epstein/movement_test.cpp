#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <vector>

#include "models/epstein/epstein_model.hpp"

using namespace insim::epstein;

namespace {

// The grid and the agents' cells describe the same one-agent-per-cell placement.
void require_one_agent_per_cell(const EpsteinModel& m) {
  const auto occupants = m.occupants();
  const auto codes = m.cell_codes();
  std::int64_t occupied = 0;
  for (std::size_t c = 0; c < occupants.size(); ++c) {
    const std::int32_t a = occupants[c];
    if (a < 0) {
      REQUIRE(codes[c] == CellCode::empty);
      continue;
    }
    ++occupied;
    REQUIRE(m.cell_of(a) == static_cast<std::int32_t>(c));
    REQUIRE((codes[c] == CellCode::cop) == m.is_cop(a));
  }
  std::int64_t on_grid = 0;
  for (std::int32_t a = 0; a < m.citizen_count() + m.cop_count(); ++a) {
    const std::int32_t c = m.cell_of(a);
    if (c < 0) continue;
    ++on_grid;
    REQUIRE(occupants[static_cast<std::size_t>(c)] == a);
  }
  REQUIRE(on_grid == occupied);
  REQUIRE(m.counts().quiet + m.counts().active + m.counts().jailed == m.citizen_count());
  REQUIRE(m.counts().jailed == m.citizen_count() - (occupied - m.cop_count()));
}

EpsteinDef busy_def(Activation activation) {
  EpsteinDef def;
  def.width = 30;
  def.height = 25;
  def.citizen_density = 0.75;  // crowded: many agents compete for few empty cells
  def.cop_density = {ScheduleKind::constant, 0.08, 0.08, 0, 0};
  def.citizen_vision = 3;
  def.cop_vision = 3;
  def.legitimacy = {ScheduleKind::constant, 0.7, 0.7, 0, 0};
  def.activation = activation;
  return def;
}

}  // namespace

TEST_CASE("epstein: never two agents on one cell, after every step of either activation",
          "[epstein]") {
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    for (StepOrder order : {StepOrder::move_then_act, StepOrder::act_then_move}) {
      EpsteinDef def = busy_def(activation);
      def.step_order = order;
      EpsteinModel m(def, 42);
      require_one_agent_per_cell(m);
      std::int64_t arrests = 0;
      for (int t = 0; t < 150; ++t) {
        m.step();
        arrests += static_cast<std::int64_t>(m.last_arrests().size());
        require_one_agent_per_cell(m);
      }
      CHECK(arrests > 0);  // jail and release were exercised
    }
  }
}

TEST_CASE("epstein: agents move only to cells within their vision, for every shape", "[epstein]") {
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    for (VisionShape shape :
         {VisionShape::von_neumann, VisionShape::moore, VisionShape::euclidean}) {
      EpsteinDef def = busy_def(activation);
      def.citizen_density = 0.5;
      def.vision_shape = shape;
      def.citizen_vision = 4;
      def.cop_vision = 2;
      EpsteinModel m(def, 7);
      const Torus& t = m.torus();
      const std::int32_t agents = m.citizen_count() + m.cop_count();
      std::vector<std::int32_t> before(static_cast<std::size_t>(agents));
      std::int64_t moves = 0, releases = 0;
      for (int step = 0; step < 40; ++step) {
        for (std::int32_t a = 0; a < agents; ++a)
          before[static_cast<std::size_t>(a)] = m.cell_of(a);
        m.step();
        for (std::int32_t a = 0; a < agents; ++a) {
          const std::int32_t from = before[static_cast<std::size_t>(a)];
          const std::int32_t to = m.cell_of(a);
          if (to < 0) continue;  // jailed now
          const Vision& v = m.is_cop(a) ? m.cop_vision() : m.citizen_vision();
          if (from < 0) {  // released: within the citizen's vision of its arrest cell
            ++releases;
            const std::int32_t home = m.arrest_cell(a);
            REQUIRE(v.contains(t.dx(home, to), t.dy(home, to)));
            continue;
          }
          const auto arrest = std::find_if(m.last_arrests().begin(), m.last_arrests().end(),
                                           [&](const Arrest& r) { return r.citizen == a; });
          if (arrest != m.last_arrests().end()) {  // moved (or not), arrested, released at once
            REQUIRE(v.contains(t.dx(from, arrest->citizen_cell), t.dy(from, arrest->citizen_cell)));
            REQUIRE(v.contains(t.dx(arrest->citizen_cell, to), t.dy(arrest->citizen_cell, to)));
            continue;
          }
          moves += from != to;
          REQUIRE(v.contains(t.dx(from, to), t.dy(from, to)));
        }
      }
      CHECK(moves > 1000);
      CHECK(releases > 0);
    }
  }
}

TEST_CASE("epstein: with movement off, agents on the grid stay where they are", "[epstein]") {
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    EpsteinDef def = busy_def(activation);
    def.movement = false;
    EpsteinModel m(def, 3);
    const std::int32_t agents = m.citizen_count() + m.cop_count();
    std::vector<std::int32_t> start(static_cast<std::size_t>(agents));
    for (std::int32_t a = 0; a < agents; ++a) start[static_cast<std::size_t>(a)] = m.cell_of(a);
    for (int step = 0; step < 30; ++step) {
      m.step();
      for (std::int32_t a = 0; a < agents; ++a) {
        const std::int32_t c = m.cell_of(a);
        if (m.is_cop(a)) REQUIRE(c == start[static_cast<std::size_t>(a)]);
        // a citizen may be jailed, and is released onto its own cell, still free
        if (!m.is_cop(a) && c >= 0) REQUIRE(c == start[static_cast<std::size_t>(a)]);
      }
    }
  }
}

TEST_CASE("epstein: parallel moves to one free cell: one agent wins, by priority, others stay",
          "[epstein]") {
  // 7 x 7 torus, Moore vision 1, every cell taken but (3, 3): only its 8 neighbours can move,
  // all of them propose (3, 3), and exactly one gets it; which one varies with the seed.
  EpsteinDef def;
  def.width = def.height = 7;
  def.citizen_vision = def.cop_vision = 1;
  def.vision_shape = VisionShape::moore;
  def.activation = Activation::parallel;
  def.legitimacy = {ScheduleKind::constant, 0.9, 0.9, 0, 0};  // nobody turns active
  def.cop_density = {ScheduleKind::constant, 0.0, 0.0, 0, 0};
  Layout layout;
  for (int y = 0; y < 7; ++y)
    for (int x = 0; x < 7; ++x)
      if (x != 3 || y != 3) layout.citizens.push_back({x, y, 0.0, 0.5, false});
  std::map<std::int32_t, int> winners;
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    EpsteinModel m(def, seed, layout);
    const std::int32_t centre = m.torus().cell(3, 3);
    m.step();
    const std::int32_t winner = m.occupants()[static_cast<std::size_t>(centre)];
    REQUIRE(winner >= 0);
    ++winners[winner];
    int moved = 0;
    for (std::int32_t a = 0; a < m.citizen_count(); ++a) {
      const auto& p = layout.citizens[static_cast<std::size_t>(a)];
      if (m.cell_of(a) != m.torus().cell(p.x, p.y)) ++moved;
    }
    REQUIRE(moved == 1);
    const std::int32_t from = m.torus().cell(layout.citizens[static_cast<std::size_t>(winner)].x,
                                             layout.citizens[static_cast<std::size_t>(winner)].y);
    REQUIRE(m.cell_codes()[static_cast<std::size_t>(from)] == CellCode::empty);
  }
  REQUIRE(winners.size() == 8);                   // every neighbour wins sometimes
  for (auto [agent, n] : winners) CHECK(n > 25);  // 50 each if fair
}
