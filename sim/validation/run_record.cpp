#include "validation/run_record.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace insim::validation {

namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

std::size_t column_index(std::span<const std::string> columns, const std::string& name,
                         std::string_view what) {
  const auto it = std::find(columns.begin(), columns.end(), name);
  if (it == columns.end())
    throw std::invalid_argument(fmt::format("the Sahel model observes no {} '{}'", what, name));
  return static_cast<std::size_t>(it - columns.begin());
}

}  // namespace

void Series::add(std::string name, std::vector<double> v) {
  names.push_back(std::move(name));
  values.push_back(std::move(v));
}

std::span<const double> Series::operator[](std::string_view name) const {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) throw std::out_of_range(fmt::format("no recorded series '{}'", name));
  return values[static_cast<std::size_t>(it - names.begin())];
}

std::optional<Window> dated_window(const Calendar& calendar, std::int64_t n, Date from, Date to) {
  std::int64_t first = calendar.step_of(from);
  if (calendar.date_of(first) < from) ++first;
  const std::int64_t last = calendar.step_of(to);
  if (first < 0 || last >= n || first > last) return std::nullopt;
  return Window{first, last + 1};
}

std::optional<std::int64_t> nearest_index(const Calendar& calendar, std::int64_t n, Date day) {
  const std::int64_t delta = days_from_civil(day) - days_from_civil(calendar.start());
  const std::int64_t per = calendar.days_per_step();
  // Rounds delta / per to the nearest integer, halves down.
  const std::int64_t s = floor_div(2 * delta + per - 1, 2 * per);
  if (s < 0 || s >= n) return std::nullopt;
  return s;
}

const sahel::YearTotals* RunRecord::year(int y) const {
  for (const auto& t : years)
    if (t.year == y) return &t;
  return nullptr;
}

std::string region_key(std::string_view region, std::string_view variable) {
  return fmt::format("{}/{}", region, variable);
}

RunRecord record_run(sahel::SahelModel& model, std::int64_t steps, const RecordSpec& spec) {
  const Calendar calendar = *model.calendar();
  steps = std::clamp<std::int64_t>(steps, 0, model.calendar_steps());
  const auto columns = model.columns();
  const auto places = model.places();
  const auto place_columns = model.place_columns();

  struct Pick {
    std::size_t index;  // into the observed row (or the places block)
    std::vector<double>* out;
  };
  RunRecord r{calendar, steps, {places.begin(), places.end()}, {}, {}, {}, {}, {}, {}};
  const auto states = static_cast<std::size_t>(steps + 1);
  const auto weeks = static_cast<std::size_t>(steps);
  const auto reserve = [](Series& s, std::string name, std::size_t n) {
    s.add(std::move(name), {});
    s.values.back().reserve(n);
  };
  for (const auto& c : spec.national_states) reserve(r.national_states, c, states);
  for (const auto& c : spec.national_weeks) reserve(r.national_weeks, c, weeks);
  for (const auto& p : places) {
    for (const auto& v : spec.region_states) reserve(r.region_states, region_key(p, v), states);
    for (const auto& v : spec.region_weeks) reserve(r.region_weeks, region_key(p, v), weeks);
  }
  // Pointers into r's vectors: taken after every series was added, so they stay valid.
  std::vector<Pick> state_picks, week_picks, region_state_picks, region_week_picks;
  for (std::size_t i = 0; i < spec.national_states.size(); ++i)
    state_picks.push_back(
        {column_index(columns, spec.national_states[i], "column"), &r.national_states.values[i]});
  for (std::size_t i = 0; i < spec.national_weeks.size(); ++i)
    week_picks.push_back(
        {column_index(columns, spec.national_weeks[i], "column"), &r.national_weeks.values[i]});
  const std::size_t P = place_columns.size();
  for (std::size_t p = 0; p < places.size(); ++p) {
    for (std::size_t i = 0; i < spec.region_states.size(); ++i)
      region_state_picks.push_back(
          {p * P + column_index(place_columns, spec.region_states[i], "region variable"),
           &r.region_states.values[p * spec.region_states.size() + i]});
    for (std::size_t i = 0; i < spec.region_weeks.size(); ++i)
      region_week_picks.push_back(
          {p * P + column_index(place_columns, spec.region_weeks[i], "region variable"),
           &r.region_weeks.values[p * spec.region_weeks.size() + i]});
  }

  std::vector<double> row(columns.size());
  std::vector<double> block(places.size() * P);
  const auto take = [](const std::vector<Pick>& picks, const std::vector<double>& from) {
    for (const Pick& k : picks) k.out->push_back(from[k.index]);
  };
  model.observe(row);
  model.observe_places(block);
  take(state_picks, row);
  take(region_state_picks, block);
  for (std::int64_t s = 0; s < steps; ++s) {
    model.step();
    model.observe(row);
    model.observe_places(block);
    take(state_picks, row);
    take(region_state_picks, block);
    take(week_picks, row);  // the week just simulated (step s), observed with state s + 1
    take(region_week_picks, block);
  }

  // A year is complete once no week starting in it remains to be simulated.
  const int current = calendar.date_of(steps).year;
  for (const auto& y : model.years())
    if (y.year < current) r.years.push_back(y);
  r.log = model.state().log;
  return r;
}

}  // namespace insim::validation
