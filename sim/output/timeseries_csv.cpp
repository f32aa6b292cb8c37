#include "output/timeseries_csv.hpp"

#include <iterator>

#include "output/number_format.hpp"

namespace insim::output {

TimeseriesCsv::TimeseriesCsv(AtomicFile& file, std::span<const std::string> columns)
    : file_(file), columns_(columns.size()) {
  for (const auto& name : columns) {
    if (name.find_first_of(",\"\r\n") != std::string::npos) {
      throw OutputError(fmt::format("column name '{}' cannot be written to CSV as is", name));
    }
  }
  const std::string header = fmt::format("{}\n", fmt::join(columns, ","));
  file_.write(header);
}

void TimeseriesCsv::write_row(std::span<const double> row) {
  if (row.size() != columns_) {
    throw OutputError(
        fmt::format("timeseries row has {} values for {} columns", row.size(), columns_));
  }
  line_.clear();
  auto out = std::back_inserter(line_);
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line_.push_back(',');
    out = format_number(out, row[i]);
  }
  line_.push_back('\n');
  file_.write(std::string_view(line_.data(), line_.size()));
  ++rows_;
}

}  // namespace insim::output
