#pragma once
// An output file that appears whole or not at all. Writes go to a temporary file in the
// target's folder (same file system, so the final rename is atomic); commit() flushes, fsyncs
// and renames it into place. Until then the target is untouched (absent, or its old content);
// on failure or destruction without commit the temporary file is removed.
#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <string_view>

namespace insim::output {

// A file or folder could not be written; the message names the path and the reason.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class AtomicFile {
 public:
  // Creates the temporary file now, so an unwritable folder fails before any work is done.
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  // Flushes and fsyncs the temporary file and closes it; no more writes. Splitting this from
  // commit() lets a set of files all be made durable before any of them is renamed.
  void finish();
  // finish() if not done, then renames the temporary file onto the target.
  void commit();

  [[nodiscard]] const std::filesystem::path& target() const { return target_; }
  [[nodiscard]] const std::filesystem::path& temp_path() const { return temp_; }

 private:
  void discard() noexcept;

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
};

}  // namespace insim::output
