#pragma once
// A sweep database's contents as text, for comparing two databases row for row: every table
// in a fixed order, its rows in key order, one line per row, numbers written exactly (17
// significant digits). Left out is what depends on when and how fast a sweep ran, not on what
// it computed: sweep.created_utc and each run's wall_seconds, started_utc and finished_utc. Two
// sweeps of one spec give the same text however they were split, threaded or interrupted.
#include <filesystem>
#include <string>

namespace insim::sweep {

// Opens the file read-only. Throws SqliteError when it cannot be read.
[[nodiscard]] std::string comparable_contents(const std::filesystem::path& database);

}  // namespace insim::sweep
