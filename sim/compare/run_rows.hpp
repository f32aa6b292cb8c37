#pragma once
// Each run's reduced series (one row of doubles per month) goes to its own small binary file as
// the run goes; the summaries across runs are made afterwards by reading all the files of a
// scenario in step, one row at a time, so memory grows with the number of runs, not of months.
//
// File layout (little-endian, native doubles): "INSIMROW" magic (8 bytes), uint64 columns,
// then rows of `columns` doubles, no padding. A file is written to `path.tmp` and renamed when
// closed, so a crashed run leaves no file that looks complete.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <span>
#include <vector>

#include "stats/summary.hpp"

namespace insim::compare {

class RowWriter {
 public:
  RowWriter(std::filesystem::path path, std::size_t columns);  // throws output::OutputError
  ~RowWriter();  // an unclosed writer removes its temporary file
  RowWriter(const RowWriter&) = delete;
  RowWriter& operator=(const RowWriter&) = delete;
  void write(std::span<const double> row);  // row.size() == columns
  void close();                             // flushes and renames into place
  [[nodiscard]] std::uint64_t rows() const { return rows_; }

 private:
  std::filesystem::path path_;
  std::filesystem::path tmp_;
  std::size_t columns_;
  std::FILE* file_ = nullptr;
  std::uint64_t rows_ = 0;
};

class RowReader {
 public:
  explicit RowReader(const std::filesystem::path& path);  // throws output::OutputError
  ~RowReader();
  RowReader(const RowReader&) = delete;
  RowReader& operator=(const RowReader&) = delete;
  [[nodiscard]] std::size_t columns() const { return columns_; }
  // Reads the next row into `row` (size columns()); false at the end of the file.
  bool next(std::span<double> row);

 private:
  std::filesystem::path path_;
  std::size_t columns_ = 0;
  std::FILE* file_ = nullptr;
};

// Reads the files (one per run, same columns, same number of rows) in step and calls
// `on_row(row_index, summaries)` once per row with one Summary per column, summarised over the
// runs. Memory: one row per file plus one column of values. Throws output::OutputError when a
// file is missing, truncated or of another width, naming it.
void summarise_runs(std::span<const std::filesystem::path> files,
                    const std::function<void(std::uint64_t, std::span<const stats::Summary>)>&
                        on_row);

}  // namespace insim::compare
