#pragma once
// One run of a comparison, reduced as it goes: each complete calendar month becomes a row of
// outcome values (compare/run_rows.hpp writes it to the run's file), and each row of the table
// of differences a single number over the window. Nothing grows with the number of weeks.
#include <cstdint>
#include <span>
#include <vector>

#include "compare/outcomes.hpp"
#include "compare/run_rows.hpp"
#include "core/calendar.hpp"
#include "engine/simulation.hpp"

namespace insim::compare {

// The outcomes as indices into a simulation's observations: national columns and the flat
// places x place_columns array of observe_places().
class ResolvedOutcomes {
 public:
  // Throws InputError naming the outcome and the column the model does not observe.
  ResolvedOutcomes(const Outcomes& outcomes, const Simulation& sim);
  [[nodiscard]] std::size_t size() const { return aggregation_.size(); }
  [[nodiscard]] Aggregation aggregation(std::size_t k) const { return aggregation_[k]; }
  // Outcome k's value from one observation (NaN for a zero that means "missing").
  [[nodiscard]] double value(std::size_t k, std::span<const double> national,
                             std::span<const double> places) const;

 private:
  std::vector<std::size_t> term_begin_;  // terms of outcome k: [term_begin_[k], term_begin_[k+1])
  std::vector<std::size_t> term_index_;
  std::vector<bool> term_is_place_;
  std::vector<double> scale_;
  std::vector<Aggregation> aggregation_;
  std::vector<bool> zero_is_missing_;
};

// Months from the calendar's start month with every week simulated in `steps` steps: month m
// (0 = the start's month) holds the weeks that start in it; its stock value is the last state
// dated in it.
[[nodiscard]] std::int64_t complete_months(const Calendar& calendar, std::int64_t steps);
// "YYYY-MM" of month m.
[[nodiscard]] std::string month_label(const Calendar& calendar, std::int64_t m);

struct TableWindow {
  Date from;
  Date to;  // inclusive
};

// Runs `sim` from its current step for `steps` steps, writing complete_months() rows of
// outcomes.size() values to `writer` (not closed), and returns one value per `table_rows`
// entry over the window: the sum of a flow's weeks that start in it, the mean of a stock's
// states dated in it (NaN when none). Calls `between_steps()` before every step (a stop
// request throws from there).
[[nodiscard]] std::vector<double> run_and_reduce(Simulation& sim, const Calendar& calendar,
                                                 std::int64_t steps,
                                                 const ResolvedOutcomes& outcomes,
                                                 std::span<const TableRow> table_rows,
                                                 const TableWindow& window, RowWriter& writer,
                                                 const std::function<void()>& between_steps);

}  // namespace insim::compare
