#pragma once
// A YAML document as a tree that remembers where each key and value was written, so that every
// message about a value can point at file:line:col. yaml-cpp parses; this tree is what the loader
// merges (`extends:`), overrides (`--set`) and binds to the Schema.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace insim::scenario {

struct Location {
  std::string file;  // as the user named it, or "--set"
  int line = 0;      // 1-based; 0 when the value did not come from a file
  int column = 0;    // 1-based

  // "file:line:col", or just "file" when there is no line.
  [[nodiscard]] std::string to_string() const;
};

struct YamlEntry;

struct YamlNode {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  std::string scalar;   // the text of a scalar, as written (without quotes)
  bool quoted = false;  // a quoted scalar is always text, never a number or boolean
  Location where;       // where the value starts; for an empty value, where its key is
  Location key_where;   // where the key that holds it is (== where for list items, the root)
  std::vector<YamlEntry> entries;  // mapping, in file order
  std::vector<YamlNode> items;     // sequence

  [[nodiscard]] const YamlNode* find(std::string_view key) const;
  [[nodiscard]] YamlNode* find(std::string_view key);
};

struct YamlEntry {
  std::string key;
  YamlNode value;
};

// "a mapping", "a list", "nothing", "0.5", "'abc'", "text \"0.5\"": what a message says was found.
[[nodiscard]] std::string describe_found(const YamlNode& node);

// A mapping {value: X, source: "...", note: "..."} that gives a value with its source.
[[nodiscard]] bool is_sourced_value(const YamlNode& node);

// Parses `text` (the contents of `file_label`). Syntax errors, duplicate keys and non-text keys are
// appended to `problems`; returns false when the text could not be parsed at all. An empty
// document gives a null root.
bool parse_yaml(const std::string& text, const std::string& file_label, YamlNode& root,
                std::vector<Diagnostic>& problems);

}  // namespace insim::scenario
