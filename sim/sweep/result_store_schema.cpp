#include "sweep/result_store_schema.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

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

}  // namespace insim::sweep
