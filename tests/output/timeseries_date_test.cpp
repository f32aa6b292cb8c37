#include <catch2/catch.hpp>
#include <vector>

#include "output/timeseries_csv.hpp"
#include "support/scratch_folder.hpp"

using insim::Date;
using insim::output::AtomicFile;
using insim::output::OutputError;
using insim::output::TimeseriesCsv;

TEST_CASE("csv: with a calendar a date column follows step, as YYYY-MM-DD", "[output]") {
  insim::test::ScratchFolder dir("csv-dated");
  const std::vector<std::string> columns{"step", "displaced", "share"};
  {
    AtomicFile file(dir / "timeseries.csv");
    TimeseriesCsv csv(file, columns, true);
    csv.write_row(std::vector<double>{0, 12, 0.25}, Date{2012, 1, 1});
    csv.write_row(std::vector<double>{9, 0, 0.5}, Date{2012, 3, 4});
    file.commit();
  }
  CHECK(insim::test::read_text(dir / "timeseries.csv") ==
        "step,date,displaced,share\n"
        "0,2012-01-01,12,0.25\n"
        "9,2012-03-04,0,0.5\n");
}

TEST_CASE("csv: a dated timeseries refuses rows without a date, an undated one rows with one",
          "[output]") {
  insim::test::ScratchFolder dir("csv-date-mismatch");
  const std::vector<std::string> columns{"step", "x"};
  AtomicFile dated_file(dir / "a.csv");
  TimeseriesCsv dated(dated_file, columns, true);
  CHECK_THROWS_AS(dated.write_row(std::vector<double>{0, 1}), OutputError);
  AtomicFile plain_file(dir / "b.csv");
  TimeseriesCsv plain(plain_file, columns);
  CHECK_THROWS_AS(plain.write_row(std::vector<double>{0, 1}, Date{2012, 1, 1}), OutputError);
  CHECK(dated.rows_written() == 0);
  CHECK(plain.rows_written() == 0);
}

TEST_CASE("csv: a model column named date clashes with the calendar's date column", "[output]") {
  insim::test::ScratchFolder dir("csv-date-clash");
  AtomicFile file(dir / "timeseries.csv");
  const std::vector<std::string> columns{"step", "date"};
  CHECK_THROWS_WITH(TimeseriesCsv(file, columns, true), Catch::Contains("clashes"));
}
