#pragma once
// Per-region observations in long format, written as the run goes: one line per (region,
// variable) at each recorded step, `step,date,region,variable,value` (no `date` without a
// calendar). Long format keeps the header fixed whatever the number of regions and lets
// readers filter and pivot (pandas, R, SQL) without knowing the variables beforehand.
// Region and variable names are quoted for CSV once, when the writer is made; a step's lines
// are formatted into one reused buffer, so recording allocates nothing once it has grown.
#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "output/atomic_file.hpp"

namespace insim::output {

class RegionsCsv {
 public:
  // Writes the header. Needs at least one region and one variable, each named once.
  RegionsCsv(AtomicFile& file, std::span<const std::string> regions,
             std::span<const std::string> variables, bool with_date);

  // values: regions x variables, row-major by region; `date` is given exactly when with_date.
  // Built with -DINSIM_NUMERIC_GUARDS=ON, a NaN or infinite value throws OutputError naming it.
  void write_step(std::int64_t step, std::optional<Date> date, std::span<const double> values);
  [[nodiscard]] std::size_t values_per_step() const { return regions_.size() * variables_.size(); }
  [[nodiscard]] std::size_t rows_written() const { return rows_; }

 private:
  AtomicFile& file_;
  std::vector<std::string> regions_;    // already quoted for CSV where needed
  std::vector<std::string> variables_;  // idem
  bool with_date_;
  std::size_t rows_ = 0;
  fmt::memory_buffer lines_;
};

}  // namespace insim::output
