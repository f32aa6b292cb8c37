#include "sweep/result_store_schema.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace insim::sweep {

namespace {
// Keys and checks say what the store guarantees: one row per run, a failed run always with its
// error and a done one never, values only for declared parameters, metrics and columns.
// Composite keys are WITHOUT ROWID tables: the key is the storage order, no second b-tree.
constexpr const char* kTables = R"sql(
CREATE TABLE sweep (
  spec_path          TEXT    NOT NULL,
  spec_text          TEXT    NOT NULL,
  spec_hash          TEXT    NOT NULL,
  base_scenario_hash TEXT    NOT NULL,
  design             TEXT    NOT NULL,
  seed               INTEGER NOT NULL,
  replicates         INTEGER NOT NULL CHECK (replicates >= 1),
  insim_version      TEXT    NOT NULL,
  git_commit         TEXT    NOT NULL,
  created_utc        TEXT    NOT NULL
);
CREATE TABLE parameters (
  parameter_index INTEGER PRIMARY KEY,
  name            TEXT    NOT NULL UNIQUE,
  kind            TEXT    NOT NULL,
  domain          TEXT    NOT NULL
);
CREATE TABLE points (
  point_id INTEGER PRIMARY KEY,
  role     TEXT    NOT NULL
);
CREATE TABLE point_values (
  point_id  INTEGER NOT NULL REFERENCES points (point_id),
  parameter TEXT    NOT NULL REFERENCES parameters (name),
  value     REAL,
  text      TEXT    NOT NULL,
  PRIMARY KEY (point_id, parameter)
) WITHOUT ROWID;
CREATE TABLE metric_definitions (
  metric_index INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE,
  definition   TEXT    NOT NULL
);
CREATE TABLE series_columns (
  column_index INTEGER PRIMARY KEY,
  name         TEXT    NOT NULL UNIQUE
);
CREATE TABLE runs (
  run_id       INTEGER PRIMARY KEY,
  point_id     INTEGER NOT NULL REFERENCES points (point_id),
  replicate    INTEGER NOT NULL CHECK (replicate >= 0),
  seed         INTEGER NOT NULL,
  status       TEXT    NOT NULL CHECK (status IN ('done', 'failed')),
  error        TEXT    CHECK ((status = 'failed') = (error IS NOT NULL)),
  wall_seconds REAL    NOT NULL,
  started_utc  TEXT    NOT NULL,
  finished_utc TEXT    NOT NULL,
  UNIQUE (point_id, replicate)
);
CREATE TABLE metrics (
  run_id INTEGER NOT NULL REFERENCES runs (run_id),
  name   TEXT    NOT NULL REFERENCES metric_definitions (name),
  value  REAL,
  PRIMARY KEY (run_id, name)
) WITHOUT ROWID;
CREATE INDEX metrics_by_name ON metrics (name, run_id, value);
CREATE TABLE series (
  run_id INTEGER NOT NULL REFERENCES runs (run_id),
  name   TEXT    NOT NULL REFERENCES series_columns (name),
  step   INTEGER NOT NULL,
  date   TEXT,
  value  REAL,
  PRIMARY KEY (run_id, name, step)
) WITHOUT ROWID;
)sql";
}  // namespace

void create_schema(Connection& db) {
  db.exec(kTables);
  db.exec(fmt::format("PRAGMA application_id = {}; PRAGMA user_version = {};", kApplicationId,
                      kSchemaVersion));
}

void set_writing_pragmas(Connection& db) {
  // WAL: readers (insim analyze, a notebook) see committed runs while the sweep writes.
  // NORMAL, not FULL: with a write-ahead log a commit is then written but not fsynced, which
  // already survives the process dying (kill -9: the kernel has the bytes); only a power cut or
  // kernel crash can undo the last commits since a checkpoint, and those runs then read as
  // pending and are done again with the same seeds, giving the same rows. FULL would fsync
  // each commit under the writer's lock: 4.4 ms against 0.08 ms here (docs/sweep-database.md).
  db.exec("PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
  // SQLite keeps the old mode, silently, where it cannot use a write-ahead log (a file system
  // without shared memory, such as most network file systems).
  if (const auto mode = db.query_text("PRAGMA journal_mode = WAL"); mode != "wal") {
    throw SqliteError(SQLITE_CANTOPEN,
                      fmt::format("{}: cannot use a write-ahead log here (journal mode stays "
                                  "'{}'); write the database on a local disk",
                                  db.file().string(), mode));
  }
}

SweepPlan read_plan(Connection& db) {
  SweepPlan plan;
  if (db.query_int64("SELECT count(*) FROM sweep") != 1) {
    throw std::runtime_error("its sweep table does not hold exactly one row");
  }
  auto s = db.prepare(
      "SELECT spec_path, spec_text, spec_hash, base_scenario_hash, design, seed, replicates, "
      "insim_version, git_commit, created_utc FROM sweep");
  s.step();
  auto& h = plan.header;
  h.spec_path = s.text(0);
  h.spec_text = s.text(1);
  h.spec_hash = s.text(2);
  h.base_scenario_hash = s.text(3);
  h.design = s.text(4);
  h.seed = s.int64(5);
  h.replicates = s.int64(6);
  h.insim_version = s.text(7);
  h.git_commit = s.text(8);
  h.created_utc = s.text(9);

  auto p = db.prepare("SELECT name, kind, domain FROM parameters ORDER BY parameter_index");
  while (p.step()) plan.parameters.push_back({p.text(0), p.text(1), p.text(2)});
  auto pt = db.prepare("SELECT point_id, role FROM points ORDER BY point_id");
  while (pt.step()) {
    if (pt.int64(0) != static_cast<std::int64_t>(plan.points.size())) {
      throw std::runtime_error("its point ids are not 0, 1, 2, ...");
    }
    plan.points.push_back({pt.text(1), {}});
  }
  auto v = db.prepare(
      "SELECT v.point_id, v.text, v.value FROM point_values v "
      "JOIN parameters p ON p.name = v.parameter ORDER BY v.point_id, p.parameter_index");
  while (v.step()) {
    const auto id = v.int64(0);
    if (id < 0 || id >= static_cast<std::int64_t>(plan.points.size())) {
      throw std::runtime_error(fmt::format("a value belongs to point {}, which is missing", id));
    }
    ParameterValue value{v.text(1), std::nullopt};
    if (!v.is_null(2)) value.number = v.real(2);
    plan.points[static_cast<std::size_t>(id)].values.push_back(std::move(value));
  }
  for (std::size_t i = 0; i < plan.points.size(); ++i) {
    if (plan.points[i].values.size() != plan.parameters.size()) {
      throw std::runtime_error(fmt::format("point {} has {} values for {} parameters", i,
                                           plan.points[i].values.size(), plan.parameters.size()));
    }
  }
  auto m = db.prepare("SELECT name, definition FROM metric_definitions ORDER BY metric_index");
  while (m.step()) plan.metrics.push_back({m.text(0), m.text(1)});
  auto c = db.prepare("SELECT name FROM series_columns ORDER BY column_index");
  while (c.step()) plan.series_columns.push_back(c.text(0));
  return plan;
}

// SQLite's own files start with these 16 bytes; anything else is refused before SQLite sees it
// (SQLite treats an empty file as an empty database).
bool has_sqlite_header(const std::filesystem::path& path) {
  static constexpr char kMagic[16] = "SQLite format 3";  // with its terminating NUL
  char head[16] = {};
  std::ifstream in(path, std::ios::binary);
  return in.read(head, sizeof head) && std::memcmp(head, kMagic, sizeof head) == 0;
}

}  // namespace insim::sweep
