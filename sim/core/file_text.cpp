#include "core/file_text.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace insim {

std::string read_file_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace insim
