// The rules added in the 2012-2019 calibration (docs/calibration.md): communal clashes typed as
// UCDP non-state, flight from a takeover, the army's cohesion following the ground it holds, and
// a foreign force's lag in reaching a new theatre. Each runs the baseline at 400 people per agent
// with the rule and without it (same seeds, so the same draws until the rule acts).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string_view>

#include "sahel/mechanism_support.hpp"

namespace sahel = insim::sahel;
using insim::Date;
using sahel::ModelActor;
using sahel::SahelDef;
using sahel::SahelModel;

namespace {

constexpr std::size_t kA = sahel::kModelActors;
constexpr std::size_t kFama = sahel::index(ModelActor::fama);
constexpr std::size_t kFrance = sahel::index(ModelActor::france);
constexpr std::size_t kJnim = sahel::index(ModelActor::jnim);

SahelDef coarse_baseline() { return insim::test::sahel_baseline(400); }

std::size_t region(const SahelModel& m, std::string_view name) {
  const auto& names = m.state().world.regions.name;
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

double presence_in(const SahelModel& m, std::size_t r, std::size_t a) {
  const auto& s = m.state();
  double p = 0.0;
  for (std::size_t l = s.world.regions.locality_begin[r]; l < s.world.regions.locality_begin[r + 1];
       ++l)
    p += s.presence[l * kA + a];
  return p;
}

// The weekly tallies of a run, to compare two runs week by week.
struct WeekTally {
  std::int64_t state_based = 0;
  std::int64_t non_state = 0;
  std::int64_t one_sided = 0;
  std::int64_t one_sided_by_government = 0;
  std::int64_t civilians_killed = 0;
  Date week;
};

std::vector<WeekTally> tallies(const SahelDef& def, std::uint64_t seed, Date stop) {
  std::vector<WeekTally> out;
  insim::test::run_until(def, seed, stop, [&](const SahelModel& m, Date week) {
    const auto& t = m.state().tally;
    std::int64_t killed = 0;
    for (std::int64_t k : t.civilian_killed) killed += k;
    out.push_back({t.state_based, t.non_state, t.one_sided, t.one_sided_by_government, killed,
                   week});
  });
  return out;
}

}  // namespace

TEST_CASE(
    "sahel calibration: communal clashes move armed groups' killings from one-sided to non-state "
    "and change nothing else",
    "[sahel][calibration][slow]") {
  const Date stop{2020, 1, 1};
  SahelDef off = coarse_baseline();
  off.dynamics.combat.communal_clash_share = 0.0;
  SahelDef quarter = off;
  quarter.dynamics.combat.communal_clash_share = 0.25;
  SahelDef all = off;
  all.dynamics.combat.communal_clash_share = 1.0;
  const auto none = tallies(off, 1, stop);
  const auto some = tallies(quarter, 1, stop);
  const auto every = tallies(all, 1, stop);
  REQUIRE(none.size() == some.size());
  REQUIRE(none.size() == every.size());
  std::int64_t moved_some = 0, moved_every = 0;
  for (std::size_t i = 0; i < none.size(); ++i) {
    INFO("week " << insim::to_string(none[i].week));
    // The same deaths, perpetrators and state-side killings: only their UCDP type differs.
    CHECK(some[i].state_based == none[i].state_based);
    CHECK(some[i].non_state + some[i].one_sided == none[i].non_state + none[i].one_sided);
    CHECK(some[i].civilians_killed == none[i].civilians_killed);
    CHECK(some[i].one_sided_by_government == none[i].one_sided_by_government);
    CHECK(every[i].non_state + every[i].one_sided == none[i].non_state + none[i].one_sided);
    CHECK(some[i].non_state >= none[i].non_state);
    CHECK(every[i].non_state >= some[i].non_state);
    // Never more than the armed groups' killings of civilians.
    CHECK(every[i].non_state - none[i].non_state <=
          none[i].one_sided - none[i].one_sided_by_government);
    if (none[i].week >= Date{2018, 1, 1}) {
      moved_some += some[i].non_state - none[i].non_state;
      moved_every += every[i].non_state - none[i].non_state;
    }
  }
  // The militias of central Mali (F13, from 2018) kill Fulani where JNIM recruits them.
  CHECK(moved_some > 0);
  CHECK(moved_every > 2 * moved_some);
}

TEST_CASE("sahel calibration: people flee the takeover of their locality, not only the killings",
          "[sahel][calibration][slow]") {
  SahelDef with = coarse_baseline();
  with.dynamics.civilians.takeover_danger = 1.5;
  SahelDef without = with;
  without.dynamics.civilians.takeover_danger = 0.0;
  const Date snapshot{2012, 6, 15};  // IOM's first count (targets.yaml)
  const auto displaced_at = [&](const SahelDef& def, std::uint64_t seed) {
    double displaced = 0.0;
    insim::test::run_until(def, seed, snapshot, [&](const SahelModel& m, Date) {
      displaced = 0.0;
      for (std::uint32_t d : m.state().displaced) displaced += d;
    });
    return displaced;
  };
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    INFO("seed " << seed);
    CHECK(displaced_at(with, seed) > 1.5 * displaced_at(without, seed));
  }
}

