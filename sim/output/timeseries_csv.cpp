#include "output/timeseries_csv.hpp"

#include <cmath>
#include <iterator>

#include "output/csv_field.hpp"
#include "output/number_format.hpp"

namespace insim::output {

TimeseriesCsv::TimeseriesCsv(AtomicFile& file, std::span<const std::string> columns, bool with_date)
    : file_(file),
      columns_(columns.size()),
      names_(columns.begin(), columns.end()),
      with_date_(with_date) {
  for (const auto& name : columns) {
    if (needs_csv_quotes(name)) {
      throw OutputError(fmt::format("column name '{}' cannot be written to CSV as is", name));
    }
    if (with_date && name == "date") {
      throw OutputError("column name 'date' clashes with the date column the calendar adds");
    }
  }
  if (with_date && columns.empty()) throw OutputError("a dated timeseries needs a step column");
  std::string header;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) header += ',';
    header += columns[i];
    if (i == 0 && with_date) header += ",date";
  }
  header += '\n';
  file_.write(header);
}

void TimeseriesCsv::write_row(std::span<const double> row, std::optional<Date> date) {
  if (row.size() != columns_) {
    throw OutputError(
        fmt::format("timeseries row has {} values for {} columns", row.size(), columns_));
  }
  if (date.has_value() != with_date_) {
    throw OutputError(with_date_ ? "timeseries row without the date its header announces"
                                 : "timeseries row with a date its header has no column for");
  }
#ifdef INSIM_NUMERIC_GUARDS
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (std::isfinite(row[i])) continue;
    throw OutputError(fmt::format("numeric guard: timeseries column '{}' is {} at step {}; an "
                                  "output value must be a finite number",
                                  names_[i], row[i], row.front()));
  }
#endif
  line_.clear();
  auto out = std::back_inserter(line_);
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line_.push_back(',');
    out = format_number(out, row[i]);
    if (i == 0 && date) {
      line_.push_back(',');
      const std::string text = to_string(*date);  // 10 characters: in the string, no heap
      line_.append(text.data(), text.data() + text.size());
    }
  }
  line_.push_back('\n');
  file_.write(std::string_view(line_.data(), line_.size()));
  ++rows_;
}

}  // namespace insim::output
