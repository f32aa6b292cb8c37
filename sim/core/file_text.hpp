#pragma once
// A whole file's bytes as a string (a scenario or spec file to show or store as written).
#include <filesystem>
#include <string>

namespace insim {

// Throws std::runtime_error naming the file when it cannot be read.
[[nodiscard]] std::string read_file_text(const std::filesystem::path& file);

}  // namespace insim
