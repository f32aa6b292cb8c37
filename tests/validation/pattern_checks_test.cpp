// Each pattern of MODEL.md section 2 on hand-made series whose answer is known.
#include "validation/pattern_checks.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "synthetic_run.hpp"

using namespace insim;
using namespace insim::validation;
using insim::test::SyntheticRun;

namespace {
ActorGroups groups() {
  ActorGroups g;
  g.state_side = {"fama", "wagner"};
  g.jihadist = {"jnim", "is_sahel"};
  g.militia = {"dan_na_ambassagou", "donzo"};
  return g;
}
}  // namespace

TEST_CASE("validation patterns: actor groups follow the scenario's sides", "[validation]") {
  sahel::DynamicsDef d;
  for (auto& a : d.actors) a.side = sahel::Side::separatist;
  d.actors[sahel::index(sahel::ModelActor::jnim)].side = sahel::Side::jihadist;
  d.actors[sahel::index(sahel::ModelActor::donzo)].side = sahel::Side::militia;
  d.actors[sahel::index(sahel::ModelActor::fama)].side = sahel::Side::state;
  d.actors[sahel::index(sahel::ModelActor::wagner)].side = sahel::Side::foreign;
  const ActorGroups g = actor_groups(d);
  CHECK(g.jihadist == std::vector<std::string>{"jnim"});
  CHECK(g.militia == std::vector<std::string>{"donzo"});
  CHECK(g.state_side == std::vector<std::string>{"fama", "wagner"});
}

TEST_CASE("validation patterns: P1 takes the 2012 maximum of territory and of people held",
          "[validation]") {
  SyntheticRun run;
  run.set_states("armed_territory", {2012, 1, 1}, {2012, 12, 31}, 0.1);
  run.state("armed_territory")[20] = 0.5;
  run.state("armed_territory")[60] = 0.9;  // 2013: not counted
  run.set_states("population_state", {2012, 1, 1}, {2030, 1, 1}, 1.0);
  run.state("population_state")[30] = 0.85;
  run.state("population_state")[70] = 0.2;  // 2013
  CHECK(p1_armed_territory_2012(run.record()) == 0.5);
  CHECK(p1_armed_population_2012(run.record()) == Approx(0.15));
}

TEST_CASE("validation patterns: P2 compares cohesion just before the F04 coup with the start",
          "[validation]") {
  SyntheticRun run;
  auto& cohesion = run.state("cohesion_fama");
  cohesion[0] = 0.8;
  cohesion[10] = 0.7;
  cohesion[11] = 0.6;  // the state the coup's week starts from
  cohesion[12] = 0.1;  // after the coup cut it
  CHECK(std::isnan(p2_cohesion_before_coup(run.record())));  // no coup logged
  run.log(5, "coup", "F99");
  run.log(11, "coup", "F04");
  CHECK(p2_cohesion_before_coup(run.record()) == Approx(0.75));
}

TEST_CASE("validation patterns: P3 weighs the north's armed shares by population", "[validation]") {
  SyntheticRun run;
  const auto jan = static_cast<std::size_t>(*run.record().state_at({2013, 1, 6}));
  const auto mar = static_cast<std::size_t>(*run.record().state_at({2013, 3, 31}));
  CHECK(jan == 53);
  CHECK(mar == 65);
  const auto set = [&](const char* region, double people, double armed_jan, double armed_mar) {
    run.region_state(region, "population")[jan] = people;
    run.region_state(region, "population")[mar] = people;
    run.region_state(region, "population_armed")[jan] = armed_jan;
    run.region_state(region, "population_armed")[mar] = armed_mar;
  };
  set("Tombouctou", 100, 1.0, 0.2);
  set("Gao", 300, 0.5, 0.1);
  set("Kidal", 100, 0.0, 0.0);
  set("Mopti", 10000, 0.0, 1.0);  // not in the north: ignored
  // January: (100 + 150) / 500 = 0.5; March: (20 + 30) / 500 = 0.1.
  CHECK(armed_population_share(run.record(), std::vector<std::string>{"Tombouctou", "Gao", "Kidal"},
                               {2013, 1, 6}) == Approx(0.5));
  CHECK(p3_north_after_serval(run.record()) == Approx(0.2));
}

