#include "scenario/loader/field_location.hpp"

#include <cstdlib>

namespace insim::scenario {

Diagnostic diagnostic_at(const LoadResult& info, const std::string& file, const std::string& path,
                         std::string message) {
  Diagnostic d{file, 0, 0, path, std::move(message)};
  for (const auto& f : info.fields) {
    if (f.path != path) continue;
    // origin is "file:line:col" (or "default", "--set"): the last two fields.
    const auto last = f.origin.rfind(':');
    const auto middle =
        last == std::string::npos || last == 0 ? std::string::npos : f.origin.rfind(':', last - 1);
    if (middle != std::string::npos) {
      d.file = f.origin.substr(0, middle);
      d.line = std::atoi(f.origin.c_str() + middle + 1);
      d.column = std::atoi(f.origin.c_str() + last + 1);
    }
  }
  return d;
}

const FieldRecord* numeric_field(const LoadResult& info, const std::string& path) {
  for (const auto& f : info.fields) {
    if (f.path == path && (f.type.rfind("number", 0) == 0 || f.type.rfind("integer", 0) == 0))
      return &f;
  }
  return nullptr;
}

}  // namespace insim::scenario
