#pragma once
// Questions about a loaded file's fields asked after loading, when a value is checked against
// something the schema cannot see (a sweep's or a calibration's parameter path against the base
// scenario, a check id against the targets file).
#include <string>

#include "core/error.hpp"
#include "scenario/loader/loader.hpp"

namespace insim::scenario {

// A diagnostic at the file:line:col where the field `path` of `info` was written, naming `path`;
// `file` with line and column 0 when the field took its default.
[[nodiscard]] Diagnostic diagnostic_at(const LoadResult& info, const std::string& file,
                                       const std::string& path, std::string message);

// The record of the field `path` when it is a number or an integer, else nullptr.
[[nodiscard]] const FieldRecord* numeric_field(const LoadResult& info, const std::string& path);

}  // namespace insim::scenario
