#pragma once
// Scenario files -> Def structs. A scenario file is YAML; it may extend another file; values may
// carry their source; `--set path=value` overrides any field. Every field is read through the
// Def's describe(Schema&), so what can be written, checked, listed and hashed is declared once.
// docs/scenario-format.md describes the format for users.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/schema.hpp"

namespace insim::scenario {

// `--set path=value` on the command line.
struct Override {
  std::string path;
  std::string value;
};

// Parses "a.b[2].c=value" (the value may be empty). Throws InputError (file "--set") when there
// is no '=' or the path is malformed.
[[nodiscard]] Override parse_override(std::string_view arg);

// One declared field and the value in effect, with where that value came from.
struct FieldRecord {
  std::string path;   // "epstein.legitimacy.initial", "sahel.events[3].date"
  std::string value;  // canonical text: shortest round-trip for numbers, names for choices
  std::string type;   // "number in [0, 1]", "integer in [1, 100]", "one of: a, b", "true or
                      // false", "date YYYY-MM-DD", "text", "list"
  std::string doc;
  std::string source;  // the cited source, empty if none
  SourceKind source_kind = SourceKind::unstated;
  std::string origin;  // "path/file.yaml:12:5", "--set", or "default"
};

struct LoadResult {
  std::vector<FieldRecord> fields;  // in declaration order
  std::vector<std::string> files;   // the file and every file it extends, child first
  std::string hash;                 // 16 hex digits: FNV-1a 64 over "path=value\n" of all fields
};

// Reads `file` (following `extends:`), applies `overrides`, and binds every value through
// `describe`. Throws InputError listing every problem found.
[[nodiscard]] LoadResult load(const std::filesystem::path& file,
                              std::span<const Override> overrides,
                              const std::function<void(Schema&)>& describe);

// The defaults alone, no file (origin "default"): for listing parameters.
[[nodiscard]] LoadResult defaults(const std::function<void(Schema&)>& describe);

// Number of fields citing each kind of source (every kind present, zero or not).
[[nodiscard]] std::map<SourceKind, std::size_t> count_sources(const LoadResult& result);

// FNV-1a 64 over "path=value\n" of each field, as 16 hex digits.
[[nodiscard]] std::string hash_fields(const std::vector<FieldRecord>& fields);

}  // namespace insim::scenario
