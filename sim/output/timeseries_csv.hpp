#pragma once
// The timeseries as CSV, written as the run goes: a header of column names, then one row per
// recorded step. Each row is formatted into a reused buffer and handed to the (buffered)
// file, so memory does not depend on the number of steps. For a model with a calendar a
// `date` column (YYYY-MM-DD) follows `step`.
#include <fmt/format.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "output/atomic_file.hpp"

namespace insim::output {

class TimeseriesCsv {
 public:
  // Writes the header. Column names must not contain commas, quotes or newlines. With
  // `with_date`, `date` is inserted after the first column and every row must carry a date.
  TimeseriesCsv(AtomicFile& file, std::span<const std::string> columns, bool with_date = false);

  // row.size() must equal the number of columns; `date` is given exactly when with_date. Built
  // with -DINSIM_NUMERIC_GUARDS=ON, a NaN or infinite value throws OutputError naming its column.
  void write_row(std::span<const double> row, std::optional<Date> date = std::nullopt);
  [[nodiscard]] std::size_t rows_written() const { return rows_; }

 private:
  AtomicFile& file_;
  std::size_t columns_;
  std::vector<std::string> names_;  // for the numeric guard's message
  bool with_date_;
  std::size_t rows_ = 0;
  fmt::memory_buffer line_;
};

}  // namespace insim::output
