#include "compare/run_reduction.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string_view>

#include "core/error.hpp"

namespace insim::compare {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::int64_t month_index(Date start, Date d) {
  return (std::int64_t{d.year} - start.year) * 12 + (d.month - start.month);
}

std::size_t find_index(std::span<const std::string> names, std::string_view name) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return i;
  }
  return names.size();
}

}  // namespace

ResolvedOutcomes::ResolvedOutcomes(const Outcomes& outcomes, const Simulation& sim) {
  const auto columns = sim.columns();
  const auto places = sim.places();
  const auto place_columns = sim.place_columns();
  term_begin_.push_back(0);
  for (const Outcome& o : outcomes.outcomes) {
    for (const Term& t : o.terms) {
      if (t.region.empty()) {
        const std::size_t c = find_index(columns, t.column);
        if (c == columns.size()) {
          throw InputError(Diagnostic{"", 0, 0, o.id,
                                      fmt::format("the model observes no column {}", t.column)});
        }
        term_index_.push_back(c);
        term_is_place_.push_back(false);
      } else {
        const std::size_t p = find_index(places, t.region);
        const std::size_t c = find_index(place_columns, t.column);
        if (p == places.size() || c == place_columns.size()) {
          throw InputError(Diagnostic{
              "", 0, 0, o.id,
              fmt::format("the model observes no {} in region {}", t.column, t.region)});
        }
        term_index_.push_back(p * place_columns.size() + c);
        term_is_place_.push_back(true);
      }
    }
    term_begin_.push_back(term_index_.size());
    scale_.push_back(o.scale);
    aggregation_.push_back(o.aggregation);
    zero_is_missing_.push_back(o.zero_is_missing);
  }
}

double ResolvedOutcomes::value(std::size_t k, std::span<const double> national,
                               std::span<const double> places) const {
  double sum = 0.0;
  for (std::size_t t = term_begin_[k]; t < term_begin_[k + 1]; ++t) {
    sum += term_is_place_[t] ? places[term_index_[t]] : national[term_index_[t]];
  }
  if (zero_is_missing_[k] && sum == 0.0) return kNaN;
  return sum * scale_[k];
}

std::int64_t complete_months(const Calendar& calendar, std::int64_t steps) {
  return month_index(calendar.start(), calendar.date_of(steps));
}

std::string month_label(const Calendar& calendar, std::int64_t m) {
  const Date s = calendar.start();
  const std::int64_t months = std::int64_t{s.year} * 12 + (s.month - 1) + m;
  return fmt::format("{:04}-{:02}", months / 12, months % 12 + 1);
}

std::vector<double> run_and_reduce(Simulation& sim, const Calendar& calendar, std::int64_t steps,
                                   const ResolvedOutcomes& outcomes,
                                   std::span<const TableRow> table_rows,
                                   const TableWindow& window, RowWriter& writer,
                                   const std::function<void()>& between_steps) {
  const std::size_t k_count = outcomes.size();
  const std::int64_t months = complete_months(calendar, steps);
  const Date start = calendar.start();
  std::vector<double> national(sim.columns().size());
  std::vector<double> places(sim.places().size() * sim.place_columns().size());
  std::vector<double> values(k_count);
  // The month being filled and the next one (a state can fall in the next month before the
  // last week of this one is done).
  std::vector<double> row(k_count), next_row(k_count);
  auto clear = [&](std::vector<double>& r) {
    for (std::size_t k = 0; k < k_count; ++k) {
      r[k] = outcomes.aggregation(k) == Aggregation::flow ? 0.0 : kNaN;
    }
  };
  clear(row);
  clear(next_row);
  std::int64_t month = 0;  // the month `row` holds

  std::vector<double> window_sum(table_rows.size(), 0.0);
  std::vector<std::int64_t> window_count(table_rows.size(), 0);

  auto observe = [&] {
    sim.observe(national);
    if (!places.empty()) sim.observe_places(places);
    for (std::size_t k = 0; k < k_count; ++k) values[k] = outcomes.value(k, national, places);
  };
  // Stocks of the state just observed, dated `d`.
  auto take_stocks = [&](Date d) {
    const std::int64_t m = month_index(start, d);
    std::vector<double>& target = m == month ? row : next_row;
    for (std::size_t k = 0; k < k_count; ++k) {
      if (outcomes.aggregation(k) == Aggregation::stock) target[k] = values[k];
    }
    if (d < window.from || window.to < d) return;
    for (std::size_t r = 0; r < table_rows.size(); ++r) {
      const std::size_t k = table_rows[r].outcome;
      if (outcomes.aggregation(k) != Aggregation::stock || std::isnan(values[k])) continue;
      window_sum[r] += values[k];
      ++window_count[r];
    }
  };

  observe();
  take_stocks(calendar.date_of(0));
  for (std::int64_t w = 0; w < steps; ++w) {
    if (between_steps) between_steps();
    sim.step();
    observe();  // state w + 1; its flows are week w's
    const Date week = calendar.date_of(w);
    if (month_index(start, week) > month) {
      if (month < months) writer.write(row);
      row.swap(next_row);
      clear(next_row);
      ++month;
    }
    for (std::size_t k = 0; k < k_count; ++k) {
      if (outcomes.aggregation(k) == Aggregation::flow) row[k] += values[k];
    }
    if (!(week < window.from || window.to < week)) {
      for (std::size_t r = 0; r < table_rows.size(); ++r) {
        const std::size_t k = table_rows[r].outcome;
        if (outcomes.aggregation(k) == Aggregation::flow) window_sum[r] += values[k];
      }
    }
    take_stocks(calendar.date_of(w + 1));
  }
  if (month < months) writer.write(row);

  std::vector<double> result(table_rows.size());
  for (std::size_t r = 0; r < table_rows.size(); ++r) {
    const bool stock = outcomes.aggregation(table_rows[r].outcome) == Aggregation::stock;
    result[r] = stock ? (window_count[r] ? window_sum[r] / static_cast<double>(window_count[r])
                                         : kNaN)
                      : window_sum[r];
  }
  return result;
}

}  // namespace insim::compare
