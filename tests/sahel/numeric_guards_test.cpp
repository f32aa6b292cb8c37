// Numeric guards (docs/numeric-guards.md): a real state passes every check, and a state broken in
// each way is refused with a message that names the quantity, where it is and the step.
#include "models/sahel/numeric_guards.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <string>
#include <vector>

#include "mechanism_support.hpp"
#include "models/sahel/sahel_model.hpp"
#include "output/atomic_file.hpp"
#include "output/regions_csv.hpp"
#include "output/timeseries_csv.hpp"
#include "support/scratch_folder.hpp"

using insim::sahel::check_finite_outputs;
using insim::sahel::check_numeric_invariants;
using insim::sahel::index;
using insim::sahel::ModelActor;
using insim::sahel::NumericGuardError;
using insim::sahel::State;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::size_t A = insim::sahel::kModelActors;

// The baseline at 5,000 people per agent after two years: the rebellion, the coup and the
// French intervention have happened, so actors, displacement and memories are all non-zero.
const State& two_years_in() {
  static const State state = [] {
    insim::sahel::SahelModel model(insim::test::sahel_baseline(5000), 11);
    for (int i = 0; i < 104; ++i) model.step();
    return model.state();
  }();
  return state;
}

// The message `check_numeric_invariants` gives for the state after `breaking` it, or "" if none.
std::string refusal(const std::function<void(State&)>& breaking) {
  State s = two_years_in();
  breaking(s);
  try {
    check_numeric_invariants(s, 104);
  } catch (const NumericGuardError& e) {
    return e.what();
  }
  return "";
}

struct Broken {
  const char* what;
  std::function<void(State&)> breaking;
  std::vector<std::string> says;  // fragments of the message, besides "after step 104"
};

}  // namespace

TEST_CASE("numeric guards: the baseline's state passes every check at every step of two years",
          "[sahel][guards]") {
  insim::sahel::SahelModel model(insim::test::sahel_baseline(5000), 11);
  CHECK_NOTHROW(check_numeric_invariants(model.state(), 0));
  std::vector<double> row(model.columns().size());
  std::vector<double> places(model.places().size() * model.place_columns().size());
  for (std::int64_t step = 1; step <= 104; ++step) {
    model.step();
    INFO("step " << step);
    REQUIRE_NOTHROW(check_numeric_invariants(model.state(), step));
    model.observe(row);
    model.observe_places(places);
    REQUIRE_NOTHROW(check_finite_outputs(model.columns(), row, model.places(),
                                         model.place_columns(), places, step));
  }
  // Two years in, the checks look at something: people have fled and actors fight.
  const State& s = model.state();
  CHECK(std::accumulate(s.displaced.begin(), s.displaced.end(), 0.0) > 0.0);
  CHECK(s.actor.strength[index(ModelActor::mnla_cma)] > 0.0);
}

