#pragma once
// The scenarios of a comparison, loaded and checked against each other: Sahel scenarios on one
// calendar, run for the base's steps with the base's seeds, and the table's window inside the
// run.
#include <cstdint>
#include <string>
#include <vector>

#include "compare/compare.hpp"
#include "compare/run_reduction.hpp"
#include "report/report_data.hpp"
#include "run/scenario_loading.hpp"

namespace insim::compare {

struct ScenarioSet {
  std::vector<LoadedScenario> scenarios;  // [0] is the base
  std::vector<std::string> labels;        // names for legends and sentences
  Calendar calendar{Date{2012, 1, 1}, StepUnit::week};
  std::int64_t steps = 0;
  std::int64_t first_seed = 0;  // replicate i runs first_seed + i in every scenario
  TableWindow window;
};

// Throws InputError naming the scenario file and key for what does not fit.
[[nodiscard]] ScenarioSet load_scenario_set(const CompareOptions& options);

// The parameters whose values differ from the base's (name, description and the run's own
// settings left out), in the alternative's order, then what the base has and it lacks.
[[nodiscard]] std::vector<report::ParameterChange> parameter_changes(
    const scenario::LoadResult& base, const scenario::LoadResult& alternative);

}  // namespace insim::compare
