#pragma once
// A fresh, empty folder under the build tree for one test, removed when the test ends; shared by
// every test program.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace insim::test {

class ScratchFolder {
 public:
  explicit ScratchFolder(std::string_view name = "scratch")
      : path_(std::filesystem::path(INSIM_BINARY_DIR) / "test-scratch" /
              (std::string(name) + "-" + std::to_string(::getpid()) + "-" +
               std::to_string(next_id()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // Writes `text` to `name` (sub-folders created as needed) and returns its path.
  std::filesystem::path write(const std::string& name, std::string_view text) const {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  [[nodiscard]] std::filesystem::path operator/(std::string_view name) const {
    return path_ / name;
  }

 private:
  static int next_id() {
    static int id = 0;
    return id++;
  }
  std::filesystem::path path_;
};

// Every entry under `folder`, recursively, as paths relative to it (sorted).
inline std::vector<std::string> entries(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  if (!std::filesystem::exists(folder)) return names;
  for (const auto& e : std::filesystem::recursive_directory_iterator(folder)) {
    names.push_back(std::filesystem::relative(e.path(), folder).string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

inline std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const std::filesystem::path& file, std::string_view text) {
  std::ofstream out(file, std::ios::binary);
  out << text;
}

}  // namespace insim::test
