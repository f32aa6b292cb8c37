#include "scenario/schema.hpp"

#include <cctype>

namespace insim::scenario {

Schema::Section::Section(Schema& schema, std::string_view name)
    : schema_(schema), previous_length_(schema.prefix_.size()) {
  if (!schema_.prefix_.empty()) schema_.prefix_ += '.';
  schema_.prefix_ += name;
}

Schema::Section::~Section() { schema_.prefix_.resize(previous_length_); }

std::string Schema::qualify(std::string_view key) const {
  if (prefix_.empty()) return std::string(key);
  std::string out = prefix_;
  out += '.';
  out += key;
  return out;
}

namespace {
// A FACTS.md id: one of F/M/P/X followed by two or more digits, e.g. "F23", "M12".
bool is_fact_id(std::string_view s) {
  if (s.size() < 3 || (s[0] != 'F' && s[0] != 'M' && s[0] != 'P' && s[0] != 'X')) return false;
  for (std::size_t i = 1; i < s.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}
}  // namespace

SourceKind classify_source(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) return SourceKind::unstated;
  if (s.starts_with("assumption")) return SourceKind::assumption;
  // "F23", or several ids "F23, M12", or an id with a note "F23 (HRW figure)", "F13: ...".
  const auto first = s.substr(0, s.find_first_of(" ,;(:"));
  if (is_fact_id(first)) return SourceKind::document_fact;
  return SourceKind::public_source;
}

std::string_view to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::unstated: return "unstated";
    case SourceKind::document_fact: return "document";
    case SourceKind::public_source: return "public source";
    case SourceKind::assumption: return "assumption";
  }
  return "unstated";
}

}  // namespace insim::scenario
