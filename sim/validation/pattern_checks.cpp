#include "validation/pattern_checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "validation/statistics.hpp"

namespace insim::validation {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Regions as the 2012 map names them (sahel.world.regions).
const std::vector<std::string> kNorth{"Tombouctou", "Gao", "Kidal"};
const std::vector<std::string> kCentre{"Mopti", "Ségou"};

Date jan1(int year) { return {year, 1, 1}; }
Date dec31(int year) { return {year, 12, 31}; }

std::vector<std::string> prefixed(std::string_view prefix, std::span<const std::string> names) {
  std::vector<std::string> out;
  for (const auto& n : names) out.push_back(fmt::format("{}{}", prefix, n));
  return out;
}

double sum_of(std::span<const double> v, Window w) {
  double s = 0.0;
  for (std::int64_t i = w.begin; i < w.end; ++i) s += v[static_cast<std::size_t>(i)];
  return s;
}

double mean_of(std::span<const double> v, Window w) {
  return sum_of(v, w) / static_cast<double>(w.end - w.begin);
}

// Sum over all regions of a week series' variable, weeks in the window.
double all_regions_week_sum(const RunRecord& r, std::string_view variable, Window w) {
  double s = 0.0;
  for (const auto& region : r.regions) s += sum_of(r.region_weeks[region_key(region, variable)], w);
  return s;
}

}  // namespace

ActorGroups actor_groups(const sahel::DynamicsDef& dynamics) {
  ActorGroups g;
  for (std::size_t a = 0; a < sahel::kModelActors; ++a) {
    const std::string name(sahel::kModelActorNames[a]);
    const sahel::Side side = dynamics.actors[a].side;
    if (sahel::is_government_side(side)) g.state_side.push_back(name);
    if (side == sahel::Side::jihadist) g.jihadist.push_back(name);
    if (side == sahel::Side::militia) g.militia.push_back(name);
  }
  return g;
}

double max_over(const RunRecord& r, std::string_view column, Date from, Date to) {
  const auto v = r.national_states[column];
  const auto w = r.states_in(from, to);
  if (!w) return kNaN;
  return *std::max_element(v.begin() + w->begin, v.begin() + w->end);
}

double mean_over(const RunRecord& r, std::string_view column, Date from, Date to) {
  const auto v = r.national_states[column];
  const auto w = r.states_in(from, to);
  return w ? mean_of(v, *w) : kNaN;
}

double week_sum(const RunRecord& r, const Series& series, std::span<const std::string> names,
                Date from, Date to) {
  const auto w = r.weeks_in(from, to);
  if (!w) return kNaN;
  double s = 0.0;
  for (const auto& n : names) s += sum_of(series[n], *w);
  return s;
}

double armed_population_share(const RunRecord& r, std::span<const std::string> regions, Date day) {
  const auto s = r.state_at(day);
  if (!s) return kNaN;
  const auto i = static_cast<std::size_t>(*s);
  double people = 0.0, armed = 0.0;
  for (const auto& region : regions) {
    const double here = r.region_states[region_key(region, "population")][i];
    people += here;
    armed += here * r.region_states[region_key(region, "population_armed")][i];
  }
  return people > 0.0 ? armed / people : kNaN;
}

double death_share(const RunRecord& r, std::span<const std::string> regions, Date from, Date to) {
  const auto w = r.weeks_in(from, to);
  if (!w) return kNaN;
  double part = 0.0;
  for (const auto& region : regions)
    for (const char* v : {"combat_deaths", "civilian_deaths"})
      part += sum_of(r.region_weeks[region_key(region, v)], *w);
  const double all =
      all_regions_week_sum(r, "combat_deaths", *w) + all_regions_week_sum(r, "civilian_deaths", *w);
  return all > 0.0 ? part / all : kNaN;
}

double p1_armed_territory_2012(const RunRecord& r) {
  return max_over(r, "armed_territory", jan1(2012), dec31(2012));
}

double p1_armed_population_2012(const RunRecord& r) {
  // max of (1 - population_state) = 1 - min of population_state.
  const auto v = r.national_states["population_state"];
  const auto w = r.states_in(jan1(2012), dec31(2012));
  if (!w) return kNaN;
  return 1.0 - *std::min_element(v.begin() + w->begin, v.begin() + w->end);
}

