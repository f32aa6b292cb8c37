#pragma once
// A thin RAII layer over the SQLite C API: a connection, its prepared statements, and errors
// that name the database file and SQLite's reason. No locking of its own: a Connection and its
// Statements are used by one thread at a time (the caller holds a mutex).
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace insim::sweep {

// SQLite refused or failed; what() is "FILE: what was being done: SQLite's message".
class SqliteError : public std::runtime_error {
 public:
  SqliteError(int extended_code, const std::string& message)
      : std::runtime_error(message), code_(extended_code) {}
  // SQLite's extended result code, e.g. SQLITE_CONSTRAINT_PRIMARYKEY.
  [[nodiscard]] int code() const { return code_; }
  // The primary code (the low byte), e.g. SQLITE_CONSTRAINT.
  [[nodiscard]] int primary_code() const { return code_ & 0xff; }

 private:
  int code_;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql, const std::filesystem::path& file);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are numbered from 1, as in SQLite. A NaN is bound as NULL (SQLite has no NaN).
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind_null(int index);

  // true: a row is ready to read; false: the statement is done. Throws SqliteError, after
  // resetting the statement and clearing its bindings.
  bool step();
  // Steps a statement that returns no rows.
  void run();
  // Ready to bind and step again; bindings are cleared.
  void reset();

  // Columns are numbered from 0. real() reads NULL as NaN.
  [[nodiscard]] bool is_null(int column) const;
  [[nodiscard]] std::int64_t int64(int column) const;
  [[nodiscard]] double real(int column) const;
  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] int column_count() const;
  [[nodiscard]] int column_type(int column) const;  // SQLITE_INTEGER, SQLITE_FLOAT, ...

 private:
  [[noreturn]] void fail(int code, std::string_view doing) const;

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  const std::filesystem::path* file_;
};

class Connection {
 public:
  enum class Mode { create, read_write, read_only };

  // Throws SqliteError naming the file when SQLite cannot open it.
  Connection(std::filesystem::path file, Mode mode);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements that return no rows.
  void exec(std::string_view sql);
  [[nodiscard]] Statement prepare(std::string_view sql);
  // The single value of a one-row, one-column query, as integer or text.
  [[nodiscard]] std::int64_t query_int64(std::string_view sql);
  [[nodiscard]] std::string query_text(std::string_view sql);
  // false while a transaction is open.
  [[nodiscard]] bool in_transaction() const;
  // Rolls back an open transaction, if any; never throws (for error paths).
  void rollback_quietly() noexcept;
  void close();

  [[nodiscard]] const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
  sqlite3* db_ = nullptr;
};

}  // namespace insim::sweep
