#pragma once
// The tables of a sweep database (docs/sweep-database.md) and how a file says it is one.
#include <cstdint>

#include <filesystem>

#include "sweep/result_store.hpp"
#include "sweep/sqlite_connection.hpp"

namespace insim::sweep {

// PRAGMA application_id: the four bytes "insm" at offset 68 of the file's header, so that a
// sweep database is told from any other SQLite file (and by `file(1)`'s magic, if taught).
inline constexpr std::int32_t kApplicationId = 0x696e736d;
// PRAGMA user_version: the layout of the tables below. A change to them increments it.
inline constexpr std::int32_t kSchemaVersion = 1;

// Creates every table and index in an empty database and stamps its application id and
// schema version; the caller holds the transaction.
void create_schema(Connection& db);

// The pragmas every writing connection sets: write-ahead log, synchronous=NORMAL, foreign keys, a
// busy timeout for another process (a reader, a checkpoint) holding a lock for a moment.
void set_writing_pragmas(Connection& db);

// The plan a database holds (sweep, parameters, points, metric and series definitions), read
// back in the order create() wrote it. Throws std::runtime_error saying what is inconsistent.
[[nodiscard]] SweepPlan read_plan(Connection& db);

// Whether the file starts as every SQLite file does; SQLite itself would open anything else (an
// empty file reads as an empty database), so callers check this first.
[[nodiscard]] bool has_sqlite_header(const std::filesystem::path& path);

}  // namespace insim::sweep
