#include "output/final_table_csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <string>

#include "output/csv_field.hpp"

namespace insim::output {

namespace {
void check_file_name(const std::string& file, std::span<const std::string_view> reserved) {
  const auto problem = [&](std::string_view what) {
    return std::logic_error(fmt::format(
        "Simulation::final_tables(): file name '{}' {}; give a plain name such as events.csv", file,
        what));
  };
  if (file.empty()) throw problem("is empty");
  if (file.find_first_of("/\\") != std::string::npos) throw problem("contains a path separator");
  if (file.find('\0') != std::string::npos) throw problem("contains a NUL character");
  // Leading dots: ".", ".." and hidden files, which is also how temporary outputs are named.
  if (file.front() == '.') throw problem("starts with '.'");
  if (std::find(reserved.begin(), reserved.end(), file) != reserved.end()) {
    throw problem("is one of the run's own output files");
  }
}

void check_shape(const FinalTable& table) {
  if (table.header.empty()) {
    throw std::logic_error(
        fmt::format("Simulation::final_tables(): table '{}' has no columns", table.file));
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    if (table.rows[r].size() != table.header.size()) {
      throw std::logic_error(fmt::format(
          "Simulation::final_tables(): table '{}' row {} has {} cells for {} columns in its "
          "header",
          table.file, r + 1, table.rows[r].size(), table.header.size()));
    }
  }
}

void write_line(AtomicFile& file, std::string& line, std::span<const std::string> cells) {
  line.clear();
  auto out = std::back_inserter(line);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line.push_back(',');
    out = write_csv_field(out, cells[i]);
  }
  line.push_back('\n');
  file.write(line);
}
}  // namespace

void check_final_tables(std::span<const FinalTable> tables,
                        std::span<const std::string_view> reserved) {
  for (std::size_t i = 0; i < tables.size(); ++i) {
    check_file_name(tables[i].file, reserved);
    for (std::size_t j = 0; j < i; ++j) {
      if (tables[j].file == tables[i].file) {
        throw std::logic_error(fmt::format(
            "Simulation::final_tables(): two tables are both named '{}'", tables[i].file));
      }
    }
    check_shape(tables[i]);
  }
}

void write_final_table(AtomicFile& file, const FinalTable& table) {
  check_shape(table);
  std::string line;
  write_line(file, line, table.header);
  for (const auto& row : table.rows) write_line(file, line, row);
}

}  // namespace insim::output
