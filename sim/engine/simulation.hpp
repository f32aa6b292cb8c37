#pragma once
// What the runner needs from a model: advance a step, and observe the current state as a row
// of named numbers. Describing (Def), running (Simulation) and recording (output/) are
// separate types (FLAME GPU 2: ModelDescription / CUDASimulation / LoggingConfig).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"

namespace insim {

// A table written once at the end of a run (events log, yearly totals): CSV with a header.
// Cells are text, already formatted by the model (numbers with output/number_format.hpp).
struct FinalTable {
  std::string file;                 // "events.csv"
  std::vector<std::string> header;  // column names
  std::vector<std::vector<std::string>> rows;
};

class Simulation {
 public:
  virtual ~Simulation() = default;

  // Names of the observed quantities, fixed for the life of the simulation; `step` comes
  // first and is the index of the step the state belongs to (0 = initial state).
  [[nodiscard]] virtual std::span<const std::string> columns() const = 0;
  // Writes the current values, in columns() order, into `row` (row.size() == columns().size()).
  // Must not allocate: it is called every recorded step.
  virtual void observe(std::span<double> row) const = 0;
  // Advances one step. Must not allocate in steady state.
  virtual void step() = 0;
  [[nodiscard]] virtual std::int64_t current_step() const = 0;
  // Number of agents acted on per step, for agent-steps per second.
  [[nodiscard]] virtual std::int64_t agent_count() const = 0;
  // Model-specific results accumulated over the run (e.g. outbursts), name -> value, written
  // into summary.json beside the runner's per-column statistics.
  [[nodiscard]] virtual std::vector<std::pair<std::string, double>> summary() const = 0;
  // A hash of the full model state (positions, statuses, ...) for determinism tests.
  [[nodiscard]] virtual std::uint64_t state_hash() const = 0;

  // Optional, for models with dates and places (the Sahel model); the defaults mean "none".
  // The calendar that maps steps to dates: the runner then writes a `date` column.
  [[nodiscard]] virtual std::optional<Calendar> calendar() const { return std::nullopt; }
  // Places observed each recorded step (regions), and what is observed of each. The runner
  // writes them in long format (step, date, region, variable, value) to regions.csv.
  [[nodiscard]] virtual std::span<const std::string> places() const { return {}; }
  [[nodiscard]] virtual std::span<const std::string> place_columns() const { return {}; }
  // Writes places().size() x place_columns().size() values, row-major by place. Must not
  // allocate.
  virtual void observe_places(std::span<double> values) const { (void)values; }
  // Tables built from the whole run, written once at its end.
  [[nodiscard]] virtual std::vector<FinalTable> final_tables() const { return {}; }
};

}  // namespace insim
