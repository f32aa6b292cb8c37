#include "sweep/sqlite_connection.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cmath>
#include <limits>
#include <utility>

namespace insim::sweep {

namespace {
std::string describe(const std::filesystem::path& file, std::string_view doing, sqlite3* db,
                     int code) {
  const char* reason = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  return fmt::format("{}: {}: {}", file.string(), doing, reason);
}
}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql, const std::filesystem::path& file)
    : db_(db), file_(&file) {
  const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) fail(sqlite3_extended_errcode(db), fmt::format("preparing \"{}\"", sql));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), file_(other.file_) {}

void Statement::fail(int code, std::string_view doing) const {
  throw SqliteError(code, describe(*file_, doing, db_, code));
}

Statement& Statement::bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK) fail(rc, "binding a parameter");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  if (std::isnan(value)) return bind_null(index);
  const int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK) fail(rc, "binding a parameter");
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  const int rc =
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) fail(rc, "binding a parameter");
  return *this;
}

Statement& Statement::bind_null(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK) fail(rc, "binding a parameter");
  return *this;
}

bool Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  const int code = sqlite3_extended_errcode(db_);
  const std::string doing = fmt::format("running \"{}\"", sqlite3_sql(stmt_));
  reset();  // ready for use again after the error
  fail(code, doing);
}

void Statement::run() {
  while (step()) {
  }
  reset();
}

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const {
  if (is_null(column)) return std::numeric_limits<double>::quiet_NaN();
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(stmt_, column);
  if (bytes == nullptr) return {};
  return {reinterpret_cast<const char*>(bytes),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

int Statement::column_type(int column) const { return sqlite3_column_type(stmt_, column); }

Connection::Connection(std::filesystem::path file, Mode mode) : file_(std::move(file)) {
  int flags = SQLITE_OPEN_READONLY;
  if (mode == Mode::read_write) flags = SQLITE_OPEN_READWRITE;
  if (mode == Mode::create) flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(file_.c_str(), &db_, flags | SQLITE_OPEN_EXRESCODE, nullptr);
  if (rc != SQLITE_OK) {
    const int code = db_ != nullptr ? sqlite3_extended_errcode(db_) : rc;
    const std::string message = describe(file_, "opening", db_, code);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw SqliteError(code, message);
  }
}

Connection::~Connection() { close(); }

void Connection::close() {
  if (db_ == nullptr) return;
  rollback_quietly();
  sqlite3_close_v2(db_);
  db_ = nullptr;
}

void Connection::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    const int code = sqlite3_extended_errcode(db_);
    const std::string reason = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    const auto first_line = text.substr(0, text.find('\n'));
    throw SqliteError(code,
                      fmt::format("{}: running \"{}\": {}", file_.string(), first_line, reason));
  }
}

Statement Connection::prepare(std::string_view sql) { return Statement(db_, sql, file_); }

std::int64_t Connection::query_int64(std::string_view sql) {
  auto s = prepare(sql);
  return s.step() ? s.int64(0) : 0;
}

std::string Connection::query_text(std::string_view sql) {
  auto s = prepare(sql);
  return s.step() ? s.text(0) : std::string();
}

bool Connection::in_transaction() const {
  return db_ != nullptr && sqlite3_get_autocommit(db_) == 0;
}

void Connection::rollback_quietly() noexcept {
  if (in_transaction()) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace insim::sweep
