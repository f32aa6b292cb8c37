#pragma once
// Dates and the step <-> date mapping. The Sahel model runs in weekly (or daily) steps from a
// start date; a step covers [date_of(step), date_of(step + 1)). Proleptic Gregorian calendar,
// day arithmetic after H. Hinnant's days_from_civil algorithm.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace insim {

struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend auto operator<=>(const Date&, const Date&) = default;
};

// Days since 1970-01-01 (negative before).
[[nodiscard]] std::int64_t days_from_civil(Date d);
[[nodiscard]] Date civil_from_days(std::int64_t days);
[[nodiscard]] bool is_valid(Date d);
// Accepts "YYYY-MM-DD" and "YYYY-MM" (the first of the month); nullopt if malformed or invalid.
[[nodiscard]] std::optional<Date> parse_date(std::string_view text);
[[nodiscard]] std::string to_string(Date d);  // "YYYY-MM-DD"

enum class StepUnit { day, week };

class Calendar {
 public:
  Calendar(Date start, StepUnit unit);
  [[nodiscard]] Date start() const { return start_; }
  [[nodiscard]] StepUnit unit() const { return unit_; }
  [[nodiscard]] int days_per_step() const { return unit_ == StepUnit::week ? 7 : 1; }
  [[nodiscard]] Date date_of(std::int64_t step) const;
  // The step whose interval contains `d` (negative for dates before the start).
  [[nodiscard]] std::int64_t step_of(Date d) const;
  // Number of steps needed to cover [start, end] (end inclusive).
  [[nodiscard]] std::int64_t steps_until(Date end) const;

 private:
  Date start_;
  StepUnit unit_;
  std::int64_t start_days_;
};

}  // namespace insim