TEST_CASE("validation patterns: P4 measures the centre's share of all deaths by period",
          "[validation]") {
  SyntheticRun run;
  for (const char* r : {"Mopti", "Ségou", "Gao"}) {
    run.region_week(r, "combat_deaths");
    run.region_week(r, "civilian_deaths");
  }
  run.set_weeks(run.region_week("Gao", "combat_deaths"), {2013, 1, 1}, {2014, 12, 31}, 90.0);
  run.set_weeks(run.region_week("Mopti", "civilian_deaths"), {2013, 1, 1}, {2014, 12, 31}, 10.0);
  run.set_weeks(run.region_week("Mopti", "combat_deaths"), {2018, 1, 1}, {2019, 12, 31}, 20.0);
  run.set_weeks(run.region_week("Mopti", "civilian_deaths"), {2018, 1, 1}, {2019, 12, 31}, 10.0);
  run.set_weeks(run.region_week("Ségou", "civilian_deaths"), {2018, 1, 1}, {2019, 12, 31}, 30.0);
  run.set_weeks(run.region_week("Gao", "combat_deaths"), {2018, 1, 1}, {2019, 12, 31}, 40.0);
  // A week outside both periods, all in Gao: must not count.
  run.region_week("Gao", "combat_deaths")[static_cast<std::size_t>(run.step_of({2016, 6, 1}))] =
      1e6;
  CHECK(p4_centre_shift(run.record()) == Approx(0.6 - 0.1));
  CHECK(p4_centre_share_2019(run.record()) == Approx(0.6));
  SyntheticRun quiet;
  for (const char* r : {"Mopti", "Ségou"}) {
    quiet.region_week(r, "combat_deaths");
    quiet.region_week(r, "civilian_deaths");
  }
  CHECK(std::isnan(p4_centre_share_2019(quiet.record())));  // no deaths at all: no share
}

TEST_CASE("validation patterns: P5 sums militia killings and non-state deaths by period",
          "[validation]") {
  SyntheticRun run;
  const auto week = [&](Date d) { return static_cast<std::size_t>(run.step_of(d)); };
  run.week("civilians_killed_by_dan_na_ambassagou")[week({2016, 6, 1})] = 4.0;
  run.week("deaths_non_state")[week({2017, 6, 1})] = 6.0;
  run.week("civilians_killed_by_donzo")[week({2018, 3, 1})] = 20.0;
  run.week("deaths_non_state")[week({2019, 3, 1})] = 10.0;
  run.week("civilians_killed_by_jnim")[week({2018, 3, 1})] = 1000.0;  // not a militia
  run.week("deaths_non_state")[week({2020, 3, 1})] = 1000.0;          // outside 2018-19
  CHECK(p5_intercommunal_rise(run.record(), groups()) == Approx(3.0));
}

TEST_CASE("validation patterns: P6 compares 2019 and 2016 one-sided deaths, plus one each",
          "[validation]") {
  SyntheticRun run;
  run.year(2016, 50, 50, 9);
  run.year(2019, 0, 0, 19);
  CHECK(p6_one_sided_2019_over_2016(run.record()) == Approx(2.0));
  SyntheticRun none;
  none.year(2016, 1, 1, 0);
  none.year(2019, 1, 1, 0);
  CHECK(p6_one_sided_2019_over_2016(none.record()) == 1.0);
  SyntheticRun short_run;
  short_run.year(2016, 1, 1, 0);  // 2019 not simulated
  CHECK(std::isnan(p6_one_sided_2019_over_2016(short_run.record())));
}

TEST_CASE("validation patterns: P7 is the 2021 mean of armed presence", "[validation]") {
  SyntheticRun run;
  run.set_states("armed_presence_territory", {2020, 1, 1}, {2022, 12, 31}, 0.1);
  const auto w = *run.record().states_in({2021, 1, 1}, {2021, 12, 31});
  auto& v = run.state("armed_presence_territory");
  for (std::int64_t s = w.begin; s < w.end; ++s)
    v[static_cast<std::size_t>(s)] = s < w.begin + 26 ? 0.5 : 1.0;
  const double n = static_cast<double>(w.end - w.begin);
  CHECK(p7_armed_presence_2021(run.record()) == Approx((26 * 0.5 + (n - 26) * 1.0) / n));
}

TEST_CASE("validation patterns: P8 compares yearly mean territories", "[validation]") {
  SyntheticRun run;
  run.set_states("territory_jnim", {2021, 1, 1}, {2021, 12, 31}, 0.2);
  run.set_states("territory_jnim", {2022, 1, 1}, {2022, 12, 31}, 0.3);
  run.set_states("territory_jnim", {2023, 1, 1}, {2023, 12, 31}, 0.25);
  run.set_states("territory_is_sahel", {2021, 1, 1}, {2021, 12, 31}, 0.05);
  run.set_states("territory_is_sahel", {2022, 1, 1}, {2022, 12, 31}, 0.04);
  run.set_states("territory_is_sahel", {2023, 1, 1}, {2023, 12, 31}, 0.1);
  CHECK(p8_jihadist_territory_growth(run.record(), groups()) == Approx(0.35 / 0.25));
  CHECK(p8_is_sahel_growth(run.record()) == Approx(2.5));
}