TEST_CASE("numeric guards: each broken quantity is refused, naming it, where it is and the step",
          "[sahel][guards]") {
  const std::size_t jnim = index(ModelActor::jnim);
  const std::size_t fama = index(ModelActor::fama);
  const std::size_t france = index(ModelActor::france);
  const State& ok = two_years_in();
  const std::string region0 =
      "region '" + ok.world.regions.name[ok.world.localities.region[0]] + "'";
  const std::string community0 = "community '" + ok.world.community_names[0] + "'";
  const std::string community1 = "community '" + ok.world.community_names[1] + "'";
  const std::string last_region = "region '" + ok.world.regions.name.back() + "'";
  const std::size_t C = ok.communities;
  const auto wrap = [](std::uint32_t& count) { count -= count + 1; };  // one below zero

  const std::vector<Broken> cases = {
      {"negative strength",
       [&](State& s) { s.actor.strength[jnim] = -1.0; },
       {"strength", "actor 'jnim'", "is -1", "a finite number >= 0"}},
      {"cohesion above 1",
       [&](State& s) { s.actor.cohesion[fama] = 1.5; },
       {"cohesion of actor 'fama'", "is 1.5", "a share in [0, 1]"}},
      {"NaN money",
       [&](State& s) { s.actor.money[jnim] = kNaN; },
       {"money", "actor 'jnim'", "nan"}},
      {"infinite opinion",
       [&](State& s) { s.actor.opinion[france] = kInf; },
       {"opinion", "actor 'france'", "inf"}},
      {"negative external fighters",
       [&](State& s) { s.actor.external[jnim] = -5.0; },
       {"external fighters", "actor 'jnim'"}},
      {"negative pending fighters",
       [&](State& s) { s.actor.pending[jnim] = -1.0; },
       {"pending fighters"}},
      {"infinite posture", [&](State& s) { s.actor.posture[fama] = kInf; }, {"posture", "'fama'"}},
      {"fighter death probability above 1",
       [&](State& s) { s.actor.fighter_death[jnim] = 1.01; },
       {"fighter death probability", "a probability in [0, 1]"}},
      {"negative share of the payroll",
       [&](State& s) { s.actor.weekly_pay[jnim] = -0.01; },
       {"share of the payroll paid", "'jnim'"}},
      {"armed territory above 1",
       [&](State& s) { s.politics.armed_territory = 1.1; },
       {"share of the area armed groups hold", "of Mali"}},
      {"negative purge intensity",
       [&](State& s) { s.politics.purge_intensity = -1.0; },
       {"purge intensity"}},
      {"negative repression", [&](State& s) { s.politics.repression = -0.1; }, {"repression"}},
      {"negative coups", [&](State& s) { s.politics.coups = -1; }, {"coups of Mali"}},
      {"NaN hardship", [&](State& s) { s.hardship_multiplier = kNaN; }, {"hardship multiplier"}},
      {"negative presence",
       [&](State& s) { s.presence[0 * A + fama] = -3.0F; },
       {"presence", "actor 'fama' in locality 0", region0}},
      {"supporters below zero",
       [&](State& s) { wrap(s.supporters[0 * A + jnim]); },
       {"supporters", "actor 'jnim' in locality 0", "is 4294967295", "wraps around"}},
      {"fighters below zero", [&](State& s) { wrap(s.fighters[0 * A + jnim]); }, {"fighters"}},
      {"agents at home below zero",
       [&](State& s) { wrap(s.present[0]); },
       {"agents at home of locality 0", region0, "wraps around"}},
      {"displaced below zero", [&](State& s) { wrap(s.displaced[0]); }, {"agents displaced"}},
      {"refugees below zero", [&](State& s) { wrap(s.refugees[0]); }, {"agents abroad"}},
      {"more agents than the locality has",
       [&](State& s) {  // each count possible alone, not both together
         s.present[0] = s.displaced[0] =
             s.world.localities.agent_begin[1] - s.world.localities.agent_begin[0];
       },
       {"agents at home, displaced and abroad together", "locality 0"}},
      {"a cell's agents below zero",
       [&](State& s) { wrap(s.cell_agents[1]); },
       {"agents at home of " + community1 + " in locality 0"}},
      {"hosted below zero",
       [&](State& s) { wrap(s.hosted.back()); },
       {"agents hosted", last_region}},
      {"locality share below 0",
       [&](State& s) { s.locality_share[0] = -0.1F; },
       {"share of the region's force", "actor 'jnim' in locality 0"}},
      {"region weight above 1",
       [&](State& s) { s.region_weight[0 * A + fama] = 1.2; },
       {"share of the actor's strength", "actor 'fama' in region"}},
      {"NaN danger", [&](State& s) { s.danger[0] = std::nanf(""); }, {"danger", "locality 0"}},
      {"negative area", [&](State& s) { s.area_km2[0] = -1.0; }, {"area"}},
      {"legitimacy below 0",
       [&](State& s) { s.legitimacy[0] = -0.2F; },
       {"legitimacy of the state of " + community0 + " in locality 0 (" + region0 + ")",
        "a share in [0, 1]"}},
      {"death probability above 1",
       [&](State& s) { s.death_probability[1] = 1.5F; },
       {"death probability of " + community1}},
      {"NaN sympathy", [&](State& s) { s.sympathy[0] = std::nanf(""); }, {"sympathy", "nan"}},
      {"cause above 1", [&](State& s) { s.cause[0] = 1.5F; }, {"cause of"}},
      {"negative risk", [&](State& s) { s.risk[0] = -0.5F; }, {"arrest probability"}},
      {"join probability above 1",
       [&](State& s) { s.join_probability[0] = 2.0F; },
       {"join probability"}},
      {"infinite memory of abuse",
       [&](State& s) {
         s.abuse_memory[(0 * C + 1) * A + fama] = std::numeric_limits<float>::infinity();
       },
       {"memory of abuse", community1, "by actor 'fama'"}},
      {"negative combat deaths",
       [&](State& s) { s.tally.combat_deaths[jnim] = -1; },
       {"combat deaths this step of actor 'jnim'", "a number of deaths >= 0"}},
      {"negative civilian deaths by community",
       [&](State& s) { s.tally.civilians_killed_by_community[0] = -4; },
       {"civilians killed this step of " + community0}},
      {"negative regional deaths",
       [&](State& s) { s.tally.region_combat_deaths.back() = -2; },
       {"combat deaths this step of " + last_region}},
      {"negative one-sided deaths",
       [&](State& s) { s.tally.one_sided = -1; },
       {"one-sided deaths this step"}},
  };
  for (const Broken& c : cases) {
    INFO(c.what);
    const std::string message = refusal(c.breaking);
    INFO(message);
    REQUIRE_FALSE(message.empty());
    CHECK_THAT(message, Catch::StartsWith("numeric guard: ") && Catch::Contains("after step 104"));
    for (const auto& fragment : c.says) CHECK_THAT(message, Catch::Contains(fragment));
  }
}

