#include "sweep/result_store_dump.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include "sweep/sqlite_connection.hpp"

namespace insim::sweep {

namespace {
struct TableQuery {
  const char* table;
  const char* select;
};

// Every table of result_store_schema.cpp, each ordered by its key.
constexpr TableQuery kTables[] = {
    {"sweep",
     "SELECT spec_path, spec_text, spec_hash, base_scenario_hash, design, seed, replicates, "
     "insim_version, git_commit FROM sweep"},
    {"parameters", "SELECT * FROM parameters ORDER BY parameter_index"},
    {"points", "SELECT * FROM points ORDER BY point_id"},
    {"point_values", "SELECT * FROM point_values ORDER BY point_id, parameter"},
    {"metric_definitions", "SELECT * FROM metric_definitions ORDER BY metric_index"},
    {"series_columns", "SELECT * FROM series_columns ORDER BY column_index"},
    {"runs", "SELECT run_id, point_id, replicate, seed, status, error FROM runs ORDER BY run_id"},
    {"metrics", "SELECT * FROM metrics ORDER BY run_id, name"},
    {"series", "SELECT * FROM series ORDER BY run_id, name, step"},
};

void append_value(std::string& out, const Statement& s, int column) {
  switch (s.column_type(column)) {
    case SQLITE_NULL:
      out += "NULL";
      break;
    case SQLITE_INTEGER:
      out += std::to_string(s.int64(column));
      break;
    case SQLITE_FLOAT:
      out += fmt::format("{:.17g}", s.real(column));
      break;
    default:  // text, quoted so that a separator inside it cannot shift the columns
      out += fmt::format("{:?}", s.text(column));
  }
}
}  // namespace

std::string comparable_contents(const std::filesystem::path& database) {
  Connection db(database, Connection::Mode::read_only);
  std::string out;
  for (const auto& t : kTables) {
    out += fmt::format("[{}]\n", t.table);
    auto s = db.prepare(t.select);
    while (s.step()) {
      for (int c = 0; c < s.column_count(); ++c) {
        if (c > 0) out += '|';
        append_value(out, s, c);
      }
      out += '\n';
    }
  }
  return out;
}

}  // namespace insim::sweep
