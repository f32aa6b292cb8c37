#pragma once
// The timeseries as CSV, written as the run goes: a header of column names, then one row per
// recorded step. Each row is formatted into a reused buffer and handed to the (buffered)
// file, so memory does not depend on the number of steps.
#include <fmt/format.h>

#include <span>
#include <string>

#include "output/atomic_file.hpp"

namespace insim::output {

class TimeseriesCsv {
 public:
  // Writes the header. Column names must not contain commas, quotes or newlines.
  TimeseriesCsv(AtomicFile& file, std::span<const std::string> columns);

  // row.size() must equal the number of columns.
  void write_row(std::span<const double> row);
  [[nodiscard]] std::size_t rows_written() const { return rows_; }

 private:
  AtomicFile& file_;
  std::size_t columns_;
  std::size_t rows_ = 0;
  fmt::memory_buffer line_;
};

}  // namespace insim::output