TEST_CASE("numeric guards: shares within float rounding of [0, 1] pass", "[sahel][guards]") {
  CHECK(refusal([](State& s) { s.legitimacy[0] = 1.0F + 1e-7F; }).empty());
  CHECK(refusal([](State& s) { s.actor.cohesion[0] = -1e-9; }).empty());
  CHECK_FALSE(refusal([](State& s) { s.actor.cohesion[0] = 1.0 + 1e-5; }).empty());
}

TEST_CASE(
    "numeric guards: a NaN or infinite recorded value is refused, naming its column or "
    "region and the step",
    "[sahel][guards]") {
  const std::vector<std::string> columns{"step", "displaced", "refugees"};
  const std::vector<std::string> places{"Kidal", "Gao"};
  const std::vector<std::string> place_columns{"population", "legitimacy"};
  const std::vector<double> fine_places{1, 0.5, 2, 0.25};
  CHECK_NOTHROW(check_finite_outputs(columns, std::vector<double>{3, 10, 20}, places, place_columns,
                                     fine_places, 3));
  CHECK_THROWS_WITH(check_finite_outputs(columns, std::vector<double>{3, 10, kNaN}, places,
                                         place_columns, fine_places, 3),
                    Catch::Contains("output column 'refugees' is nan after step 3"));
  CHECK_THROWS_WITH(check_finite_outputs(columns, std::vector<double>{3, 10, 20}, places,
                                         place_columns, std::vector<double>{1, 0.5, 2, -kInf}, 3),
                    Catch::Contains("output 'legitimacy' of 'Gao' is -inf after step 3"));
}

TEST_CASE(
    "numeric guards: built with INSIM_NUMERIC_GUARDS the CSV writers refuse NaN and "
    "infinity, naming the column, otherwise they write them",
    "[sahel][guards][output]") {
  insim::test::ScratchFolder dir("numeric-guards-writers");
  const std::vector<std::string> columns{"step", "displaced"};
  insim::output::AtomicFile series(dir / "timeseries.csv");
  insim::output::TimeseriesCsv csv(series, columns);
  insim::output::AtomicFile regions(dir / "regions.csv");
  const std::vector<std::string> places{"Kidal"};
  insim::output::RegionsCsv regions_csv(regions, places, columns, false);
  const std::vector<double> bad{7, kNaN};
  if constexpr (insim::sahel::kNumericGuards) {
    CHECK_THROWS_WITH(csv.write_row(bad),
                      Catch::Contains("timeseries column 'displaced' is nan at step 7"));
    CHECK_THROWS_WITH(regions_csv.write_step(7, std::nullopt, bad),
                      Catch::Contains("regions.csv displaced of Kidal is nan at step 7"));
  } else {
    CHECK_NOTHROW(csv.write_row(bad));
    CHECK_NOTHROW(regions_csv.write_step(7, std::nullopt, bad));
    series.commit();
    CHECK(insim::test::read_text(dir / "timeseries.csv") == "step,displaced\n7,nan\n");
  }
}
