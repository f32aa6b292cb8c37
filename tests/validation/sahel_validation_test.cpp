// insim check's work on the real model, kept short: 1,000 people per agent.
#include "validation/sahel_validation.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "engine/parallel.hpp"
#include "models/scenario_def.hpp"
#include "scenario/loader/loader.hpp"
#include "validation/pattern_checks.hpp"

using namespace insim;
using namespace insim::validation;

namespace {
const std::filesystem::path kBaseline =
    std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "sahel" / "baseline.yaml";

ScenarioDef baseline(std::vector<scenario::Override> set) {
  set.push_back({"sahel.world.people_per_agent", "1000"});
  ScenarioDef def;
  (void)scenario::load(kBaseline, set, [&](scenario::Schema& s) { describe(s, def); });
  return def;
}

LoadedTargets targets() { return load_targets(default_targets_file(kBaseline)); }

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }
}  // namespace

TEST_CASE("validation run: the purge run and its pair agree until the purge, then part",
          "[validation][sahel]") {
  // The purge F36 is in step 708 (2025-08); the pair stops 52 weeks later.
  const ScenarioDef def = baseline({{"run.steps", "780"}});
  const RunOutcome o =
      run_seed(def.sahel, def.run.steps, 7, pattern_series(actor_groups(def.sahel.dynamics)));
  const std::int64_t f = event_step(o.run, "purge", kPurgeEvent);
  REQUIRE(f > 0);
  CHECK(o.run.steps == def.run.steps);
  REQUIRE(o.without_purge);
  CHECK(o.without_purge->steps == p11_last_state(f));  // stops where P11 stops reading
  CHECK(event_step(*o.without_purge, "purge", kPurgeEvent) == -1);
  const auto with = o.run.national_states["cohesion_fama"];
  const auto without = o.without_purge->national_states["cohesion_fama"];
  for (std::int64_t s = 0; s <= f; ++s)
    REQUIRE(with[static_cast<std::size_t>(s)] == without[static_cast<std::size_t>(s)]);
  CHECK(with[static_cast<std::size_t>(f + 1)] != without[static_cast<std::size_t>(f + 1)]);
}

TEST_CASE("validation run: seeds follow run.seed, and the report is the same for any threads",
          "[validation][sahel][determinism]") {
  const ScenarioDef def = baseline({{"run.steps", "60"}, {"run.seed", "11"}});
  const LoadedTargets t = targets();
  ValidationOptions options;
  options.runs = 3;
  // Catch's assertions are not thread-safe: note the calls, check them afterwards.
  std::vector<std::pair<int, int>> calls;
  options.progress = [&](int done, int total) { calls.emplace_back(done, total); };
  ValidationReport one, two;
  {
    const ThreadLimit limit(2);
    one = validate_sahel(def, t, options);
  }
  CHECK(calls == std::vector<std::pair<int, int>>{{1, 3}, {2, 3}, {3, 3}});
  options.progress = nullptr;
  {
    const ThreadLimit limit(1);
    two = validate_sahel(def, t, options);
  }
  CHECK(one.seeds == std::vector<std::int64_t>{11, 12, 13});
  const GroupedChecks checks = sahel_checks(def.sahel.dynamics, t);
  REQUIRE(one.rows.size() == checks.checks.size());
  REQUIRE(two.rows.size() == one.rows.size());
  for (std::size_t c = 0; c < one.rows.size(); ++c) {
    INFO(one.rows[c].id);
    CHECK(one.rows[c].id == checks.checks[c].second.id);
    for (std::size_t i = 0; i < 3; ++i) CHECK(same(one.rows[c].values[i], two.rows[c].values[i]));
  }
  // Seed 12's column is what that seed gives alone; 60 weeks cover 2012 but not 2013.
  const RunOutcome alone =
      run_seed(def.sahel, 60, 12, pattern_series(actor_groups(def.sahel.dynamics)));
  CHECK(one.rows[0].id == "P1a");
  CHECK(one.rows[0].values[1] == p1_armed_territory_2012(alone.run));
  CHECK(one.rows[0].missing == 0);
  for (const auto& row : one.rows)
    if (row.id == "P10" || row.id == "P11a" || row.id == "deaths-2013") {
      INFO(row.id);
      CHECK(row.missing == 3);
      CHECK_FALSE(row.pass);
    }
}

TEST_CASE("validation run: only Sahel scenarios are validated", "[validation]") {
  ScenarioDef def;
  def.model = ModelKind::epstein;
  CHECK_THROWS_AS(validate_sahel(def, targets(), {}), std::invalid_argument);
}
