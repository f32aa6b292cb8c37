#pragma once
// Hand-made Sahel run records for the validation tests: weekly from 2012-01-01, every series
// zero unless a test sets it, so each test states exactly the values its check must read.
#include <cstdint>
#include <string>
#include <vector>

#include "validation/run_record.hpp"

namespace insim::test {

inline constexpr std::int64_t kSyntheticSteps = 52 * 14;  // 2012-01-01 to 2025-06

class SyntheticRun {
 public:
  explicit SyntheticRun(std::int64_t steps = kSyntheticSteps) { r_.steps = steps; }

  // The state series `name` (created as zeros) and the week series likewise.
  std::vector<double>& state(const std::string& name) {
    return get(r_.national_states, name, r_.steps + 1);
  }
  std::vector<double>& week(const std::string& name) {
    return get(r_.national_weeks, name, r_.steps);
  }
  std::vector<double>& region_state(const std::string& region, const std::string& variable) {
    add_region(region);
    return get(r_.region_states, validation::region_key(region, variable), r_.steps + 1);
  }
  std::vector<double>& region_week(const std::string& region, const std::string& variable) {
    add_region(region);
    return get(r_.region_weeks, validation::region_key(region, variable), r_.steps);
  }
  // Sets the state series at every index dated in [from, to].
  void set_states(const std::string& name, Date from, Date to, double value) {
    auto& v = state(name);
    for (std::int64_t s = 0; s <= r_.steps; ++s) {
      const Date d = r_.calendar.date_of(s);
      if (from <= d && d <= to) v[static_cast<std::size_t>(s)] = value;
    }
  }
  // Sets a week series in every week starting in [from, to].
  void set_weeks(std::vector<double>& v, Date from, Date to, double value) {
    for (std::int64_t w = 0; w < r_.steps; ++w) {
      const Date d = r_.calendar.date_of(w);
      if (from <= d && d <= to) v[static_cast<std::size_t>(w)] = value;
    }
  }
  void log(std::int64_t step, const std::string& kind, const std::string& id) {
    sahel::LoggedEvent e;
    e.step = step;
    e.kind = kind;
    e.id = id;
    r_.log.push_back(e);
  }
  void year(int y, std::int64_t state_based, std::int64_t non_state, std::int64_t one_sided) {
    sahel::YearTotals t;
    t.year = y;
    t.state_based = state_based;
    t.non_state = non_state;
    t.one_sided = one_sided;
    r_.years.push_back(t);
  }
  [[nodiscard]] std::int64_t step_of(Date d) const { return r_.calendar.step_of(d); }
  [[nodiscard]] const validation::RunRecord& record() const { return r_; }

 private:
  static std::vector<double>& get(validation::Series& s, const std::string& name, std::int64_t n) {
    for (std::size_t i = 0; i < s.names.size(); ++i)
      if (s.names[i] == name) return s.values[i];
    s.add(name, std::vector<double>(static_cast<std::size_t>(n), 0.0));
    return s.values.back();
  }
  void add_region(const std::string& region) {
    for (const auto& r : r_.regions)
      if (r == region) return;
    r_.regions.push_back(region);
  }
  validation::RunRecord r_;
};

}  // namespace insim::test
