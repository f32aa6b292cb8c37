#pragma once
// The results database of `insim sweep` (docs/sweep-database.md): an SQLite file holding the
// sweep's plan (spec, parameters, points, the outputs kept) and, one transaction per finished
// run, the run's row with its metrics and series. A run is in the file whole or not at all, so
// after a crash, even kill -9, open_for_resume() and pending_runs() say exactly what is left.
//
// Threads: record() and record_failure() may be called from any number of threads at once.
// One connection serves them under a mutex; a commit takes a tenth of a millisecond against the
// seconds a run takes, so workers seldom wait. Other processes may read the file while it is
// written (write-ahead log); a second writer waits up to 10 s for the lock, then the call fails.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace insim::sweep {

struct SweepHeader {
  std::string spec_path;           // the spec file as the user named it
  std::string spec_text;           // its bytes
  std::string spec_hash;           // what open_for_resume() compares
  std::string base_scenario_hash;  // of the resolved base scenario; compared on resume too
  std::string design;              // kDesignNames of sweep/sweep_def.hpp: "latin_hypercube"
  std::int64_t seed = 0;           // the sweep's seed, from which each run's seed is derived
  std::int64_t replicates = 1;     // runs per point, >= 1
  // Set by create() from the build and the clock; read back by plan() on resume.
  std::string insim_version;
  std::string git_commit;
  std::string created_utc;  // ISO 8601, "2025-01-31T12:00:00Z"
};

struct SweepParameter {
  std::string name;    // dotted path, as for --set: "sahel.jihadist.recruitment_rate"
  std::string kind;    // the spec's distribution: "uniform", "log_uniform", "normal", "values"
  std::string domain;  // the domain as text: "[0.1, 0.9]", "stay, leave", "normal(0.3, 0.05)"
};

struct ParameterValue {
  std::string text;              // as applied with --set: "0.35", "stay"
  std::optional<double> number;  // the same value as a number, for analysis; none for a choice
};

struct SweepPoint {
  // The design's name for the point, "" when it has none: Saltelli's "A", "B", "AB3";
  // Morris's "trajectory 4 step 2". Analysis reads the blocks from it.
  std::string role;
  std::vector<ParameterValue> values;  // one per parameter, in the parameters' order
};

struct MetricDefinition {
  std::string name;  // unique: "civilians_killed_2015_2019"
  std::string
      definition;  // how it is computed, as text: "sum of civilians_killed, 2015-01-01..2019-12-31"
};

struct SweepPlan {
  SweepHeader header;
  std::vector<SweepParameter> parameters;
  std::vector<SweepPoint> points;           // point_id = index, from 0
  std::vector<MetricDefinition> metrics;    // every done run records exactly these
  std::vector<std::string> series_columns;  // every done run records these per step; may be empty
};

// Run run_id = point_id * replicates + replicate (both from 0).
struct PlannedRun {
  std::int64_t run_id = 0;
  std::int64_t point_id = 0;
  std::int64_t replicate = 0;
  bool operator==(const PlannedRun&) const = default;
};

struct RunTiming {
  std::chrono::system_clock::time_point started{};  // stored as ISO 8601 UTC to the second
  std::chrono::system_clock::time_point finished{};
  double wall_seconds = 0.0;  // from a steady clock
};

// A run's series: the recorded steps and, per column of the plan's series_columns (in its
// order), one value per step. Matches RunOutputs::series of sweep/run_metrics.hpp.
struct RunSeries {
  std::vector<std::int64_t> steps;           // increasing
  std::vector<std::string> dates;            // "YYYY-MM-DD", one per step; none without dates
  std::vector<std::vector<double>> columns;  // [column][row]; NaN is stored as NULL
};

struct RunRecord {
  std::int64_t run_id = 0;
  std::int64_t seed = 0;
  RunTiming timing;
  std::vector<double> metrics;  // one per plan metric, in its order; NaN is stored as NULL
  RunSeries series;             // empty when the plan keeps no series
};

// A run that could not complete because of itself (a bad parameter value, a model error);
// never an interruption (a stop request): that run stays pending.
struct RunFailure {
  std::int64_t run_id = 0;
  std::int64_t seed = 0;
  std::string error;  // the message, kept whole
  RunTiming timing;
};

// What open_for_resume() requires of the file: the same spec and the same base scenario.
struct SweepIdentity {
  std::string spec_hash;
  std::string base_scenario_hash;
};

struct RunCounts {
  std::int64_t done = 0;
  std::int64_t failed = 0;
  std::int64_t pending = 0;
};

class ResultStore {
 public:
  // Writes the plan into a new file at `path` (its folder created if missing). The file appears
  // whole or not at all: it is built beside `path` and renamed into place. Throws InputError
  // when `path` exists, std::invalid_argument for an inconsistent plan (a point without a value
  // for every parameter, duplicate names, replicates < 1, no points), output::OutputError when
  // the file cannot be written.
  [[nodiscard]] static ResultStore create(const std::filesystem::path& path, const SweepPlan& plan);

  // Opens a database made by create() to finish its runs. Throws InputError, naming the file,
  // when it is missing, not an SQLite file, an SQLite file that is not a sweep database, from
  // another schema version, damaged (PRAGMA quick_check), or made from another spec or base
  // scenario than `expected`.
  [[nodiscard]] static ResultStore open_for_resume(const std::filesystem::path& path,
                                                   const SweepIdentity& expected);

  ~ResultStore();
  ResultStore(ResultStore&&) noexcept;
  ResultStore& operator=(ResultStore&&) noexcept;

  [[nodiscard]] const std::filesystem::path& path() const;
  [[nodiscard]] const SweepPlan& plan() const;
  [[nodiscard]] std::int64_t run_count() const;  // points x replicates
  // Throws std::out_of_range for an id outside [0, run_count()).
  [[nodiscard]] PlannedRun planned_run(std::int64_t run_id) const;

  // The runs with no row yet (neither 'done' nor 'failed'), in run_id order.
  [[nodiscard]] std::vector<PlannedRun> pending_runs() const;
  [[nodiscard]] RunCounts counts() const;

  // One transaction: the run's row ('done'), its metrics and its series. Throws
  // std::invalid_argument (nothing written) for metrics or a series not shaped like the plan's,
  // std::out_of_range for an unknown run id; std::logic_error when the run is already
  // recorded; output::OutputError when the write fails (disk full): the run stays pending.
  void record(const RunRecord& run);
  // The run's row ('failed', with the error text); the same errors as record().
  void record_failure(const RunFailure& failure);

 private:
  struct Impl;
  explicit ResultStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace insim::sweep
