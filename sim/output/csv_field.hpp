#pragma once
// Text in CSV files, after RFC 4180: a field holding a comma, a double quote, CR or LF is
// enclosed in double quotes, each quote inside doubled; any other text, UTF-8 included
// ("Ségou"), is written as is. Readers (Python's csv, pandas, R, spreadsheets) read it back
// exactly.
#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

namespace insim::output {

[[nodiscard]] inline bool needs_csv_quotes(std::string_view text) {
  return text.find_first_of(",\"\r\n") != std::string_view::npos;
}

template <class OutputIt>
OutputIt write_csv_field(OutputIt out, std::string_view text) {
  if (!needs_csv_quotes(text)) return std::copy(text.begin(), text.end(), out);
  *out++ = '"';
  for (const char c : text) {
    if (c == '"') *out++ = '"';
    *out++ = c;
  }
  *out++ = '"';
  return out;
}

[[nodiscard]] inline std::string csv_field(std::string_view text) {
  std::string s;
  s.reserve(text.size() + 2);
  write_csv_field(std::back_inserter(s), text);
  return s;
}

}  // namespace insim::output
