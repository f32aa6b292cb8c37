#include "output/column_stats.hpp"

#include <cmath>
#include <stdexcept>

namespace insim::output {

ColumnStats::ColumnStats(std::size_t columns) : acc_(columns) {}

void ColumnStats::add(std::int64_t step, std::span<const double> row) {
  if (row.size() != acc_.size()) throw std::invalid_argument("ColumnStats: row size mismatch");
  const bool first = rows_ == 0;
  for (std::size_t i = 0; i < row.size(); ++i) {
    Accumulator& a = acc_[i];
    const double v = row[i];
    if (first || v < a.s.min) a.s.min = v;
    if (first || v > a.s.max) {
      a.s.max = v;
      a.s.step_of_max = step;
    }
    a.s.final_value = v;
    const double t = a.sum + v;
    a.compensation += std::fabs(a.sum) >= std::fabs(v) ? (a.sum - t) + v : (v - t) + a.sum;
    a.sum = t;
  }
  ++rows_;
}

ColumnSummary ColumnStats::summary(std::size_t i) const {
  ColumnSummary s = acc_.at(i).s;
  if (rows_ > 0) s.mean = (acc_[i].sum + acc_[i].compensation) / static_cast<double>(rows_);
  return s;
}

}  // namespace insim::output
