#pragma once
// What the Sahel model is calibrated against (Section "sahel" -> "targets"): UCDP's yearly deaths
// in Mali by type, 2012-2019, the displacement snapshots of the same years, and the acceptance
// rules a run is judged by. The figures with their sources live in
// scenarios/sahel/validation/targets.yaml; calibration stops at 2019 on purpose
// (shared/data/README.md, docs/decisions/0001-sahel-model-design.md, Decision 6).
#include <cstdint>
#include <vector>

#include "core/calendar.hpp"

namespace insim::scenario {
class Schema;
}

namespace insim::sahel {

// One year of UCDP's Country-Year Dataset on Organized Violence within Country Borders.
// The three types add up to total_best; the two perpetrators of one-sided violence add up to
// one_sided.
struct UcdpYear {
  std::int64_t year = 0;
  std::int64_t state_based = 0;
  std::int64_t non_state = 0;
  std::int64_t one_sided = 0;
  std::int64_t one_sided_by_government = 0;
  std::int64_t one_sided_by_nonstate = 0;
  std::int64_t civilian_deaths = 0;  // civilians killed in all three types
  std::int64_t total_best = 0;
  std::int64_t total_low = 0;
  std::int64_t total_high = 0;
};

struct IdpSnapshot {
  Date date{0, 1, 1};
  std::int64_t idps = 0;  // internally displaced people in Mali
};

// A run passes when its yearly deaths of each compared UCDP type and its displacement at each
// snapshot lie within `factor` of the target (above or below), and its yearly deaths rank the
// years as UCDP does with Spearman correlation at least `rank_correlation`. A type-year with
// fewer than `ucdp_type_minimum` deaths is too small to hold to the factor.
struct AcceptanceDef {
  double factor = 2.0;
  double rank_correlation = 0.7;
  std::int64_t ucdp_type_minimum = 100;
};

struct TargetsDef {
  std::vector<UcdpYear> ucdp;     // consecutive years
  std::vector<IdpSnapshot> idps;  // strictly increasing dates
  AcceptanceDef acceptance;
};

// Declares every field under the current section (the caller opens "sahel", "targets").
void describe(scenario::Schema& schema, TargetsDef& def);

}  // namespace insim::sahel
