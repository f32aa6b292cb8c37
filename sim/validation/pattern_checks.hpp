#pragma once
// The patterns the Sahel baseline must reproduce (MODEL.md section 2, "Validation"), each a
// function of one run, and the list of checks with their bands (docs/validation.md).
#include <span>
#include <string>
#include <vector>

#include "models/sahel/dynamics_def.hpp"
#include "validation/check.hpp"
#include "validation/run_record.hpp"

namespace insim::validation {

// Who is who, from the scenario's actor sides (sahel.actors.<name>.side).
struct ActorGroups {
  std::vector<std::string> state_side;  // the state and the foreign forces fighting for it
  std::vector<std::string> jihadist;
  std::vector<std::string> militia;
};
[[nodiscard]] ActorGroups actor_groups(const sahel::DynamicsDef& dynamics);

// Building blocks, NaN when the run does not cover the dates.
[[nodiscard]] double max_over(const RunRecord& r, std::string_view column, Date from, Date to);
[[nodiscard]] double mean_over(const RunRecord& r, std::string_view column, Date from, Date to);
// Sum over the weeks starting in [from, to] of the week series named.
[[nodiscard]] double week_sum(const RunRecord& r, const Series& series,
                              std::span<const std::string> names, Date from, Date to);
// Share of the people of `regions` living where armed groups hold control, at the recorded
// state nearest to `day`.
[[nodiscard]] double armed_population_share(const RunRecord& r,
                                            std::span<const std::string> regions, Date day);
// Deaths (combat and civilian) in `regions` over deaths in all regions, weeks in [from, to].
[[nodiscard]] double death_share(const RunRecord& r, std::span<const std::string> regions,
                                 Date from, Date to);

// The patterns.
[[nodiscard]] double p1_armed_territory_2012(const RunRecord& r);
[[nodiscard]] double p1_armed_population_2012(const RunRecord& r);
[[nodiscard]] double p2_cohesion_before_coup(const RunRecord& r);
[[nodiscard]] double p3_north_after_serval(const RunRecord& r);
[[nodiscard]] double p4_centre_shift(const RunRecord& r);
[[nodiscard]] double p4_centre_share_2019(const RunRecord& r);
[[nodiscard]] double p5_intercommunal_rise(const RunRecord& r, const ActorGroups& g);
[[nodiscard]] double p6_one_sided_2019_over_2016(const RunRecord& r);
[[nodiscard]] double p7_armed_presence_2021(const RunRecord& r);
[[nodiscard]] double p8_jihadist_territory_growth(const RunRecord& r, const ActorGroups& g);
[[nodiscard]] double p8_is_sahel_growth(const RunRecord& r);
[[nodiscard]] double p9_state_over_jihadist_killings(const RunRecord& r, const ActorGroups& g);
[[nodiscard]] double p10_displaced_late_2023(const RunRecord& r);
// Purge run minus the same seed without the purge (the purge's step read from `purged`'s log).
[[nodiscard]] double p11_purge_cohesion(const RunRecord& purged, const RunRecord& unpurged);
[[nodiscard]] double p11_purge_gains(const RunRecord& purged, const RunRecord& unpurged);

// The timeline event P11 drops: F36, the 2025 purge.
inline constexpr const char* kPurgeEvent = "F36";
// The step the event `id` was applied in, from the log; -1 if it never was.
[[nodiscard]] std::int64_t event_step(const RunRecord& r, std::string_view kind,
                                      std::string_view id);
// The last state index P11 reads, given the purge's step.
[[nodiscard]] std::int64_t p11_last_state(std::int64_t purge_step);

[[nodiscard]] std::vector<Check> pattern_checks(const ActorGroups& groups);

// The series pattern_checks() reads.
[[nodiscard]] RecordSpec pattern_series(const ActorGroups& groups);

}  // namespace insim::validation
