#include "output/atomic_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace insim::output {

namespace {
constexpr std::size_t kBufferBytes = 1 << 16;

std::string reason(int err) { return std::strerror(err); }

}  // namespace

void sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

bool rename_without_replacing(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) {
    return true;
  }
  if (errno == EEXIST) return false;
  if (errno != EINVAL && errno != ENOSYS) {
    throw OutputError(fmt::format("cannot rename '{}' to '{}': {}", from.string(), to.string(),
                                  reason(errno)));
  }
  if (std::filesystem::exists(std::filesystem::symlink_status(to))) return false;
  std::filesystem::rename(from, to);
  return true;
}

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
  // ".NAME.PID-N.tmp" beside the target: hidden, ignored by git (*.tmp), unique per process
  // and file. Created with O_EXCL and mode 0666, so the umask applies as to any output file.
  static std::atomic<unsigned> counter{0};
  const auto folder = target_.parent_path();
  int fd = -1;
  do {
    temp_ = folder / fmt::format(".{}.{}-{}.tmp", target_.filename().string(), ::getpid(),
                                 counter.fetch_add(1));
    fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  } while (fd < 0 && errno == EEXIST);
  if (fd < 0) {
    const int err = errno;
    temp_.clear();
    throw OutputError(fmt::format("cannot write in folder '{}': {}",
                                  folder.empty() ? "." : folder.string(), reason(err)));
  }
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) {
    const int err = errno;
    ::close(fd);
    discard();
    throw OutputError(fmt::format("cannot open '{}': {}", temp_.string(), reason(err)));
  }
  std::setvbuf(file_, nullptr, _IOFBF, kBufferBytes);
}

AtomicFile::~AtomicFile() {
  if (!committed_) discard();
}

void AtomicFile::write(std::string_view bytes) {
  if (file_ == nullptr) throw OutputError(fmt::format("'{}' is already closed", target_.string()));
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    throw OutputError(fmt::format("cannot write '{}': {}", temp_.string(), reason(errno)));
  }
}

void AtomicFile::finish() {
  if (file_ == nullptr) return;
  std::FILE* f = file_;
  file_ = nullptr;
  const bool flushed = std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0;
  const int err = errno;
  const bool closed = std::fclose(f) == 0;
  if (!flushed || !closed) {
    throw OutputError(fmt::format("cannot write '{}': {}", temp_.string(), reason(err)));
  }
}

void AtomicFile::commit(bool sync_its_folder) {
  if (committed_) return;
  finish();
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    throw OutputError(fmt::format("cannot move '{}' to '{}': {}", temp_.string(), target_.string(),
                                  reason(errno)));
  }
  committed_ = true;
  if (sync_its_folder) sync_folder(target_.parent_path());
}

void commit_all(std::span<AtomicFile* const> files) {
  for (AtomicFile* f : files) f->finish();
  for (AtomicFile* f : files) f->commit(false);
  std::vector<std::filesystem::path> folders;
  for (AtomicFile* f : files) {
    const auto folder = f->target().parent_path();
    if (std::find(folders.begin(), folders.end(), folder) == folders.end())
      folders.push_back(folder);
  }
  for (const auto& folder : folders) sync_folder(folder);
}

void AtomicFile::discard() noexcept {
  if (file_ != nullptr) {
    std::fclose(file_);
    file_ = nullptr;
  }
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

}  // namespace insim::output
