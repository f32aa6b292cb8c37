#pragma once
// The Sahel model as the runner sees it: a Simulation whose step() runs the weekly phases
// (processes/processes.hpp) and whose outputs are national weekly rows, per-region rows, the
// events log and yearly totals in UCDP's types (decision 0001, Decision 7).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "models/sahel/processes/processes.hpp"
#include "models/sahel/sahel_def.hpp"

namespace insim::sahel {

// Deaths of one calendar year, in UCDP's categories (people).
struct YearTotals {
  int year = 0;
  std::int64_t state_based = 0;
  std::int64_t non_state = 0;
  std::int64_t one_sided = 0;
  std::int64_t one_sided_by_government = 0;
  [[nodiscard]] std::int64_t total() const { return state_based + non_state + one_sided; }
};

class SahelModel final : public Simulation {
 public:
  SahelModel(const SahelDef& def, std::uint64_t seed);
  // Rules and schedule point into def_: the model stays where it was built.
  SahelModel(const SahelModel&) = delete;
  SahelModel& operator=(const SahelModel&) = delete;

  [[nodiscard]] std::span<const std::string> columns() const override { return columns_; }
  void observe(std::span<double> row) const override;
  void step() override;
  [[nodiscard]] std::int64_t current_step() const override { return state_.step; }
  [[nodiscard]] std::int64_t agent_count() const override;
  [[nodiscard]] std::vector<std::pair<std::string, double>> summary() const override;
  [[nodiscard]] std::uint64_t state_hash() const override;

  [[nodiscard]] std::optional<Calendar> calendar() const override {
    return state_.world.calendar;
  }
  [[nodiscard]] std::span<const std::string> places() const override {
    return state_.world.regions.name;
  }
  [[nodiscard]] std::span<const std::string> place_columns() const override {
    return place_columns_;
  }
  void observe_places(std::span<double> values) const override;
  [[nodiscard]] std::vector<FinalTable> final_tables() const override;

  // For validation and tests.
  [[nodiscard]] const State& state() const { return state_; }
  [[nodiscard]] const std::vector<YearTotals>& years() const { return years_; }
  // The value of a national column now (throws std::out_of_range for an unknown name).
  [[nodiscard]] double value(std::string_view column) const;
  // The total number of steps the calendar covers.
  [[nodiscard]] std::int64_t calendar_steps() const { return state_.world.steps; }

 private:
  void record();  // phase 7: this step's national and regional values, yearly totals

  SahelDef def_;
  std::uint64_t seed_;
  Rules rules_;
  Schedule schedule_;
  State state_;
  std::vector<std::string> columns_;
  std::vector<std::string> place_columns_;
  std::vector<double> row_;     // columns_ order
  std::vector<double> places_;  // regions x place_columns_
  std::vector<YearTotals> years_;
};

}  // namespace insim::sahel
