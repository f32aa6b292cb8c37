#include "output/summary_json.hpp"

#include <fmt/format.h>

#include <stdexcept>

#include "output/json_number.hpp"

namespace insim::output {

std::string hex_hash(std::uint64_t hash) { return fmt::format("{:016x}", hash); }

nlohmann::ordered_json to_json(const RunSummary& s) {
  if (s.columns.size() != s.statistics.size()) {
    throw std::invalid_argument("RunSummary: one statistics entry per column expected");
  }
  nlohmann::ordered_json columns = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < s.columns.size(); ++i) {
    const ColumnSummary& c = s.statistics[i];
    columns[s.columns[i]] = {{"min", json_number(c.min)},
                             {"max", json_number(c.max)},
                             {"mean", json_number(c.mean)},
                             {"final", json_number(c.final_value)},
                             {"step_of_max", c.step_of_max}};
  }
  nlohmann::ordered_json model = nlohmann::ordered_json::object();
  for (const auto& [name, value] : s.model) model[name] = json_number(value);

  nlohmann::ordered_json j;
  j["scenario"] = s.scenario;
  j["seed"] = s.seed;
  j["steps"] = s.steps;
  j["recorded_rows"] = s.recorded_rows;
  j["state_hash"] = hex_hash(s.state_hash);
  j["columns"] = std::move(columns);
  j["model"] = std::move(model);
  return j;
}

}  // namespace insim::output
