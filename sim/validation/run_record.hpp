#pragma once
// What one Sahel run produced, reduced to what the validation checks read: a few national and
// per-region series, the yearly totals in UCDP's types, and the events log.
//
// Two kinds of series, because the model records two kinds of quantity:
// - a state series has one value per recorded state, index s = 0..steps (0 = the start date):
//   territory, cohesion, displaced. Index s belongs to calendar.date_of(s).
// - a week series has one value per simulated week, index w = 0..steps-1: deaths. The model
//   observes week w's tallies with state w + 1; here they are filed under w, the week they
//   happened in, dated calendar.date_of(w) like the model's yearly totals.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "models/sahel/sahel_model.hpp"

namespace insim::validation {

// Named series of equal kind; values[i] belongs to names[i].
struct Series {
  std::vector<std::string> names;
  std::vector<std::vector<double>> values;

  void add(std::string name, std::vector<double> v);
  // Throws std::out_of_range naming the series when there is none by that name.
  [[nodiscard]] std::span<const double> operator[](std::string_view name) const;
};

// Indices [begin, end) of a series.
struct Window {
  std::int64_t begin = 0;
  std::int64_t end = 0;
};

// The indices i of a series of `n` values (i dated calendar.date_of(i)) with from <= date <= to;
// nullopt unless the series covers the whole interval (no index dated inside it is missing:
// from is not before the start and date_of(n) is after to) and at least one index lies in it.
[[nodiscard]] std::optional<Window> dated_window(const Calendar& calendar, std::int64_t n,
                                                 Date from, Date to);

// The index of a series of `n` values whose date is nearest to `day` (the earlier on a tie);
// nullopt when `day` lies more than half a step outside [date_of(0), date_of(n - 1)].
[[nodiscard]] std::optional<std::int64_t> nearest_index(const Calendar& calendar, std::int64_t n,
                                                        Date day);

struct RunRecord {
  Calendar calendar{Date{2012, 1, 1}, StepUnit::week};
  std::int64_t steps = 0;                // weeks simulated
  std::vector<std::string> regions;      // the model's places, in its order
  Series national_states;                // by column name, steps + 1 values each
  Series national_weeks;                 // by column name, steps values each
  Series region_states;                  // by "Region/variable", steps + 1 values each
  Series region_weeks;                   // by "Region/variable", steps values each
  std::vector<sahel::YearTotals> years;  // calendar years with every week simulated
  std::vector<sahel::LoggedEvent> log;

  [[nodiscard]] std::optional<Window> states_in(Date from, Date to) const {
    return dated_window(calendar, steps + 1, from, to);
  }
  [[nodiscard]] std::optional<Window> weeks_in(Date from, Date to) const {
    return dated_window(calendar, steps, from, to);
  }
  [[nodiscard]] std::optional<std::int64_t> state_at(Date day) const {
    return nearest_index(calendar, steps + 1, day);
  }
  // The totals of calendar year `y`, or nullptr when the run did not simulate all of it.
  [[nodiscard]] const sahel::YearTotals* year(int y) const;
};

[[nodiscard]] std::string region_key(std::string_view region, std::string_view variable);

// Which columns to keep: everything else the model observes is dropped as the run goes.
struct RecordSpec {
  std::vector<std::string> national_states;
  std::vector<std::string> national_weeks;
  std::vector<std::string> region_states;  // place columns, kept for every region
  std::vector<std::string> region_weeks;
};

// Runs the model from step 0 for `steps` weeks (at most the calendar's), recording as it goes.
// Throws std::invalid_argument naming a column in `spec` the model does not observe.
[[nodiscard]] RunRecord record_run(sahel::SahelModel& model, std::int64_t steps,
                                   const RecordSpec& spec);

}  // namespace insim::validation
