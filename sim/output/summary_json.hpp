#pragma once
// summary.json: what a run produced, in one small file: per-column statistics of the
// timeseries and the model's own results.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "output/column_stats.hpp"

namespace insim::output {

struct RunSummary {
  std::string scenario;
  std::uint64_t seed = 0;
  std::int64_t steps = 0;
  std::size_t recorded_rows = 0;
  std::vector<std::string> columns;                   // names, in timeseries order (without `step`)
  std::vector<ColumnSummary> statistics;              // one per column
  std::vector<std::pair<std::string, double>> model;  // Simulation::summary()
  std::uint64_t state_hash = 0;
};

[[nodiscard]] nlohmann::ordered_json to_json(const RunSummary& summary);

}  // namespace insim::output
