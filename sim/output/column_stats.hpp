#pragma once
// Per-column statistics of the recorded rows, updated row by row in constant memory:
// min, max, mean, final value and the first step at which the max was reached.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace insim::output {

struct ColumnSummary {
  double min = 0.0;
  double max = 0.0;
  double mean = 0.0;
  double final_value = 0.0;
  std::int64_t step_of_max = 0;  // first step at which `max` was recorded
};

class ColumnStats {
 public:
  explicit ColumnStats(std::size_t columns);

  // One recorded row; row.size() must equal the number of columns.
  void add(std::int64_t step, std::span<const double> row);

  [[nodiscard]] std::size_t rows() const { return rows_; }
  // Statistics of column i over the rows added so far (all zero before the first row).
  [[nodiscard]] ColumnSummary summary(std::size_t i) const;

 private:
  struct Accumulator {
    ColumnSummary s;
    double sum = 0.0;
    double compensation = 0.0;  // Neumaier: the low-order bits the running sum lost
  };
  std::vector<Accumulator> acc_;
  std::size_t rows_ = 0;
};

}  // namespace insim::output
