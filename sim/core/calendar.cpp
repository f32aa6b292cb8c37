#include "core/calendar.hpp"

#include <charconv>
#include <cstdio>

namespace insim {

std::int64_t days_from_civil(Date d) {
  const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;                                           // [0, 399]
  const std::int64_t mp = d.month > 2 ? d.month - 3 : d.month + 9;                 // [0, 11]
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;                          // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                   // [0, 146096]
  return era * 146097 + doe - 719468;
}

Date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = yoe + era * 400;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(y + (month <= 2 ? 1 : 0)), month, day};
}

bool is_valid(Date d) {
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  const int max_day = kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
  return d.day <= max_day;
}

namespace {
bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc{} && p == s.data() + s.size();
}
}  // namespace

std::optional<Date> parse_date(std::string_view t) {
  Date d;
  if (t.size() == 7 && t[4] == '-') {
    if (!parse_int(t.substr(0, 4), d.year) || !parse_int(t.substr(5, 2), d.month)) return {};
    d.day = 1;
  } else if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
    if (!parse_int(t.substr(0, 4), d.year) || !parse_int(t.substr(5, 2), d.month) ||
        !parse_int(t.substr(8, 2), d.day))
      return {};
  } else {
    return {};
  }
  if (!is_valid(d)) return {};
  return d;
}

std::string to_string(Date d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

Calendar::Calendar(Date start, StepUnit unit)
    : start_(start), unit_(unit), start_days_(days_from_civil(start)) {}

Date Calendar::date_of(std::int64_t step) const {
  return civil_from_days(start_days_ + step * days_per_step());
}

std::int64_t Calendar::step_of(Date d) const {
  const std::int64_t delta = days_from_civil(d) - start_days_;
  const std::int64_t n = days_per_step();
  return delta >= 0 ? delta / n : -((-delta + n - 1) / n);  // floor division
}

std::int64_t Calendar::steps_until(Date end) const { return step_of(end) + 1; }

}  // namespace insim
