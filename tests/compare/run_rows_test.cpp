#include "compare/run_rows.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "output/atomic_file.hpp"
#include "support/scratch_folder.hpp"

using Catch::Matchers::Contains;
using insim::compare::RowReader;
using insim::compare::RowWriter;
using insim::compare::summarise_runs;
using insim::output::OutputError;
using insim::stats::Summary;
using insim::test::entries;
using insim::test::ScratchFolder;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Writes rows where value(row, column) gives each cell.
template <class Value>
std::filesystem::path write_rows(const std::filesystem::path& path, std::size_t columns,
                                 std::size_t rows, Value value) {
  RowWriter w(path, columns);
  std::vector<double> row(columns);
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < columns; ++c) row[c] = value(r, c);
    w.write(row);
  }
  w.close();
  return path;
}

std::string summarise_error(const std::vector<std::filesystem::path>& files) {
  try {
    summarise_runs(files, [](std::uint64_t, std::span<const Summary>) {});
  } catch (const OutputError& e) {
    return e.what();
  }
  return "no error";
}

std::string open_error(const std::filesystem::path& file) {
  try {
    RowReader reader(file);
  } catch (const OutputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("run rows: what is written reads back exactly, row by row", "[run_rows]") {
  ScratchFolder dir("rows-roundtrip");
  const auto path = write_rows(dir / "run-0.rows", 3, 4,
                               [](std::size_t r, std::size_t c) { return r * 10.0 + c + 0.1; });
  RowReader reader(path);
  REQUIRE(reader.columns() == 3);
  std::vector<double> row(3);
  for (std::size_t r = 0; r < 4; ++r) {
    REQUIRE(reader.next(row));
    for (std::size_t c = 0; c < 3; ++c) CHECK(row[c] == r * 10.0 + c + 0.1);
  }
  CHECK_FALSE(reader.next(row));
  CHECK_FALSE(reader.next(row));
  // Header: magic and the column count, then 4 rows of 3 doubles.
  CHECK(std::filesystem::file_size(path) == 16 + 4 * 3 * 8);
  CHECK(insim::test::read_text(path).substr(0, 8) == "INSIMROW");
}

TEST_CASE("run rows: the file appears only when closed", "[run_rows]") {
  ScratchFolder dir("rows-tmp");
  const auto path = dir / "run-0.rows";
  {
    RowWriter w(path, 2);
    const std::vector<double> row = {1.0, 2.0};
    w.write(row);
    w.write(row);
    CHECK(w.rows() == 2);
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(entries(dir.path()) == std::vector<std::string>{"run-0.rows.tmp"});
    w.close();
    CHECK(entries(dir.path()) == std::vector<std::string>{"run-0.rows"});
    CHECK_THROWS_AS(w.write(row), OutputError);
  }
  {
    RowWriter abandoned(dir / "run-1.rows", 2);  // a run that failed: never closed
    abandoned.write(std::vector<double>{1.0, 2.0});
  }
  CHECK(entries(dir.path()) == std::vector<std::string>{"run-0.rows"});
}

TEST_CASE("run rows: a row of the wrong width is refused", "[run_rows]") {
  ScratchFolder dir("rows-width");
  RowWriter w(dir / "run.rows", 2);
  CHECK_THROWS_AS(w.write(std::vector<double>{1.0, 2.0, 3.0}), std::invalid_argument);
}

TEST_CASE("run rows: a folder that cannot be written is named", "[run_rows]") {
  ScratchFolder dir("rows-nofolder");
  const auto path = dir / "missing" / "run.rows";
  try {
    RowWriter w(path, 2);
    FAIL("no error");
  } catch (const OutputError& e) {
    CHECK_THAT(e.what(), Contains("missing/run.rows.tmp") && Contains("No such file"));
  }
}

TEST_CASE("run rows: a missing, truncated or foreign file is named in the error", "[run_rows]") {
  ScratchFolder dir("rows-errors");
  CHECK_THAT(open_error(dir / "run-9.rows"), Contains("run-9.rows") && Contains("No such file"));

  const auto cut = write_rows(dir / "cut.rows", 2, 5, [](auto r, auto) { return double(r); });
  std::filesystem::resize_file(cut, 16 + 4 * 16 + 8);  // half of the last row
  CHECK_THAT(open_error(cut), Contains("cut.rows") && Contains("truncated"));

  const auto header = write_rows(dir / "header.rows", 2, 5, [](auto, auto) { return 1.0; });
  std::filesystem::resize_file(header, 12);  // inside the column count
  CHECK_THAT(open_error(header), Contains("header.rows") && Contains("truncated"));

  const auto empty = dir.write("empty.rows", "");
  CHECK_THAT(open_error(empty), Contains("empty.rows") && Contains("truncated"));

  const auto csv = dir.write("runs.csv", "date,deaths\n2012-01,4\n");
  CHECK_THAT(open_error(csv), Contains("runs.csv") && Contains("not a run rows file"));

  const auto zero = dir.write("zero.rows", std::string("INSIMROW") + std::string(8, '\0'));
  CHECK_THAT(open_error(zero), Contains("zero.rows") && Contains("0 columns"));
}

TEST_CASE("run rows: summaries across runs, row by row, from three files", "[run_rows]") {
  ScratchFolder dir("rows-summaries");
  std::vector<std::filesystem::path> files;
  for (std::size_t k = 0; k < 3; ++k) {
    // Column 0: row + run. Column 1: 100 * run, missing (NaN) in run 1 at row 2.
    files.push_back(write_rows(dir / ("run-" + std::to_string(k) + ".rows"), 2, 4,
                               [k](std::size_t r, std::size_t c) {
                                 if (c == 0) return double(r + k);
                                 return (k == 1 && r == 2) ? kNaN : 100.0 * k;
                               }));
  }
  std::vector<std::uint64_t> seen;
  summarise_runs(files, [&](std::uint64_t row, std::span<const Summary> s) {
    seen.push_back(row);
    REQUIRE(s.size() == 2);
    const double r = static_cast<double>(row);
    CHECK(s[0].count == 3);
    CHECK(s[0].mean == Approx(r + 1.0));
    CHECK(s[0].p5 == Approx(r + 0.1));  // type 7 over {r, r + 1, r + 2}: h = 0.1
    CHECK(s[0].p50 == Approx(r + 1.0));
    CHECK(s[0].p95 == Approx(r + 1.9));
    if (row == 2) {
      CHECK(s[1].count == 2);
      CHECK(s[1].mean == Approx(100.0));  // runs 0 and 2: 0 and 200
    } else {
      CHECK(s[1].count == 3);
      CHECK(s[1].mean == Approx(100.0));
      CHECK(s[1].p25 == Approx(50.0));
    }
  });
  CHECK(seen == std::vector<std::uint64_t>{0, 1, 2, 3});
}

TEST_CASE("run rows: files of another width or length are named", "[run_rows]") {
  ScratchFolder dir("rows-mismatch");
  const auto one = [](auto, auto) { return 1.0; };
  const auto a = write_rows(dir / "run-0.rows", 2, 3, one);
  const auto wide = write_rows(dir / "run-1.rows", 3, 3, one);
  const auto shorter = write_rows(dir / "run-2.rows", 2, 2, one);
  const auto missing = dir / "run-3.rows";
  const std::string width = summarise_error({a, wide});
  CHECK_THAT(width, Contains("run-1.rows") && Contains("3 columns") && Contains("has 2"));
  const std::string length = summarise_error({a, shorter});
  CHECK_THAT(length, Contains("run-2.rows") && Contains("ends after 2 rows"));
  CHECK_THAT(summarise_error({shorter, a}), Contains("run-2.rows") && Contains("ends after 2"));
  CHECK_THAT(summarise_error({a, missing}), Contains("run-3.rows"));
  CHECK(summarise_error({a, a}) == "no error");
}

TEST_CASE("run rows: no files means no rows", "[run_rows]") {
  int calls = 0;
  summarise_runs({}, [&](std::uint64_t, std::span<const Summary>) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("run rows: 100000 rows are streamed, not loaded whole", "[run_rows]") {
  ScratchFolder dir("rows-many");
  constexpr std::size_t kRows = 100000;
  std::vector<std::filesystem::path> files;
  for (std::size_t k = 0; k < 3; ++k) {
    files.push_back(write_rows(dir / ("run-" + std::to_string(k) + ".rows"), 2, kRows,
                               [k](std::size_t r, std::size_t c) {
                                 return c == 0 ? double(r) : double(r % 7) * double(k);
                               }));
  }
  std::uint64_t calls = 0;
  bool right = true;
  summarise_runs(files, [&](std::uint64_t row, std::span<const Summary> s) {
    right = right && row == calls && s[0].mean == double(row) && s[1].p50 == double(row % 7) &&
            s[1].mean == double(row % 7);
    ++calls;
  });
  CHECK(right);
  CHECK(calls == kRows);

  // Cutting every file to 1000 rows while the first row is being summarised shortens the
  // result: the rows are read as they are summarised, not all at the start.
  calls = 0;
  summarise_runs(files, [&](std::uint64_t row, std::span<const Summary>) {
    if (row == 0) {
      for (const auto& f : files) std::filesystem::resize_file(f, 16 + 1000 * 16);
    }
    ++calls;
  });
  CHECK(calls == 1000);
}
