#pragma once
// An output file that appears whole or not at all. Writes go to a temporary file in the
// target's folder (same file system, so the final rename is atomic); commit() flushes, fsyncs
// and renames it into place. Until then the target is untouched (absent, or its old content);
// on failure or destruction without commit the temporary file is removed.
#include <cstdio>
#include <filesystem>
#include <span>
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
  // finish() if not done, then renames the temporary file onto the target and syncs its folder
  // (unless `sync_its_folder` is false: commit_all syncs each folder once, after all renames).
  void commit(bool sync_its_folder = true);

  [[nodiscard]] const std::filesystem::path& target() const { return target_; }
  [[nodiscard]] const std::filesystem::path& temp_path() const { return temp_; }

 private:
  void discard() noexcept;

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::FILE* file_ = nullptr;
  bool committed_ = false;
};

// Commits a set of outputs: each is finished (written and fsynced) first, then all are renamed,
// then each folder is synced once. The renames follow each other within microseconds, so a process
// killed among them (SIGKILL, power cut) leaves a set with some files new and some not only in that
// window; a folder fsync after each rename would widen it to milliseconds per file.
void commit_all(std::span<AtomicFile* const> files);

// Renames `from` to `to` only if nothing is at `to`: renameat2(RENAME_NOREPLACE), or where the
// file system lacks it, a check then a rename (a race only between two creators of one file).
// False when `to` exists; throws OutputError when the rename fails otherwise.
[[nodiscard]] bool rename_without_replacing(const std::filesystem::path& from,
                                            const std::filesystem::path& to);

// Syncs a folder, so that a rename into it survives a crash; best effort (a folder that cannot be
// opened is left alone: the rename itself has happened).
void sync_folder(const std::filesystem::path& folder);

}  // namespace insim::output