TEST_CASE("sahel calibration: the army loses cohesion as armed groups take ground (F04)",
          "[sahel][calibration][slow]") {
  constexpr double kCohesionPerTerritory = 0.2;
  SahelDef with = coarse_baseline();
  with.dynamics.combat.territory_cohesion = kCohesionPerTerritory;
  SahelDef without = with;
  without.dynamics.combat.territory_cohesion = 0.0;
  const Date before_coup{2012, 3, 18};  // the last week that starts before F04 (2012-03-22)
  struct AtCoup {
    double cohesion = 0.0;
    double territory = 0.0;
  };
  const auto at_coup = [&](const SahelDef& def, std::uint64_t seed) {
    AtCoup out;
    insim::test::run_until(def, seed, before_coup, [&](const SahelModel& m, Date) {
      out.cohesion = m.state().actor.cohesion[kFama];
      out.territory = m.state().politics.armed_territory;
    });
    return out;
  };
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    INFO("seed " << seed);
    const AtCoup w = at_coup(with, seed);
    const AtCoup wo = at_coup(without, seed);
    REQUIRE(wo.territory > 0.2);  // the north falls in the first weeks of 2012 (F03, F06)
    // What the ground lost costs, less at most ten weeks of recovery (0.98^10 > 0.8).
    CHECK(wo.cohesion - w.cohesion > 0.5 * kCohesionPerTerritory * wo.territory);
  }
}

TEST_CASE(
    "sahel calibration: France reaches a region the jihadists settle in only spread_weeks later",
    "[sahel][calibration][slow]") {
  SahelDef lag = coarse_baseline();
  lag.dynamics.actors[kFrance].spread_weeks = 120;
  SahelDef at_once = lag;
  at_once.dynamics.actors[kFrance].spread_weeks = 0;
  struct Mopti {
    double france_2013_north = 0.0;  // Serval in Tombouctou and Gao
    double france_2015 = 0.0;
    double jnim_2015 = 0.0;
    double france_2018 = 0.0;
  };
  const auto mopti = [&](const SahelDef& def) {
    Mopti out;
    insim::test::run_until(def, 1, Date{2019, 1, 1}, [&](const SahelModel& m, Date week) {
      const std::size_t r = region(m, "Mopti");
      const int year = week.year;
      if (year == 2013)
        out.france_2013_north += presence_in(m, region(m, "Tombouctou"), kFrance) +
                                 presence_in(m, region(m, "Gao"), kFrance);
      if (year == 2015) {
        out.france_2015 += presence_in(m, r, kFrance);
        out.jnim_2015 = std::max(out.jnim_2015, presence_in(m, r, kJnim));
      }
      if (year == 2018) out.france_2018 += presence_in(m, r, kFrance);
    });
    return out;
  };
  const Mopti l = mopti(lag);
  const Mopti now = mopti(at_once);
  const double foothold = lag.dynamics.civilians.presence_to_recruit;
  CHECK(l.france_2013_north > 0.0);
  CHECK(l.jnim_2015 >= foothold);   // the jihadists are in Mopti in 2015 (F13)...
  CHECK(l.france_2015 == 0.0);      // ...France is not yet...
  CHECK(now.france_2015 > 0.0);     // ...though it would be without the lag...
  CHECK(l.france_2018 > 0.0);       // ...and it is there by 2018.
}

