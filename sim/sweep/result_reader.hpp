#pragma once
// Reading a sweep database (docs/sweep-database.md) without changing it: the plan, the runs,
// their metrics and series, for `insim analyze` and `insim export`. Everything is read from one
// snapshot (a read transaction held while the reader lives), so a sweep still writing the file
// adds nothing half-way through; ResultStore is the only writer.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sweep/result_store.hpp"

namespace insim::sweep {

// A row of the `runs` table.
struct RunRow {
  std::int64_t run_id = 0;
  std::int64_t point_id = 0;
  std::int64_t replicate = 0;
  std::int64_t seed = 0;
  bool done = false;  // status 'done'; otherwise 'failed'
  std::string error;  // the failure's message; empty for a done run
  double wall_seconds = 0.0;
};

// A row of the `series` table; `date` is empty when the model has no calendar (NULL).
struct SeriesRow {
  std::int64_t run_id = 0;
  std::string_view column;
  std::int64_t step = 0;
  std::string_view date;
  double value = 0.0;  // NaN for NULL
};

class ResultReader {
 public:
  // Opens `database` read-only. Throws InputError naming the file when it is missing, not an
  // SQLite file, not a sweep database (application id), of another layout version, or when its
  // plan cannot be read.
  explicit ResultReader(const std::filesystem::path& database);
  ~ResultReader();
  ResultReader(ResultReader&&) noexcept;
  ResultReader& operator=(ResultReader&&) noexcept;

  [[nodiscard]] const std::filesystem::path& path() const;
  [[nodiscard]] const SweepPlan& plan() const;
  [[nodiscard]] std::int64_t run_count() const;  // points x replicates, recorded or not

  // The recorded runs (done and failed), in run_id order; a pending run has no row.
  [[nodiscard]] std::vector<RunRow> runs() const;
  [[nodiscard]] RunCounts counts() const;

  // One value per planned run, indexed by run_id (point_id x replicates + replicate): the
  // metric of a done run, NaN for a failed or pending run or a NULL value. Throws
  // std::out_of_range when the plan has no metric of that name.
  [[nodiscard]] std::vector<double> metric_by_run(std::string_view metric) const;

  // Each done run, in run_id order, with its metrics in the plan's order (NaN for NULL or a
  // missing row).
  void for_each_metrics_row(
      const std::function<void(const RunRow&, std::span<const double>)>& visit) const;

  // Every series row: run by run (run_id order), column by column in the plan's order, step by
  // step. Streams row by row: a series of millions of rows is never held in memory.
  void for_each_series_row(const std::function<void(const SeriesRow&)>& visit) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace insim::sweep
