#include "sweep/result_reader.hpp"

#include <fmt/format.h>

#include <cstring>
#include <fstream>
#include <limits>
#include <map>
#include <stdexcept>
#include <utility>

#include "core/error.hpp"
#include "sweep/result_store_schema.hpp"
#include "sweep/sqlite_connection.hpp"

namespace insim::sweep {

namespace fs = std::filesystem;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

InputError file_error(const fs::path& path, std::string message) {
  return InputError(Diagnostic{path.string(), 0, 0, "", std::move(message)});
}

RunRow run_row(const Statement& s) {
  RunRow r;
  r.run_id = s.int64(0);
  r.point_id = s.int64(1);
  r.replicate = s.int64(2);
  r.seed = s.int64(3);
  r.done = s.text(4) == "done";
  r.error = s.is_null(5) ? std::string() : s.text(5);
  r.wall_seconds = s.real(6);
  return r;
}

constexpr const char* kRunColumns =
    "SELECT run_id, point_id, replicate, seed, status, error, wall_seconds FROM runs";

}  // namespace

struct ResultReader::Impl {
  explicit Impl(fs::path file) : path(std::move(file)), db(path, Connection::Mode::read_only) {}
  ~Impl() { db.close(); }

  fs::path path;
  Connection db;
  SweepPlan plan;
  std::int64_t run_count = 0;
};

ResultReader::ResultReader(const fs::path& database) {
  const auto status = fs::status(database);
  if (!fs::exists(status)) {
    throw file_error(database, "does not exist; give the --out file of an insim sweep");
  }
  if (!fs::is_regular_file(status)) throw file_error(database, "is not a file");
  const char* not_ours = "is not an insim sweep database";
  if (!has_sqlite_header(database)) {
    throw file_error(database, fmt::format("{} (it is not even an SQLite file); give the --out "
                                           "file of an insim sweep",
                                           not_ours));
  }
  try {
    impl_ = std::make_unique<Impl>(database);
    auto& db = impl_->db;
    db.exec("PRAGMA busy_timeout = 10000");
    if (db.query_int64("PRAGMA application_id") != kApplicationId) {
      throw file_error(database, fmt::format("{}: it is an SQLite file made by something else; "
                                             "give the --out file of an insim sweep",
                                             not_ours));
    }
    if (const auto version = db.query_int64("PRAGMA user_version"); version != kSchemaVersion) {
      throw file_error(database, fmt::format("was written with sweep database layout {}, and "
                                             "this insim reads layout {}; read it with the "
                                             "insim that wrote it",
                                             version, kSchemaVersion));
    }
    // One snapshot for everything this reader returns, even while a sweep writes the file.
    db.exec("BEGIN");
    impl_->plan = read_plan(db);
  } catch (const InputError&) {
    throw;
  } catch (const SqliteError& e) {
    throw file_error(database, fmt::format("cannot be read as a sweep database ({})", e.what()));
  } catch (const std::runtime_error& e) {
    throw file_error(database, fmt::format("is damaged: {}", e.what()));
  }
  impl_->run_count =
      static_cast<std::int64_t>(impl_->plan.points.size()) * impl_->plan.header.replicates;
}

ResultReader::~ResultReader() = default;
ResultReader::ResultReader(ResultReader&&) noexcept = default;
ResultReader& ResultReader::operator=(ResultReader&&) noexcept = default;

const fs::path& ResultReader::path() const { return impl_->path; }
const SweepPlan& ResultReader::plan() const { return impl_->plan; }
std::int64_t ResultReader::run_count() const { return impl_->run_count; }

std::vector<RunRow> ResultReader::runs() const {
  std::vector<RunRow> rows;
  auto s = impl_->db.prepare(std::string(kRunColumns) + " ORDER BY run_id");
  while (s.step()) rows.push_back(run_row(s));
  return rows;
}

RunCounts ResultReader::counts() const {
  RunCounts counts;
  auto s = impl_->db.prepare("SELECT status, count(*) FROM runs GROUP BY status");
  while (s.step()) (s.text(0) == "done" ? counts.done : counts.failed) = s.int64(1);
  counts.pending = impl_->run_count - counts.done - counts.failed;
  return counts;
}

std::vector<double> ResultReader::metric_by_run(std::string_view metric) const {
  bool known = false;
  for (const auto& m : impl_->plan.metrics) known = known || m.name == metric;
  if (!known) {
    throw std::out_of_range(
        fmt::format("{}: the sweep has no metric '{}'", impl_->path.string(), metric));
  }
  std::vector<double> values(static_cast<std::size_t>(impl_->run_count), kNaN);
  // From the index metrics_by_name alone; a failed run has no metric rows.
  auto s = impl_->db.prepare("SELECT run_id, value FROM metrics WHERE name = ? ORDER BY run_id");
  s.bind(1, metric);
  while (s.step()) {
    const auto id = s.int64(0);
    if (id >= 0 && id < impl_->run_count) values[static_cast<std::size_t>(id)] = s.real(1);
  }
  return values;
}

void ResultReader::for_each_metrics_row(
    const std::function<void(const RunRow&, std::span<const double>)>& visit) const {
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t m = 0; m < impl_->plan.metrics.size(); ++m) {
    index.emplace(impl_->plan.metrics[m].name, m);
  }
  std::vector<double> values(impl_->plan.metrics.size(), kNaN);
  auto runs =
      impl_->db.prepare(std::string(kRunColumns) + " WHERE status = 'done' ORDER BY run_id");
  auto metrics = impl_->db.prepare("SELECT name, value FROM metrics WHERE run_id = ?");
  while (runs.step()) {
    const RunRow run = run_row(runs);
    std::fill(values.begin(), values.end(), kNaN);
    metrics.bind(1, run.run_id);
    while (metrics.step()) {
      if (const auto it = index.find(metrics.text(0)); it != index.end()) {
        values[it->second] = metrics.real(1);
      }
    }
    metrics.reset();
    visit(run, values);
  }
}

void ResultReader::for_each_series_row(const std::function<void(const SeriesRow&)>& visit) const {
  const auto& columns = impl_->plan.series_columns;
  if (columns.empty()) return;
  auto runs = impl_->db.prepare("SELECT run_id FROM runs WHERE status = 'done' ORDER BY run_id");
  auto rows = impl_->db.prepare(
      "SELECT step, date, value FROM series WHERE run_id = ? AND name = ? ORDER BY step");
  std::string date;
  while (runs.step()) {
    SeriesRow row;
    row.run_id = runs.int64(0);
    for (const auto& column : columns) {
      row.column = column;
      rows.bind(1, row.run_id).bind(2, column);
      while (rows.step()) {
        row.step = rows.int64(0);
        date = rows.is_null(1) ? std::string() : rows.text(1);
        row.date = date;
        row.value = rows.real(2);
        visit(row);
      }
      rows.reset();
    }
  }
}

}  // namespace insim::sweep