double p2_cohesion_before_coup(const RunRecord& r) {
  const std::int64_t coup = event_step(r, "coup", "F04");
  if (coup < 0) return kNaN;
  // State `coup` is the last one before the coup: the event is applied in step `coup`.
  const auto v = r.national_states["cohesion_fama"];
  return ratio(v[static_cast<std::size_t>(coup)], v[0]);
}

double p3_north_after_serval(const RunRecord& r) {
  return ratio(armed_population_share(r, kNorth, {2013, 3, 31}),
               armed_population_share(r, kNorth, {2013, 1, 6}));
}

double p4_centre_shift(const RunRecord& r) {
  return death_share(r, kCentre, jan1(2018), dec31(2019)) -
         death_share(r, kCentre, jan1(2013), dec31(2014));
}

double p4_centre_share_2019(const RunRecord& r) {
  return death_share(r, kCentre, jan1(2019), dec31(2019));
}

double p5_intercommunal_rise(const RunRecord& r, const ActorGroups& g) {
  std::vector<std::string> names = prefixed("civilians_killed_by_", g.militia);
  names.emplace_back("deaths_non_state");
  return ratio(week_sum(r, r.national_weeks, names, jan1(2018), dec31(2019)),
               week_sum(r, r.national_weeks, names, jan1(2016), dec31(2017)));
}

double p6_one_sided_2019_over_2016(const RunRecord& r) {
  const auto* y2019 = r.year(2019);
  const auto* y2016 = r.year(2016);
  if (y2019 == nullptr || y2016 == nullptr) return kNaN;
  // +1 on both sides: a year without one-sided deaths would divide by zero.
  return (static_cast<double>(y2019->one_sided) + 1.0) /
         (static_cast<double>(y2016->one_sided) + 1.0);
}

double p7_armed_presence_2021(const RunRecord& r) {
  return mean_over(r, "armed_presence_territory", jan1(2021), dec31(2021));
}

double p8_jihadist_territory_growth(const RunRecord& r, const ActorGroups& g) {
  double y2023 = 0.0, y2021 = 0.0;
  for (const auto& name : prefixed("territory_", g.jihadist)) {
    y2023 += mean_over(r, name, jan1(2023), dec31(2023));
    y2021 += mean_over(r, name, jan1(2021), dec31(2021));
  }
  return ratio(y2023, y2021);
}

double p8_is_sahel_growth(const RunRecord& r) {
  return ratio(mean_over(r, "territory_is_sahel", jan1(2023), dec31(2023)),
               mean_over(r, "territory_is_sahel", jan1(2022), dec31(2022)));
}

double p9_state_over_jihadist_killings(const RunRecord& r, const ActorGroups& g) {
  return ratio(week_sum(r, r.national_weeks, prefixed("civilians_killed_by_", g.state_side),
                        jan1(2022), dec31(2023)),
               week_sum(r, r.national_weeks, prefixed("civilians_killed_by_", g.jihadist),
                        jan1(2022), dec31(2023)));
}

double p10_displaced_late_2023(const RunRecord& r) {
  const auto s = r.state_at({2023, 11, 30});
  return s ? r.national_states["displaced"][static_cast<std::size_t>(*s)] : kNaN;
}

std::int64_t event_step(const RunRecord& r, std::string_view kind, std::string_view id) {
  for (const auto& e : r.log)
    if (e.kind == kind && e.id == id) return e.step;
  return -1;
}

std::int64_t p11_last_state(std::int64_t purge_step) { return purge_step + 52; }

double p11_purge_cohesion(const RunRecord& purged, const RunRecord& unpurged) {
  const std::int64_t f = event_step(purged, "purge", kPurgeEvent);
  const std::int64_t at = f + 4;
  if (f < 0 || at > purged.steps || at > unpurged.steps) return kNaN;
  const auto i = static_cast<std::size_t>(at);
  return purged.national_states["cohesion_fama"][i] - unpurged.national_states["cohesion_fama"][i];
}

double p11_purge_gains(const RunRecord& purged, const RunRecord& unpurged) {
  const std::int64_t f = event_step(purged, "purge", kPurgeEvent);
  const std::int64_t last = p11_last_state(f);
  if (f < 0 || last > purged.steps || last > unpurged.steps) return kNaN;
  const Window year_after{f + 1, last + 1};
  return mean_of(purged.national_states["armed_territory"], year_after) -
         mean_of(unpurged.national_states["armed_territory"], year_after);
}

