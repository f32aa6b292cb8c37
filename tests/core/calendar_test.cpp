#include <catch2/catch.hpp>

#include "core/calendar.hpp"

using namespace insim;

TEST_CASE("calendar: days_from_civil and civil_from_days are inverse", "[calendar]") {
  CHECK(days_from_civil(Date{1970, 1, 1}) == 0);
  CHECK(days_from_civil(Date{2000, 3, 1}) == 11017);
  for (std::int64_t z = -800000; z <= 800000; z += 97) {
    const Date d = civil_from_days(z);
    REQUIRE(is_valid(d));
    REQUIRE(days_from_civil(d) == z);
  }
}

TEST_CASE("calendar: dates parse strictly", "[calendar]") {
  CHECK(parse_date("2012-03-22") == Date{2012, 3, 22});
  CHECK(parse_date("2012-01") == Date{2012, 1, 1});
  CHECK_FALSE(parse_date("2012-02-30"));
  CHECK_FALSE(parse_date("2023-02-29"));
  CHECK(parse_date("2024-02-29") == Date{2024, 2, 29});
  CHECK_FALSE(parse_date("2012-13"));
  CHECK_FALSE(parse_date("12-01-2012"));
  CHECK_FALSE(parse_date("2012-1-5"));
  CHECK_FALSE(parse_date(""));
  CHECK(to_string(Date{2013, 1, 11}) == "2013-01-11");
}

TEST_CASE("calendar: weekly steps map to dates and back", "[calendar]") {
  const Calendar cal(Date{2012, 1, 1}, StepUnit::week);
  CHECK(cal.date_of(0) == Date{2012, 1, 1});
  CHECK(cal.date_of(1) == Date{2012, 1, 8});
  CHECK(cal.step_of(Date{2012, 1, 7}) == 0);
  CHECK(cal.step_of(Date{2012, 1, 8}) == 1);
  CHECK(cal.step_of(Date{2011, 12, 31}) == -1);
  // Serval (F07) falls in the week that contains 2013-01-11.
  const auto serval = cal.step_of(Date{2013, 1, 11});
  CHECK(cal.date_of(serval) <= Date{2013, 1, 11});
  CHECK(Date{2013, 1, 11} < cal.date_of(serval + 1));
  // 2012-01-01 .. 2030-12-31 is 6940 days: 992 weeks cover it.
  CHECK(cal.steps_until(Date{2030, 12, 31}) == 992);
  for (std::int64_t s = -10; s < 1200; ++s) REQUIRE(cal.step_of(cal.date_of(s)) == s);
}

TEST_CASE("calendar: daily steps", "[calendar]") {
  const Calendar cal(Date{2012, 1, 1}, StepUnit::day);
  CHECK(cal.date_of(366) == Date{2013, 1, 1});  // 2012 is a leap year
  CHECK(cal.step_of(Date{2012, 3, 1}) == 60);
}
