#pragma once
// Counting and cutting out pieces of generated SVG and HTML in the report's tests.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace insim::test {

inline std::size_t count_of(std::string_view text, std::string_view needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// Every element that starts with `opening` (e.g. "<path class=\"median\""), up to its "/>" or
// ">" end of tag.
inline std::vector<std::string> tags_starting(std::string_view text, std::string_view opening) {
  std::vector<std::string> tags;
  for (std::size_t at = text.find(opening); at != std::string_view::npos;
       at = text.find(opening, at + 1)) {
    tags.emplace_back(text.substr(at, text.find('>', at) - at + 1));
  }
  return tags;
}

// The value of attribute `name` in one tag: attribute(R"(<path d="M1,2"/>)", "d") == "M1,2".
inline std::string attribute(std::string_view tag, std::string_view name) {
  std::string key = " ";
  key.append(name).append("=\"");
  const std::size_t at = tag.find(key);
  if (at == std::string_view::npos) return {};
  const std::size_t start = at + key.size();
  return std::string(tag.substr(start, tag.find('"', start) - start));
}

}  // namespace insim::test
