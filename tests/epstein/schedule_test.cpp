#include <catch2/catch.hpp>
#include <cmath>
#include <span>
#include <vector>

#include "models/epstein/epstein_model.hpp"

using namespace insim::epstein;

TEST_CASE("epstein: schedules give the initial, dropped and interpolated values", "[epstein]") {
  const Schedule constant{ScheduleKind::constant, 0.8, 0.3, 10, 20};
  CHECK(constant.at(0) == 0.8);
  CHECK(constant.at(15) == 0.8);
  CHECK(constant.at(100) == 0.8);

  const Schedule drop{ScheduleKind::drop, 0.9, 0.7, 50, 0};
  CHECK(drop.at(0) == 0.9);
  CHECK(drop.at(49) == 0.9);
  CHECK(drop.at(50) == 0.7);
  CHECK(drop.at(1000) == 0.7);

  const Schedule linear{ScheduleKind::linear, 0.9, 0.7, 50, 150};
  CHECK(linear.at(0) == 0.9);
  CHECK(linear.at(50) == 0.9);
  CHECK(linear.at(100) == Approx(0.8));
  CHECK(linear.at(75) == Approx(0.85));
  CHECK(linear.at(150) == 0.7);
  CHECK(linear.at(400) == 0.7);
}

namespace {
std::vector<double> row_of(const EpsteinModel& m) {
  std::vector<double> row(m.columns().size());
  m.observe(row);
  return row;
}
}  // namespace

TEST_CASE("epstein: the legitimacy column follows its schedule", "[epstein]") {
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    EpsteinDef def;
    def.activation = activation;
    def.legitimacy = {ScheduleKind::linear, 0.9, 0.5, 5, 25};
    EpsteinModel m(def, 1);
    CHECK(m.columns()[1] == "legitimacy");
    for (int t = 0; t <= 30; ++t) {
      REQUIRE(row_of(m)[0] == t);
      REQUIRE(row_of(m)[1] == def.legitimacy.at(t));
      REQUIRE(m.legitimacy() == def.legitimacy.at(t));
      m.step();
    }
  }
}

TEST_CASE("epstein: the cop count follows the cop-density schedule", "[epstein]") {
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    for (bool rising : {false, true}) {
      EpsteinDef def;  // 40 x 40 = 1600 cells
      def.activation = activation;
      def.cop_density = rising ? Schedule{ScheduleKind::linear, 0.02, 0.06, 10, 30}
                               : Schedule{ScheduleKind::linear, 0.06, 0.02, 10, 30};
      EpsteinModel m(def, 4);
      CHECK(m.cop_capacity() == 96);
      std::vector<std::int32_t> cells_before;
      for (int t = 0; t <= 40; ++t) {
        const auto expected = std::llround(def.cop_density.at(t) * 1600);
        REQUIRE(m.cop_count() == expected);
        REQUIRE(row_of(m)[2] == static_cast<double>(expected));
        // the cops present are the lowest ids; those beyond are off the grid
        for (std::int32_t k = 0; k < m.cop_capacity(); ++k) {
          const std::int32_t cop = m.citizen_count() + k;
          if (k < m.cop_count()) {
            REQUIRE(m.cell_of(cop) >= 0);
            REQUIRE(m.cell_codes()[static_cast<std::size_t>(m.cell_of(cop))] == CellCode::cop);
          } else {
            REQUIRE(m.cell_of(cop) == -1);
          }
        }
        std::int64_t cop_cells = 0;
        for (CellCode c : m.cell_codes()) cop_cells += c == CellCode::cop;
        REQUIRE(cop_cells == m.cop_count());
        m.step();
      }
      CHECK(m.cop_count() == (rising ? 96 : 32));
    }
  }
}

TEST_CASE("epstein: a layout keeps its cops until the cop-density schedule changes", "[epstein]") {
  EpsteinDef def;
  def.width = def.height = 20;  // 400 cells; density 0.01 -> 4 cops
  def.citizen_vision = def.cop_vision = 3;
  def.cop_density = {ScheduleKind::drop, 0.01, 0.01 * 2, 5, 0};
  Layout layout;
  layout.citizens.push_back({1, 1, 0.5, 0.5, false});
  for (int i = 0; i < 7; ++i) layout.cops.push_back({3 + 2 * i, 10});
  EpsteinModel m(def, 2, layout);
  for (int t = 0; t < 5; ++t) {
    REQUIRE(m.cop_count() == 7);
    m.step();
  }
  CHECK(m.cop_count() == 8);  // step 5: round(0.02 * 400)
  CHECK(m.cop_capacity() == 8);
}
