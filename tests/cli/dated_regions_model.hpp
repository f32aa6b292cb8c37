#pragma once
// A small Simulation with what the Sahel model adds to the runner's outputs: a weekly calendar
// from 2012-01-01, three places (non-ASCII and CSV-hostile names) observed on two variables,
// and end-of-run tables. Its values are a known function of step, place and variable, so tests
// can check every number the runner wrote.
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "run/runner.hpp"

namespace insim::test {

class DatedRegionsModel : public Simulation {
 public:
  inline static const std::vector<std::string> kPlaces{"Ségou", "Mopti",
                                                       "Tombouctou, \"Timbuktu\""};
  inline static const std::vector<std::string> kPlaceColumns{"displaced", "deaths"};

  // Observed value of variable c in place p at `step`: integers and reals both.
  static double place_value(std::int64_t step, std::size_t p, std::size_t c) {
    return static_cast<double>(step) * 10.0 + static_cast<double>(p) +
           0.25 * static_cast<double>(c);
  }

  static std::vector<FinalTable> default_tables() {
    return {{"events.csv",
             {"date", "kind", "region"},
             {{"2012-01-17", "attack", "Ménaka"},
              {"2012-03-22", "coup, mutiny", "Kati \"camp\"\nSoundiata"}}},
            {"yearly.csv", {"year", "deaths"}, {{"2012", "31"}}}};
  }

  explicit DatedRegionsModel(std::vector<FinalTable> tables, bool fail_at_end = false)
      : tables_(std::move(tables)), fail_at_end_(fail_at_end) {}

  [[nodiscard]] std::span<const std::string> columns() const override { return columns_; }
  void observe(std::span<double> row) const override {
    row[0] = static_cast<double>(step_);
    row[1] = static_cast<double>(step_) * 0.5;
  }
  void step() override { ++step_; }
  [[nodiscard]] std::int64_t current_step() const override { return step_; }
  [[nodiscard]] std::int64_t agent_count() const override { return 3; }
  [[nodiscard]] std::vector<std::pair<std::string, double>> summary() const override { return {}; }
  [[nodiscard]] std::uint64_t state_hash() const override {
    return static_cast<std::uint64_t>(step_);
  }

  [[nodiscard]] std::optional<Calendar> calendar() const override {
    return Calendar(Date{2012, 1, 1}, StepUnit::week);
  }
  [[nodiscard]] std::span<const std::string> places() const override { return kPlaces; }
  [[nodiscard]] std::span<const std::string> place_columns() const override {
    return kPlaceColumns;
  }
  void observe_places(std::span<double> values) const override {
    for (std::size_t p = 0; p < kPlaces.size(); ++p) {
      for (std::size_t c = 0; c < kPlaceColumns.size(); ++c) {
        values[p * kPlaceColumns.size() + c] = place_value(step_, p, c);
      }
    }
  }
  [[nodiscard]] std::vector<FinalTable> final_tables() const override {
    if (fail_at_end_) throw std::runtime_error("model failed while building its tables");
    return tables_;
  }

 private:
  std::vector<std::string> columns_{"step", "half_step"};
  std::int64_t step_ = 0;
  std::vector<FinalTable> tables_;
  bool fail_at_end_;
};

// Run options that run DatedRegionsModel (with `tables`) instead of the scenario's model.
inline RunOptions dated_regions_options(
    std::filesystem::path out, std::vector<FinalTable> tables = DatedRegionsModel::default_tables(),
    bool fail_at_end = false) {
  RunOptions o;
  o.threads = 1;
  o.out_dir = std::move(out);
  o.simulation_factory = [tables = std::move(tables), fail_at_end](const ScenarioDef&,
                                                                   std::uint64_t) {
    return std::make_unique<DatedRegionsModel>(tables, fail_at_end);
  };
  return o;
}

// 10 weekly steps recorded every 4: steps 0, 4, 8 and 10.
inline LoadedScenario dated_regions_scenario() {
  LoadedScenario s;
  s.def.name = "dated";
  s.def.run.steps = 10;
  s.def.run.record_every = 4;
  s.info.files = {"dated.yaml"};
  s.info.hash = "0123456789abcdef";
  return s;
}

}  // namespace insim::test
