#pragma once
// `insim export RESULTS.sqlite --csv DIR` (docs/sweeps.md): a sweep database as CSV files for
// people who do not use SQLite. RFC 4180 quoting (output/csv_field.hpp), numbers spelled as in
// every output (output/number_format.hpp), an empty field for a value that is not a number.
//   points.csv   point_id, role, one column per parameter (the value as applied)
//   runs.csv     run_id, point_id, replicate, seed, status, error, wall_seconds (recorded runs)
//   metrics.csv  run_id, point_id, replicate, one column per metric (done runs)
//   series.csv   run_id, step, date, column, value (only when the sweep keeps series)
#include <cstdint>
#include <filesystem>
#include <vector>

#include "sweep/result_reader.hpp"

namespace insim::sweep {

struct ExportSummary {
  std::vector<std::filesystem::path> files;  // written, in the order above
  std::int64_t points = 0;                   // data rows of each file
  std::int64_t runs = 0;
  std::int64_t metric_rows = 0;
  std::int64_t series_rows = 0;
};

// Writes the files into `folder`, created if missing; existing files of those names are
// replaced. Each file is written beside its target and every one is complete and synced before
// any is renamed into place, so an interrupted export leaves the old files (or none), never a
// half-written one. Throws output::OutputError when the folder or a file cannot be written.
ExportSummary export_csv(const ResultReader& reader, const std::filesystem::path& folder);

}  // namespace insim::sweep