TEST_CASE(
    "sahel calibration: a regional affinity overrides the community's own only in its regions "
    "and wins IS Sahel the Fulani of Gao (M10)",
    "[sahel][calibration][slow]") {
  constexpr std::size_t kIsSahel = sahel::index(ModelActor::is_sahel);
  const SahelDef local = coarse_baseline();
  SahelDef national = local;
  auto& entries = national.dynamics.actors[kIsSahel].affinity;
  REQUIRE(std::any_of(entries.begin(), entries.end(),
                      [](const sahel::Affinity& a) { return !a.regions.empty(); }));
  std::erase_if(entries, [](const sahel::Affinity& a) { return !a.regions.empty(); });

  // Fulani cells of Gao whose people back IS Sahel at the start of 2017.
  const auto backing = [&](const SahelDef& def) {
    std::size_t cells = 0;
    sahel::SahelModel model(def, 1);
    const auto calendar = *model.calendar();
    const auto& s = model.state();
    const auto& communities = s.world.community_names;
    const auto fulani = static_cast<std::size_t>(
        std::find(communities.begin(), communities.end(), "Fulani") - communities.begin());
    const sahel::Rules rules = sahel::make_rules(def.dynamics, s.world);
    const std::size_t gao = region(model, "Gao");
    const std::size_t mopti = region(model, "Mopti");
    const std::size_t R = s.world.regions.size();
    const std::size_t C = communities.size();
    const float here = rules.local_affinity[(kIsSahel * R + gao) * C + fulani];
    const float elsewhere = rules.local_affinity[(kIsSahel * R + mopti) * C + fulani];
    CHECK(elsewhere == rules.affinity[kIsSahel * C + fulani]);
    if (&def == &local) CHECK(here > elsewhere);
    else CHECK(here == elsewhere);
    for (std::int64_t t = 0; t < calendar.step_of(Date{2017, 1, 1}); ++t) model.step();
    for (std::size_t l = s.world.regions.locality_begin[gao];
         l < s.world.regions.locality_begin[gao + 1]; ++l)
      cells += s.best_actor[l * C + fulani] == kIsSahel;
    return cells;
  };
  CHECK(backing(local) > 0);
  CHECK(backing(national) == 0);  // with JNIM's equal affinity, JNIM wins them
}

TEST_CASE("sahel calibration: France kills fewer per contact once Serval becomes Barkhane (F09)",
          "[sahel][calibration][slow]") {
  SahelDef barkhane = coarse_baseline();
  barkhane.dynamics.actors[kFrance].lethality_after_change = 0.5;
  SahelDef serval = barkhane;
  serval.dynamics.actors[kFrance].lethality_after_change = 1.0;
  const Date change{2014, 8, 1};
  const Date stop{2016, 1, 1};
  std::int64_t with_change = 0;
  std::int64_t without = 0;
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const auto a = tallies(barkhane, seed, stop);
    const auto b = tallies(serval, seed, stop);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (a[i].week < Date{2014, 7, 25}) {
        REQUIRE(a[i].state_based == b[i].state_based);  // the same draws until F09
      } else if (change <= a[i].week) {
        with_change += a[i].state_based;
        without += b[i].state_based;
      }
    }
    std::int64_t weeks_changed = 0;
    insim::test::run_until(barkhane, seed, stop, [&](const SahelModel& m, Date week) {
      const double posture = m.state().actor.posture[kFrance];
      if (week < Date{2014, 7, 25}) CHECK(posture == 1.0);
      if (change <= week) weeks_changed += posture == 0.5;
    });
    CHECK(weeks_changed > 70);
  }
  CHECK(static_cast<double>(with_change) < 0.8 * static_cast<double>(without));
}
