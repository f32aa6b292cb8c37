#pragma once
// A strict RFC 4180 reader for tests, written apart from the writers so that it checks them:
// quoted fields may hold commas, doubled quotes and newlines; anything malformed throws.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace insim::test {

using CsvRows = std::vector<std::vector<std::string>>;

// Every record of `text`, which must end with a newline.
inline CsvRows parse_csv(std::string_view text) {
  CsvRows rows;
  std::vector<std::string> record;
  std::string field;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {  // quoted: up to the quote that is not doubled
      for (++i;; ++i) {
        if (i >= text.size()) throw std::runtime_error("csv: unterminated quoted field");
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            ++i;
          } else {
            ++i;
            break;
          }
        } else {
          field.push_back(text[i]);
        }
      }
    } else {
      for (; i < text.size() && text[i] != ',' && text[i] != '\n'; ++i) {
        if (text[i] == '"' || text[i] == '\r') {
          throw std::runtime_error("csv: quote or CR in an unquoted field");
        }
        field.push_back(text[i]);
      }
    }
    if (i >= text.size()) throw std::runtime_error("csv: last record without a newline");
    record.push_back(std::move(field));
    field.clear();
    if (text[i] == '\n') {
      rows.push_back(std::move(record));
      record.clear();
    } else if (text[i] != ',') {
      throw std::runtime_error("csv: text after a closing quote");
    }
    ++i;
  }
  return rows;
}

}  // namespace insim::test
