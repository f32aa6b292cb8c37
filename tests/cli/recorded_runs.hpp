#pragma once
// Runs with a row in a sweep database so far, read while the sweep writes it (WAL mode: a reader
// never blocks the writer); -1 when the file cannot be read yet.
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>

namespace insim::test {

inline std::int64_t recorded_runs(const std::filesystem::path& db) {
  sqlite3* c = nullptr;
  std::int64_t n = -1;
  if (sqlite3_open_v2(db.c_str(), &c, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(c, "SELECT count(*) FROM runs", -1, &st, nullptr) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
      n = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(c);
  return n;
}

}  // namespace insim::test
