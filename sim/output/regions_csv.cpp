#include "output/regions_csv.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "output/csv_field.hpp"
#include "output/number_format.hpp"

namespace insim::output {

namespace {
std::vector<std::string> quoted_names(std::span<const std::string> names, const char* what) {
  if (names.empty()) throw OutputError(fmt::format("regions.csv needs at least one {}", what));
  std::vector<std::string> sorted(names.begin(), names.end());
  std::sort(sorted.begin(), sorted.end());
  if (const auto twice = std::adjacent_find(sorted.begin(), sorted.end()); twice != sorted.end()) {
    throw OutputError(
        fmt::format("{} '{}' is listed twice: regions.csv rows would be ambiguous", what, *twice));
  }
  std::vector<std::string> out;
  out.reserve(names.size());
  for (const auto& name : names) out.push_back(csv_field(name));
  return out;
}

void append(fmt::memory_buffer& buffer, std::string_view text) {
  buffer.append(text.data(), text.data() + text.size());
}
}  // namespace

RegionsCsv::RegionsCsv(AtomicFile& file, std::span<const std::string> regions,
                       std::span<const std::string> variables, bool with_date)
    : file_(file),
      regions_(quoted_names(regions, "region")),
      variables_(quoted_names(variables, "variable")),
      with_date_(with_date) {
  file_.write(with_date_ ? "step,date,region,variable,value\n" : "step,region,variable,value\n");
}

void RegionsCsv::write_step(std::int64_t step, std::optional<Date> date,
                            std::span<const double> values) {
  if (values.size() != values_per_step()) {
    throw OutputError(fmt::format("regions.csv step has {} values for {} regions x {} variables",
                                  values.size(), regions_.size(), variables_.size()));
  }
  if (date.has_value() != with_date_) {
    throw OutputError(with_date_ ? "regions.csv step without the date its header announces"
                                 : "regions.csv step with a date its header has no column for");
  }
#ifdef INSIM_NUMERIC_GUARDS
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isfinite(values[i])) continue;
    throw OutputError(fmt::format("numeric guard: regions.csv {} of {} is {} at step {}; an "
                                  "output value must be a finite number",
                                  variables_[i % variables_.size()],
                                  regions_[i / variables_.size()], values[i], step));
  }
#endif
  // The step and date start every line: formatted once (a few dozen characters, held in the
  // buffer's inline storage).
  fmt::memory_buffer prefix;
  fmt::format_to(std::back_inserter(prefix), "{},", step);
  if (date) {
    const std::string text = to_string(*date);  // 10 characters: in the string, no heap
    append(prefix, text);
    prefix.push_back(',');
  }
  lines_.clear();
  std::size_t k = 0;
  for (const auto& region : regions_) {
    for (const auto& variable : variables_) {
      lines_.append(prefix.data(), prefix.data() + prefix.size());
      append(lines_, region);
      lines_.push_back(',');
      append(lines_, variable);
      lines_.push_back(',');
      format_number(std::back_inserter(lines_), values[k]);
      lines_.push_back('\n');
      ++k;
    }
  }
  file_.write(std::string_view(lines_.data(), lines_.size()));
  rows_ += k;
}

}  // namespace insim::output