std::vector<Check> pattern_checks(const ActorGroups& g) {
  const auto facts = [](std::string_view ids) {
    return fmt::format("MODEL.md section 2 (validation patterns); FACTS.md {}", ids);
  };
  const auto one = [](double (*f)(const RunRecord&)) {
    return [f](const RunOutcome& o) { return f(o.run); };
  };
  const auto grouped = [g](double (*f)(const RunRecord&, const ActorGroups&)) {
    return [f, g](const RunOutcome& o) { return f(o.run, g); };
  };
  const auto paired = [](double (*f)(const RunRecord&, const RunRecord&)) {
    return [f](const RunOutcome& o) { return o.without_purge ? f(o.run, *o.without_purge) : kNaN; };
  };
  return {
      {"P1a",
       "F06",
       facts("F06"),
       "territory held by armed groups, max 2012",
       {0.33, 0.75},
       one(p1_armed_territory_2012)},
      {"P1b",
       "F06",
       facts("F06"),
       "population held by armed groups, max 2012",
       {0.05, 0.2},
       one(p1_armed_population_2012)},
      {"P2",
       "F04",
       facts("F04"),
       "army cohesion before the F04 coup / at start",
       {0.0, 0.95},
       one(p2_cohesion_before_coup)},
      {"P3",
       "F07",
       facts("F07"),
       "north held by armed groups (people), 31 Mar / 6 Jan 2013",
       {0.0, 0.5},
       one(p3_north_after_serval)},
      {"P4a",
       "F13",
       facts("F13"),
       "Mopti+Ségou share of deaths, 2018-19 minus 2013-14",
       {0.2, 1.0},
       one(p4_centre_shift)},
      {"P4b",
       "F13",
       facts("F13"),
       "Mopti+Ségou share of deaths, 2019",
       {0.5, 1.0},
       one(p4_centre_share_2019)},
      {"P5",
       "F13",
       facts("F13"),
       "militia killings + non-state deaths, 2018-19 / 2016-17",
       {2.0, kInf},
       grouped(p5_intercommunal_rise)},
      {"P6",
       "M13",
       facts("M13"),
       "one-sided deaths (2019 + 1) / (2016 + 1)",
       {1.0, kInf},
       one(p6_one_sided_2019_over_2016)},
      {"P7",
       "M11",
       facts("M11"),
       "territory with armed-group presence, mean 2021",
       {0.667, 1.0},
       one(p7_armed_presence_2021)},
      {"P8a",
       "M10, F27",
       facts("M10, F27"),
       "jihadist territory, mean 2023 / mean 2021",
       {1.0, kInf},
       grouped(p8_jihadist_territory_growth)},
      {"P8b",
       "M10",
       facts("M10"),
       "IS Sahel territory, mean 2023 / mean 2022",
       {1.5, 3.0},
       one(p8_is_sahel_growth)},
      {"P9",
       "M15, M16",
       facts("M15, M16"),
       "civilians killed 2022-23, state side / jihadists",
       {0.7, 5.0},
       grouped(p9_state_over_jihadist_killings)},
      {"P10",
       "M12",
       facts("M12"),
       "displaced at 2023-11-30",
       {200000.0, 800000.0},
       one(p10_displaced_late_2023)},
      {"P11a",
       "F36",
       facts("F36"),
       "army cohesion 4 weeks after F36, minus no purge",
       {-kInf, 0.0, false, true},
       paired(p11_purge_cohesion)},
      {"P11b",
       "F36",
       facts("F36"),
       "armed territory, year after F36, minus no purge",
       {0.0, kInf},
       paired(p11_purge_gains)},
  };
}

RecordSpec pattern_series(const ActorGroups& g) {
  RecordSpec spec;
  spec.national_states = {"armed_territory", "population_state", "cohesion_fama",
                          "armed_presence_territory", "displaced"};
  for (const auto& name : prefixed("territory_", g.jihadist)) spec.national_states.push_back(name);
  if (std::find(g.jihadist.begin(), g.jihadist.end(), "is_sahel") == g.jihadist.end())
    spec.national_states.emplace_back("territory_is_sahel");
  spec.national_weeks = {"deaths_non_state"};
  for (const auto* group : {&g.militia, &g.state_side, &g.jihadist})
    for (const auto& name : prefixed("civilians_killed_by_", *group))
      if (std::find(spec.national_weeks.begin(), spec.national_weeks.end(), name) ==
          spec.national_weeks.end())
        spec.national_weeks.push_back(name);
  spec.region_states = {"population", "population_armed"};
  spec.region_weeks = {"combat_deaths", "civilian_deaths"};
  return spec;
}

}  // namespace insim::validation
