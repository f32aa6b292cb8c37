#include "output/timeseries_csv.hpp"

#include <catch2/catch.hpp>
#include <charconv>
#include <cmath>
#include <vector>

#include "output/number_format.hpp"
#include "support/scratch_folder.hpp"

using insim::output::AtomicFile;
using insim::output::format_number;
using insim::output::TimeseriesCsv;

TEST_CASE("csv: integral values are written as integers without decimals or exponent") {
  CHECK(format_number(0.0) == "0");
  CHECK(format_number(-0.0) == "0");
  CHECK(format_number(3.0) == "3");
  CHECK(format_number(-42.0) == "-42");
  CHECK(format_number(1e15) == "1000000000000000");
  CHECK(format_number(9007199254740992.0) == "9007199254740992");  // 2^53
  // Above 2^53 doubles are no longer every integer: shortest round-trip text instead.
  CHECK(format_number(1e16) == "1e+16");
}

TEST_CASE("csv: reals are written as the shortest text that reads back exactly") {
  CHECK(format_number(0.1) == "0.1");
  CHECK(format_number(0.5) == "0.5");
  CHECK(format_number(1.0 / 3.0) == "0.3333333333333333");
  CHECK(format_number(2.5e-7) == "2.5e-07");
  CHECK(format_number(1e300) == "1e+300");
  // Values that print the same in "%g" but differ in their last bit stay distinct.
  const double a = 0.1 + 0.2;
  CHECK(format_number(a) == "0.30000000000000004");
}

TEST_CASE("csv: every written real reads back to the same double") {
  double x = 0.7390851332151607;
  for (int i = 0; i < 2000; ++i) {
    x = std::fmod(x * 3.987654321 + 0.123456789, 1000.0) - 500.0 + std::ldexp(1.0, -i % 60);
    const std::string text = format_number(x);
    double back = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), back);
    REQUIRE(ec == std::errc());
    REQUIRE(ptr == text.data() + text.size());
    REQUIRE(back == x);
  }
}

TEST_CASE("csv: a header line then one line per row, in the exact text") {
  insim::test::ScratchFolder dir("csv-rows");
  const std::vector<std::string> columns{"step", "active", "share"};
  {
    AtomicFile file(dir / "timeseries.csv");
    TimeseriesCsv csv(file, columns);
    csv.write_row(std::vector<double>{0, 12, 0.25});
    csv.write_row(std::vector<double>{10, 0, 1.0 / 3.0});
    CHECK(csv.rows_written() == 2);
    CHECK_THROWS(csv.write_row(std::vector<double>{1, 2}));
    file.commit();
  }
  CHECK(insim::test::read_text(dir / "timeseries.csv") ==
        "step,active,share\n"
        "0,12,0.25\n"
        "10,0,0.3333333333333333\n");
}

TEST_CASE("csv: a column name that would break the format is refused") {
  insim::test::ScratchFolder dir("csv-bad-name");
  AtomicFile file(dir / "timeseries.csv");
  const std::vector<std::string> columns{"step", "a,b"};
  CHECK_THROWS_AS(TimeseriesCsv(file, columns), insim::output::OutputError);
}
