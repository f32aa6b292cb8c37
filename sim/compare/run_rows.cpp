#include "compare/run_rows.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <system_error>

#include "output/atomic_file.hpp"

namespace insim::compare {

namespace {

using output::OutputError;

static_assert(std::endian::native == std::endian::little,
              "run rows files are little-endian native doubles");

constexpr char kMagic[8] = {'I', 'N', 'S', 'I', 'M', 'R', 'O', 'W'};
constexpr std::size_t kHeaderBytes = sizeof(kMagic) + sizeof(std::uint64_t);
// A run records a few dozen quantities; a header claiming more is a corrupt file, and refusing
// it early avoids a huge allocation.
constexpr std::uint64_t kMaxColumns = 1u << 20;

std::string quoted(const std::filesystem::path& p) { return fmt::format("'{}'", p.string()); }

}  // namespace

RowWriter::RowWriter(std::filesystem::path path, std::size_t columns)
    : path_(std::move(path)), columns_(columns) {
  if (columns_ == 0 || columns_ > kMaxColumns) {
    throw OutputError(fmt::format("cannot write run rows {}: {} columns (expected 1 to {})",
                                  quoted(path_), columns_, kMaxColumns));
  }
  tmp_ = path_;
  tmp_ += ".tmp";
  file_ = std::fopen(tmp_.c_str(), "wb");
  if (file_ == nullptr) {
    throw OutputError(
        fmt::format("cannot write run rows {}: {}", quoted(tmp_), std::strerror(errno)));
  }
  const auto width = static_cast<std::uint64_t>(columns_);
  if (std::fwrite(kMagic, 1, sizeof(kMagic), file_) != sizeof(kMagic) ||
      std::fwrite(&width, sizeof(width), 1, file_) != 1) {
    const int err = errno;
    std::fclose(file_);
    file_ = nullptr;
    std::remove(tmp_.c_str());
    throw OutputError(
        fmt::format("cannot write run rows {}: {}", quoted(tmp_), std::strerror(err)));
  }
}

RowWriter::~RowWriter() {
  if (file_ == nullptr) return;
  std::fclose(file_);
  std::remove(tmp_.c_str());
}

void RowWriter::write(std::span<const double> row) {
  if (file_ == nullptr) {
    throw OutputError(fmt::format("run rows {} is already closed", quoted(path_)));
  }
  if (row.size() != columns_) {
    throw std::invalid_argument(fmt::format("run rows {}: a row of {} values, expected {}",
                                            path_.string(), row.size(), columns_));
  }
  if (std::fwrite(row.data(), sizeof(double), row.size(), file_) != row.size()) {
    throw OutputError(
        fmt::format("cannot write run rows {}: {}", quoted(tmp_), std::strerror(errno)));
  }
  ++rows_;
}

void RowWriter::close() {
  if (file_ == nullptr) return;
  std::FILE* f = file_;
  file_ = nullptr;
  // No fsync: these files live only until the run's summaries are made, and a file cut short
  // by a crash is caught by RowReader's size check.
  const bool flushed = std::fflush(f) == 0;
  const int err = errno;
  if (std::fclose(f) != 0 || !flushed) {
    std::remove(tmp_.c_str());
    throw OutputError(
        fmt::format("cannot write run rows {}: {}", quoted(tmp_), std::strerror(err)));
  }
  if (std::rename(tmp_.c_str(), path_.c_str()) != 0) {
    const int rename_err = errno;
    std::remove(tmp_.c_str());
    throw OutputError(fmt::format("cannot move {} to {}: {}", quoted(tmp_), quoted(path_),
                                  std::strerror(rename_err)));
  }
}

RowReader::RowReader(const std::filesystem::path& path) : path_(path) {
  file_ = std::fopen(path_.c_str(), "rb");
  if (file_ == nullptr) {
    throw OutputError(
        fmt::format("cannot read run rows {}: {}", quoted(path_), std::strerror(errno)));
  }
  // From here on the destructor does not run if we throw: close by hand.
  const auto fail = [this](const std::string& why) {
    std::fclose(file_);
    file_ = nullptr;
    throw OutputError(fmt::format("run rows {} {}", quoted(path_), why));
  };
  char magic[sizeof(kMagic)] = {};
  std::uint64_t width = 0;
  const std::size_t got_magic = std::fread(magic, 1, sizeof(magic), file_);
  if (got_magic == sizeof(magic) && std::memcmp(magic, kMagic, sizeof(kMagic)) != 0) {
    fail("is not a run rows file (it does not start with \"INSIMROW\")");
  }
  if (got_magic != sizeof(magic) || std::fread(&width, sizeof(width), 1, file_) != 1) {
    fail("is truncated: it ends inside its header (was its run interrupted?)");
  }
  if (width == 0 || width > kMaxColumns) {
    fail(fmt::format("is corrupt: its header gives {} columns (expected 1 to {})", width,
                     kMaxColumns));
  }
  columns_ = static_cast<std::size_t>(width);
  std::error_code ec;
  const std::uintmax_t bytes = std::filesystem::file_size(path_, ec);
  if (ec) fail(fmt::format("cannot be sized: {}", ec.message()));
  const std::uintmax_t row_bytes = sizeof(double) * columns_;
  if ((bytes - kHeaderBytes) % row_bytes != 0) {
    fail(
        fmt::format("is truncated: {} bytes of rows is not a whole number of rows of {} columns "
                    "(was its run interrupted?)",
                    bytes - kHeaderBytes, columns_));
  }
}

RowReader::~RowReader() {
  if (file_ != nullptr) std::fclose(file_);
}

bool RowReader::next(std::span<double> row) {
  if (row.size() != columns_) {
    throw std::invalid_argument(fmt::format("run rows {}: room for {} values, the file has {}",
                                            path_.string(), row.size(), columns_));
  }
  const std::size_t got = std::fread(row.data(), sizeof(double), columns_, file_);
  if (got == columns_) return true;
  if (std::ferror(file_)) {
    throw OutputError(
        fmt::format("cannot read run rows {}: {}", quoted(path_), std::strerror(errno)));
  }
  if (got != 0) {
    throw OutputError(fmt::format("run rows {} is truncated: its last row has {} of {} values",
                                  quoted(path_), got, columns_));
  }
  return false;
}

void summarise_runs(
    std::span<const std::filesystem::path> files,
    const std::function<void(std::uint64_t, std::span<const stats::Summary>)>& on_row) {
  if (files.empty()) return;
  std::vector<std::unique_ptr<RowReader>> readers;
  readers.reserve(files.size());
  for (const auto& f : files) readers.push_back(std::make_unique<RowReader>(f));
  const std::size_t columns = readers.front()->columns();
  for (std::size_t k = 1; k < readers.size(); ++k) {
    if (readers[k]->columns() != columns) {
      throw OutputError(
          fmt::format("run rows {} has {} columns where {} has {}: the runs of one "
                      "scenario must record the same quantities",
                      quoted(files[k]), readers[k]->columns(), quoted(files[0]), columns));
    }
  }
  // rows[k * columns + c]: the current row of file k. One column of values is gathered at a
  // time into `values`, which summarise() sorts.
  std::vector<double> rows(files.size() * columns);
  std::vector<double> values(files.size());
  std::vector<stats::Summary> summaries(columns);
  for (std::uint64_t row_index = 0;; ++row_index) {
    // A file that ended and one that did not, if any: the runs must have as many rows.
    std::size_t ended = readers.size(), going = readers.size();
    for (std::size_t k = 0; k < readers.size(); ++k) {
      const bool more = readers[k]->next(std::span(rows).subspan(k * columns, columns));
      if (more) {
        going = std::min(going, k);
      } else {
        ended = std::min(ended, k);
      }
    }
    if (going == readers.size()) return;
    if (ended != readers.size()) {
      throw OutputError(fmt::format(
          "run rows {} ends after {} rows but {} has more: the runs of one scenario must record "
          "the same dates (was a run interrupted?)",
          quoted(files[ended]), row_index, quoted(files[going])));
    }
    for (std::size_t c = 0; c < columns; ++c) {
      for (std::size_t k = 0; k < readers.size(); ++k) values[k] = rows[k * columns + c];
      summaries[c] = stats::summarise(values);
    }
    on_row(row_index, summaries);
  }
}

}  // namespace insim::compare
