#pragma once
// The validation report as people read it (an aligned text table) and as programs read it
// (CSV, JSON). Same rows, same order, in all three.
#include <filesystem>
#include <string>

#include "validation/sahel_validation.hpp"

namespace insim::validation {

// Per group a title and one line per check: id, source, what, band, mean, 90% interval
// (5th-95th percentile over the runs), pass or FAIL; then "K of M checks pass".
[[nodiscard]] std::string format_table(const ValidationReport& report);

// One row per check: group,id,source,what,band,low,high,mean,p5,p95,runs,missing,pass,note,
// reference. Numbers as in every insim CSV (docs/outputs.md); infinities as inf / -inf; a number
// no run could give is empty.
[[nodiscard]] std::string to_csv(const ValidationReport& report);

// {"scenario", "seeds", "passed", "checks", "groups": [{"name", "checks": [{..., "values":
// [one per seed]}]}]}; infinities and unknown values are null.
[[nodiscard]] std::string to_json(const ValidationReport& report);

// Columns on screen of UTF-8 text (code points; the accented letters of region names are one).
[[nodiscard]] std::size_t display_width(std::string_view text);

}  // namespace insim::validation
