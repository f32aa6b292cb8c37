#pragma once
// The calibration targets (scenarios/sahel/validation/targets.yaml, sahel::TargetsDef) as
// checks: UCDP's yearly deaths, in total and by type, their ranking of the years, and the
// displacement snapshots, each held to the file's acceptance rules.
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "models/sahel/targets_def.hpp"
#include "scenario/loader/loader.hpp"
#include "validation/check.hpp"
#include "validation/run_record.hpp"

namespace insim::validation {

struct LoadedTargets {
  sahel::TargetsDef def;
  scenario::LoadResult info;  // where each value came from, and its cited source
};

// Throws InputError listing every problem in the file.
[[nodiscard]] LoadedTargets load_targets(const std::filesystem::path& file);

// <scenario's folder>/validation/targets.yaml, else the one in the folder above (counterfactuals)
[[nodiscard]] std::filesystem::path default_targets_file(const std::filesystem::path& scenario);

enum class UcdpType { state_based, non_state, one_sided };
[[nodiscard]] std::string_view to_string(UcdpType t);

// The run's deaths in a calendar year, all types or one; NaN when the year is not complete.
[[nodiscard]] double year_deaths(const RunRecord& r, int year);
[[nodiscard]] double year_deaths(const RunRecord& r, int year, UcdpType type);

// Spearman's correlation between the run's yearly deaths and UCDP's total_best over the
// target years; NaN when a year is missing or either side ranks all years equal.
[[nodiscard]] double rank_correlation(const RunRecord& r, std::span<const sahel::UcdpYear> ucdp);

// Displaced people at the recorded state nearest to `day`; NaN outside the run.
[[nodiscard]] double displaced_at(const RunRecord& r, Date day);

// One check per target year (total), per type-year at or above acceptance.ucdp_type_minimum,
// one for the ranking, one per displacement snapshot. Sources come from `info`.
[[nodiscard]] std::vector<Check> target_checks(const LoadedTargets& targets);

// The series target_checks() reads (the yearly totals and the log are always kept).
[[nodiscard]] RecordSpec target_series();

}  // namespace insim::validation
