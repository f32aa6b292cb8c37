#include "sweep/result_store.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <utility>

#include "core/error.hpp"
#include "insim/version.hpp"
#include "output/atomic_file.hpp"
#include "run/run_environment.hpp"
#include "sweep/result_store_schema.hpp"
#include "sweep/sqlite_connection.hpp"

namespace insim::sweep {

namespace fs = std::filesystem;

namespace {

InputError file_error(const fs::path& path, std::string message) {
  return InputError(Diagnostic{path.string(), 0, 0, "", std::move(message)});
}

void check_plan(const SweepPlan& plan) {
  auto fail = [](const std::string& what) { throw std::invalid_argument("sweep plan: " + what); };
  if (plan.header.replicates < 1) fail("replicates must be at least 1");
  if (plan.points.empty()) fail("it has no points");
  auto unique_names = [&](std::vector<std::string> names, const char* what) {
    std::sort(names.begin(), names.end());
    const auto dup = std::adjacent_find(names.begin(), names.end());
    if (dup != names.end()) fail(fmt::format("{} '{}' appears twice", what, *dup));
    if (!names.empty() && names.front().empty()) fail(fmt::format("a {} has no name", what));
  };
  std::vector<std::string> names;
  for (const auto& p : plan.parameters) names.push_back(p.name);
  unique_names(names, "parameter");
  names.clear();
  for (const auto& m : plan.metrics) names.push_back(m.name);
  unique_names(names, "metric");
  unique_names(plan.series_columns, "series column");
  for (std::size_t i = 0; i < plan.points.size(); ++i) {
    if (plan.points[i].values.size() != plan.parameters.size()) {
      fail(fmt::format("point {} has {} values for {} parameters", i, plan.points[i].values.size(),
                       plan.parameters.size()));
    }
  }
}

void insert_plan(Connection& db, const SweepPlan& plan) {
  const auto& h = plan.header;
  db.prepare(
        "INSERT INTO sweep (spec_path, spec_text, spec_hash, base_scenario_hash, design, seed, "
        "replicates, insim_version, git_commit, created_utc) VALUES (?,?,?,?,?,?,?,?,?,?)")
      .bind(1, h.spec_path)
      .bind(2, h.spec_text)
      .bind(3, h.spec_hash)
      .bind(4, h.base_scenario_hash)
      .bind(5, h.design)
      .bind(6, h.seed)
      .bind(7, h.replicates)
      .bind(8, h.insim_version)
      .bind(9, h.git_commit)
      .bind(10, h.created_utc)
      .run();
  auto parameter = db.prepare("INSERT INTO parameters VALUES (?,?,?,?)");
  for (std::size_t i = 0; i < plan.parameters.size(); ++i) {
    const auto& p = plan.parameters[i];
    parameter.bind(1, static_cast<std::int64_t>(i)).bind(2, p.name).bind(3, p.kind);
    parameter.bind(4, p.domain).run();
  }
  auto point = db.prepare("INSERT INTO points VALUES (?,?)");
  auto value = db.prepare("INSERT INTO point_values VALUES (?,?,?,?)");
  for (std::size_t i = 0; i < plan.points.size(); ++i) {
    const auto id = static_cast<std::int64_t>(i);
    point.bind(1, id).bind(2, plan.points[i].role).run();
    for (std::size_t k = 0; k < plan.parameters.size(); ++k) {
      const auto& v = plan.points[i].values[k];
      value.bind(1, id).bind(2, plan.parameters[k].name).bind(4, v.text);
      if (v.number) {
        value.bind(3, *v.number);
      } else {
        value.bind_null(3);
      }
      value.run();
    }
  }
  auto metric = db.prepare("INSERT INTO metric_definitions VALUES (?,?,?)");
  for (std::size_t i = 0; i < plan.metrics.size(); ++i) {
    metric.bind(1, static_cast<std::int64_t>(i)).bind(2, plan.metrics[i].name);
    metric.bind(3, plan.metrics[i].definition).run();
  }
  auto column = db.prepare("INSERT INTO series_columns VALUES (?,?)");
  for (std::size_t i = 0; i < plan.series_columns.size(); ++i) {
    column.bind(1, static_cast<std::int64_t>(i)).bind(2, plan.series_columns[i]).run();
  }
}

// An advisory lock on the database file, held as long as the store is open, so that a second
// `insim sweep --resume` on the same file fails at once instead of redoing the same runs.
// flock(2) locks are separate from the fcntl(2) locks SQLite uses on Linux.
class WriterLock {
 public:
  explicit WriterLock(const fs::path& path) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      throw file_error(path, fmt::format("cannot be opened: {}", std::strerror(errno)));
    }
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int err = errno;
      ::close(fd_);
      if (err == EWOULDBLOCK) {
        throw file_error(path,
                         "is being written by another insim sweep (still running?); wait for it "
                         "to end, or stop it, before resuming");
      }
      throw file_error(path, fmt::format("cannot be locked: {}", std::strerror(err)));
    }
  }
  ~WriterLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
  }
  WriterLock(WriterLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  WriterLock& operator=(WriterLock&&) = delete;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace

struct ResultStore::Impl {
  Impl(fs::path file, SweepPlan p, WriterLock writer_lock)
      : path(std::move(file)),
        plan(std::move(p)),
        lock(std::move(writer_lock)),
        db(path, Connection::Mode::read_write) {
    set_writing_pragmas(db);
    insert_run.emplace(db.prepare(
        "INSERT INTO runs (run_id, point_id, replicate, seed, status, error, wall_seconds, "
        "started_utc, finished_utc) VALUES (?,?,?,?,?,?,?,?,?)"));
    insert_metric.emplace(db.prepare("INSERT INTO metrics (run_id, name, value) VALUES (?,?,?)"));
    insert_series.emplace(
        db.prepare("INSERT INTO series (run_id, name, step, date, value) VALUES (?,?,?,?,?)"));
    run_count = static_cast<std::int64_t>(plan.points.size()) * plan.header.replicates;
  }
  ~Impl() {
    // Statements are finalized before the connection closes.
    insert_run.reset();
    insert_metric.reset();
    insert_series.reset();
  }

  PlannedRun planned(std::int64_t run_id) const {
    if (run_id < 0 || run_id >= run_count) {
      throw std::out_of_range(fmt::format("{}: there is no run {}: its runs are 0 to {}",
                                          path.string(), run_id, run_count - 1));
    }
    return {run_id, run_id / plan.header.replicates, run_id % plan.header.replicates};
  }

  void insert_run_row(const PlannedRun& run, std::int64_t seed, const char* status,
                      const std::string* error, const RunTiming& t) {
    auto& s = *insert_run;
    s.bind(1, run.run_id).bind(2, run.point_id).bind(3, run.replicate).bind(4, seed);
    s.bind(5, std::string_view(status));
    if (error != nullptr) {
      s.bind(6, *error);
    } else {
      s.bind_null(6);
    }
    s.bind(7, t.wall_seconds).bind(8, utc_iso8601(t.started)).bind(9, utc_iso8601(t.finished));
    try {
      s.run();
    } catch (const SqliteError& e) {
      if (e.code() == SQLITE_CONSTRAINT_PRIMARYKEY || e.code() == SQLITE_CONSTRAINT_UNIQUE) {
        throw std::logic_error(fmt::format(
            "{}: run {} (point {}, replicate {}) is already recorded; a run is recorded once",
            path.string(), run.run_id, run.point_id, run.replicate));
      }
      throw;
    }
  }

  // Runs `body` in one write transaction; on any error nothing of it stays.
  template <class Body>
  void transaction(const PlannedRun& run, Body&& body) {
    std::lock_guard guard(mutex);
    try {
      db.exec("BEGIN IMMEDIATE");
      body();
      db.exec("COMMIT");
    } catch (const SqliteError& e) {
      db.rollback_quietly();
      throw output::OutputError(fmt::format(
          "cannot record run {} (point {}, replicate {}): {}; the run stays pending and "
          "--resume will do it again",
          run.run_id, run.point_id, run.replicate, e.what()));
    } catch (...) {
      db.rollback_quietly();
      throw;
    }
  }

  fs::path path;
  SweepPlan plan;
  WriterLock lock;
  Connection db;
  std::optional<Statement> insert_run, insert_metric, insert_series;
  std::int64_t run_count = 0;
  mutable std::mutex mutex;  // one thread at a time on the connection
};

ResultStore::ResultStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ResultStore::~ResultStore() = default;
ResultStore::ResultStore(ResultStore&&) noexcept = default;
ResultStore& ResultStore::operator=(ResultStore&&) noexcept = default;

ResultStore ResultStore::create(const fs::path& path, const SweepPlan& given) {
  check_plan(given);
  if (fs::exists(fs::symlink_status(path))) {
    throw file_error(path,
                     "already exists: pass --resume to finish the sweep it holds, or choose "
                     "another output file; it was left as it is");
  }
  SweepPlan plan = given;
  plan.header.insim_version = kVersion;
  plan.header.git_commit = kGitCommit;
  plan.header.created_utc = utc_iso8601(std::chrono::system_clock::now());

  const fs::path folder = path.parent_path();
  std::error_code ec;
  if (!folder.empty()) fs::create_directories(folder, ec);
  if (ec) {
    throw output::OutputError(
        fmt::format("cannot create folder '{}': {}", folder.string(), ec.message()));
  }
  // Built under a hidden name beside the target, in rollback-journal mode (one file), then
  // renamed: a crash while creating never leaves a half-made database at `path`.
  static std::atomic<unsigned> counter{0};
  const fs::path temp = folder / fmt::format(".{}.{}-{}.creating", path.filename().string(),
                                             ::getpid(), counter.fetch_add(1));
  auto remove_temp = [&] {
    std::error_code ignored;
    fs::remove(temp, ignored);
    fs::remove(fs::path(temp.string() + "-journal"), ignored);
  };
  remove_temp();
  try {
    Connection db(temp, Connection::Mode::create);
    db.exec("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
    db.exec("BEGIN");
    create_schema(db);
    insert_plan(db, plan);
    db.exec("COMMIT");
    db.close();
  } catch (const SqliteError& e) {
    remove_temp();
    throw output::OutputError(fmt::format("cannot create {}: {}", path.string(), e.what()));
  } catch (...) {
    remove_temp();
    throw;
  }
  if (!output::rename_without_replacing(temp, path)) {
    remove_temp();
    throw file_error(path,
                     "already exists (made while this one was being created); it was "
                     "left as it is");
  }
  output::sync_folder(folder);
  WriterLock lock(path);
  try {
    return ResultStore(std::make_unique<Impl>(path, std::move(plan), std::move(lock)));
  } catch (const SqliteError& e) {
    throw output::OutputError(fmt::format("cannot open {}: {}", path.string(), e.what()));
  }
}

ResultStore ResultStore::open_for_resume(const fs::path& path, const SweepIdentity& expected) {
  const auto status = fs::status(path);
  if (!fs::exists(status)) {
    throw file_error(path,
                     "does not exist, so there is nothing to resume; leave out --resume "
                     "to start the sweep");
  }
  if (!fs::is_regular_file(status)) throw file_error(path, "is not a file");
  WriterLock lock(path);  // before the checks, which may take seconds on a large file
  const char* not_ours = "is not an insim sweep database";
  if (!has_sqlite_header(path)) {
    throw file_error(path, fmt::format("{} (it is not even an SQLite file); give the --out file "
                                       "of the sweep to resume",
                                       not_ours));
  }
  SweepPlan plan;
  try {
    // Read-write: a crash may have left a write-ahead log that opening replays.
    Connection db(path, Connection::Mode::read_write);
    db.exec("PRAGMA busy_timeout = 10000");
    if (db.query_int64("PRAGMA application_id") != kApplicationId) {
      throw file_error(path, fmt::format("{}: it is an SQLite file made by something else; give "
                                         "the --out file of the sweep to resume",
                                         not_ours));
    }
    if (const auto version = db.query_int64("PRAGMA user_version"); version != kSchemaVersion) {
      throw file_error(path, fmt::format("was written with sweep database layout {}, and this "
                                         "insim reads layout {}; resume it with the insim that "
                                         "started it",
                                         version, kSchemaVersion));
    }
    if (const auto check = db.query_text("PRAGMA quick_check"); check != "ok") {
      throw file_error(path, fmt::format("is damaged ({}); it cannot be resumed: start the "
                                         "sweep again with another output file",
                                         check));
    }
    plan = read_plan(db);
  } catch (const SqliteError& e) {
    throw file_error(path, fmt::format("cannot be read as a sweep database ({}); it cannot be "
                                       "resumed: start the sweep again with another output file",
                                       e.what()));
  } catch (const std::runtime_error& e) {
    if (dynamic_cast<const InputError*>(&e) != nullptr) throw;
    throw file_error(path, fmt::format("is damaged: {}; start the sweep again with another "
                                       "output file",
                                       e.what()));
  }
  if (plan.header.spec_hash != expected.spec_hash) {
    throw file_error(path,
                     fmt::format("was made from another sweep spec ({}, hash {}; this "
                                 "spec's hash is {}): resume with the spec that started "
                                 "it, or choose another output file",
                                 plan.header.spec_path, plan.header.spec_hash, expected.spec_hash));
  }
  if (plan.header.base_scenario_hash != expected.base_scenario_hash) {
    throw file_error(path,
                     fmt::format("was made from another version of the base scenario "
                                 "(hash {}; now {}): its runs and new ones would not be "
                                 "comparable; start the sweep again with another output "
                                 "file",
                                 plan.header.base_scenario_hash, expected.base_scenario_hash));
  }
  try {
    return ResultStore(std::make_unique<Impl>(path, std::move(plan), std::move(lock)));
  } catch (const SqliteError& e) {
    throw file_error(path, fmt::format("cannot be opened for writing: {}", e.what()));
  }
}

const fs::path& ResultStore::path() const { return impl_->path; }
const SweepPlan& ResultStore::plan() const { return impl_->plan; }
std::int64_t ResultStore::run_count() const { return impl_->run_count; }
PlannedRun ResultStore::planned_run(std::int64_t run_id) const { return impl_->planned(run_id); }

std::vector<PlannedRun> ResultStore::pending_runs() const {
  std::vector<PlannedRun> pending;
  std::lock_guard guard(impl_->mutex);
  auto s = impl_->db.prepare("SELECT run_id FROM runs ORDER BY run_id");
  std::int64_t next = 0;
  auto pending_until = [&](std::int64_t end) {
    for (; next < end; ++next) pending.push_back(impl_->planned(next));
  };
  while (s.step()) {
    const auto recorded = s.int64(0);
    pending_until(std::min(recorded, impl_->run_count));
    next = recorded + 1;
  }
  pending_until(impl_->run_count);
  return pending;
}

RunCounts ResultStore::counts() const {
  RunCounts counts;
  std::lock_guard guard(impl_->mutex);
  auto s = impl_->db.prepare("SELECT status, count(*) FROM runs GROUP BY status");
  while (s.step()) {
    (s.text(0) == "done" ? counts.done : counts.failed) = s.int64(1);
  }
  counts.pending = impl_->run_count - counts.done - counts.failed;
  return counts;
}

void ResultStore::record(const RunRecord& run) {
  auto& im = *impl_;
  const PlannedRun planned = im.planned(run.run_id);
  const auto& plan = im.plan;
  if (run.metrics.size() != plan.metrics.size()) {
    throw std::invalid_argument(fmt::format("{}: run {} has {} metrics; the plan has {}",
                                            im.path.string(), run.run_id, run.metrics.size(),
                                            plan.metrics.size()));
  }
  const auto& s = run.series;
  const std::size_t rows = s.steps.size();
  bool shaped = s.columns.size() == plan.series_columns.size() &&
                (s.dates.empty() || s.dates.size() == rows) && (rows > 0 || s.columns.empty());
  for (const auto& column : s.columns) shaped = shaped && column.size() == rows;
  if (!shaped) {
    throw std::invalid_argument(fmt::format(
        "{}: run {}: its series has {} columns, {} steps and {} dates; the plan keeps {} "
        "columns, each with a value per step, and a date per step or none",
        im.path.string(), run.run_id, s.columns.size(), rows, s.dates.size(),
        plan.series_columns.size()));
  }
  if (std::adjacent_find(s.steps.begin(), s.steps.end(), std::greater_equal<>()) != s.steps.end()) {
    throw std::invalid_argument(
        fmt::format("{}: run {}: its series steps do not increase", im.path.string(), run.run_id));
  }
  im.transaction(planned, [&] {
    im.insert_run_row(planned, run.seed, "done", nullptr, run.timing);
    auto& metric = *im.insert_metric;
    for (std::size_t m = 0; m < run.metrics.size(); ++m) {
      metric.bind(1, run.run_id).bind(2, plan.metrics[m].name).bind(3, run.metrics[m]).run();
    }
    auto& series = *im.insert_series;
    for (std::size_t c = 0; c < s.columns.size(); ++c) {
      for (std::size_t r = 0; r < rows; ++r) {
        series.bind(1, run.run_id).bind(2, plan.series_columns[c]).bind(3, s.steps[r]);
        if (s.dates.empty()) {
          series.bind_null(4);
        } else {
          series.bind(4, s.dates[r]);
        }
        series.bind(5, s.columns[c][r]).run();
      }
    }
  });
}

void ResultStore::record_failure(const RunFailure& failure) {
  auto& im = *impl_;
  const PlannedRun planned = im.planned(failure.run_id);
  if (failure.error.empty()) {
    throw std::invalid_argument(fmt::format(
        "{}: run {}: a failure is recorded with its error message, and this one is empty",
        im.path.string(), failure.run_id));
  }
  im.transaction(planned, [&] {
    im.insert_run_row(planned, failure.seed, "failed", &failure.error, failure.timing);
  });
}

}  // namespace insim::sweep