TEST_CASE("validation patterns: P9 sets the state side's civilian killings against jihadists'",
          "[validation]") {
  SyntheticRun run;
  const auto week = [&](Date d) { return static_cast<std::size_t>(run.step_of(d)); };
  run.week("civilians_killed_by_fama")[week({2022, 3, 27})] = 300.0;
  run.week("civilians_killed_by_wagner")[week({2023, 5, 1})] = 100.0;
  run.week("civilians_killed_by_jnim")[week({2022, 8, 1})] = 150.0;
  run.week("civilians_killed_by_is_sahel")[week({2023, 8, 1})] = 50.0;
  run.week("civilians_killed_by_fama")[week({2021, 6, 1})] = 1e6;  // before 2022
  CHECK(p9_state_over_jihadist_killings(run.record(), groups()) == Approx(2.0));
}

TEST_CASE("validation patterns: P10 reads displacement at the state nearest 2023-11-30",
          "[validation]") {
  SyntheticRun run;
  const auto at = static_cast<std::size_t>(*run.record().state_at({2023, 11, 30}));
  CHECK(run.record().calendar.date_of(static_cast<std::int64_t>(at)) ==
        Date{2023, 12, 3});  // 3 days after; 11-26 is 4 before
  run.state("displaced")[at] = 400000.0;
  run.state("displaced")[at + 1] = 1.0;
  CHECK(p10_displaced_late_2023(run.record()) == 400000.0);
  SyntheticRun short_run(52 * 10);  // ends in 2021
  short_run.state("displaced");
  CHECK(std::isnan(p10_displaced_late_2023(short_run.record())));
}

TEST_CASE("validation patterns: P11 pairs the purge run with the run without it", "[validation]") {
  SyntheticRun purged;
  SyntheticRun unpurged;
  const std::int64_t f = 600;
  purged.log(f, "purge", "F36");
  auto& c1 = purged.state("cohesion_fama");
  auto& c0 = unpurged.state("cohesion_fama");
  c1[f + 3] = 0.9;
  c1[f + 4] = 0.5;  // 4 weeks after the purge's step
  c1[f + 5] = 0.1;
  c0[f + 4] = 0.8;
  CHECK(p11_purge_cohesion(purged.record(), unpurged.record()) == Approx(-0.3));

  auto& t1 = purged.state("armed_territory");
  auto& t0 = unpurged.state("armed_territory");
  for (std::int64_t s = f + 1; s <= f + 52; ++s) {
    t1[static_cast<std::size_t>(s)] = 0.4;
    t0[static_cast<std::size_t>(s)] = 0.3;
  }
  t1[f] = 100.0;       // the purge's own week: not in the year after
  t1[f + 53] = 100.0;  // beyond it
  CHECK(p11_purge_gains(purged.record(), unpurged.record()) == Approx(0.1));

  // No purge in the log, or a partner run too short: nothing to say.
  CHECK(std::isnan(p11_purge_cohesion(unpurged.record(), unpurged.record())));
  SyntheticRun short_partner(f + 10);
  short_partner.state("armed_territory");
  short_partner.state("cohesion_fama");
  CHECK(std::isnan(p11_purge_gains(purged.record(), short_partner.record())));
  CHECK_FALSE(std::isnan(p11_purge_cohesion(purged.record(), short_partner.record())));
}

TEST_CASE("validation patterns: the list cites FACTS ids and reads only recorded series",
          "[validation]") {
  const auto checks = pattern_checks(groups());
  std::vector<std::string> ids;
  for (const auto& c : checks) ids.push_back(c.id);
  CHECK(ids == std::vector<std::string>{"P1a", "P1b", "P2", "P3", "P4a", "P4b", "P5", "P6", "P7",
                                        "P8a", "P8b", "P9", "P10", "P11a", "P11b"});
  CHECK(checks[0].source == "F06");
  CHECK(checks[0].band.low == 0.33);
  CHECK(checks[13].band.high_open);
  // A record holding exactly pattern_series() is enough for every check.
  const RecordSpec spec = pattern_series(groups());
  SyntheticRun run;
  for (const auto& n : spec.national_states) run.state(n);
  for (const auto& n : spec.national_weeks) run.week(n);
  for (const char* region : {"Tombouctou", "Gao", "Kidal", "Mopti", "Ségou"}) {
    for (const auto& v : spec.region_states) run.region_state(region, v);
    for (const auto& v : spec.region_weeks) run.region_week(region, v);
  }
  run.log(11, "coup", "F04");
  run.log(600, "purge", "F36");
  RunOutcome outcome{run.record(), run.record()};
  for (const auto& c : checks) {
    INFO(c.id);
    CHECK_NOTHROW(c.measure(outcome));
  }
}
