#pragma once
// CSV text read back after RFC 4180, independently of the writer: fields separated by commas,
// a field in double quotes may hold commas, doubled quotes and line breaks; records end in LF
// (or CRLF). Throws std::runtime_error on a malformed quoted field.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace insim::test {

inline std::vector<std::vector<std::string>> csv_rows(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t i = 0;
  bool row_open = false;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && field.empty()) {  // a quoted field runs to its closing quote
      ++i;
      for (;;) {
        if (i >= text.size()) throw std::runtime_error("csv: a quoted field is not closed");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += text[i++];
      }
      if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        throw std::runtime_error("csv: text after a closing quote");
      }
      row_open = true;
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      row_open = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      row_open = false;
    } else {
      field += c;
      row_open = true;
    }
    ++i;
  }
  if (row_open) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace insim::test
