#include "validation/run_record.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "models/sahel/sahel_model.hpp"
#include "models/scenario_def.hpp"
#include "scenario/loader/loader.hpp"

using namespace insim;
using namespace insim::validation;

namespace {
const Calendar kWeekly{Date{2012, 1, 1}, StepUnit::week};

ScenarioDef baseline_at(const std::string& people_per_agent) {
  ScenarioDef def;
  const std::vector<scenario::Override> set{{"sahel.world.people_per_agent", people_per_agent}};
  (void)scenario::load(std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios/sahel/baseline.yaml",
                       set, [&](scenario::Schema& s) { describe(s, def); });
  return def;
}
}  // namespace

TEST_CASE("validation dates: a year of weekly states is every index dated in it", "[validation]") {
  // 2012 is a leap year: states 0 (01-01) to 52 (12-30) lie in it, 53 is 2013-01-06.
  const auto w = dated_window(kWeekly, 1000, {2012, 1, 1}, {2012, 12, 31});
  REQUIRE(w);
  CHECK(w->begin == 0);
  CHECK(w->end == 53);
  CHECK(kWeekly.date_of(53) == Date{2013, 1, 6});
  const auto w2013 = dated_window(kWeekly, 1000, {2013, 1, 1}, {2013, 12, 31});
  REQUIRE(w2013);
  CHECK(w2013->begin == 53);
  CHECK(w2013->end == 105);  // 2013-12-29 is state 104
}

TEST_CASE("validation dates: a window the series does not fully cover gives nothing",
          "[validation]") {
  CHECK(dated_window(kWeekly, 53, {2012, 1, 1}, {2012, 12, 31}));          // up to state 52
  CHECK_FALSE(dated_window(kWeekly, 52, {2012, 1, 1}, {2012, 12, 31}));    // state 52 missing
  CHECK_FALSE(dated_window(kWeekly, 1000, {2011, 1, 1}, {2011, 12, 31}));  // before the start
  CHECK_FALSE(dated_window(kWeekly, 1000, {2012, 1, 2}, {2012, 1, 7}));    // no state inside
}

TEST_CASE("validation dates: a date maps to the recorded state nearest to it", "[validation]") {
  CHECK(nearest_index(kWeekly, 100, {2012, 1, 1}) == 0);
  CHECK(nearest_index(kWeekly, 100, {2012, 1, 4}) == 0);  // 3 days after state 0, 4 before 1
  CHECK(nearest_index(kWeekly, 100, {2012, 1, 5}) == 1);
  CHECK(nearest_index(kWeekly, 100, {2013, 1, 6}) == 53);
  CHECK(nearest_index(kWeekly, 100, {2011, 12, 29}) == 0);  // half a step early at most
  CHECK_FALSE(nearest_index(kWeekly, 100, {2011, 12, 28}));
  CHECK(nearest_index(kWeekly, 54, {2013, 1, 6}) == 53);
  CHECK_FALSE(nearest_index(kWeekly, 53, {2013, 1, 6}));  // the last state is 52
  const Calendar daily{Date{2012, 1, 1}, StepUnit::day};
  CHECK(nearest_index(daily, 1000, {2012, 2, 1}) == 31);
}

TEST_CASE("validation record: states as observed, each week's deaths filed under that week",
          "[validation][sahel]") {
  const ScenarioDef def = baseline_at("1000");
  sahel::SahelModel recorded(def.sahel, 3);
  RecordSpec spec;
  spec.national_states = {"cohesion_fama", "displaced"};
  spec.national_weeks = {"deaths_total"};
  spec.region_states = {"population"};
  spec.region_weeks = {"combat_deaths"};
  const std::int64_t steps = 70;
  const RunRecord r = record_run(recorded, steps, spec);

  REQUIRE(r.steps == steps);
  CHECK(r.regions.size() == recorded.places().size());
  CHECK(r.national_states["cohesion_fama"].size() == static_cast<std::size_t>(steps + 1));
  CHECK(r.national_weeks["deaths_total"].size() == static_cast<std::size_t>(steps));

  // The same seed stepped by hand: state s is observed after s steps, week w's deaths with
  // state w + 1.
  sahel::SahelModel reference(def.sahel, 3);
  const auto& places = reference.places();
  const auto& place_columns = reference.place_columns();
  const std::size_t population =
      std::find(place_columns.begin(), place_columns.end(), "population") - place_columns.begin();
  const std::size_t combat =
      std::find(place_columns.begin(), place_columns.end(), "combat_deaths") -
      place_columns.begin();
  std::vector<double> block(places.size() * place_columns.size());
  double deaths_seen = 0.0;
  for (std::int64_t s = 0; s <= steps; ++s) {
    const auto i = static_cast<std::size_t>(s);
    reference.observe_places(block);
    CHECK(r.national_states["cohesion_fama"][i] == reference.value("cohesion_fama"));
    CHECK(r.national_states["displaced"][i] == reference.value("displaced"));
    CHECK(r.region_states[region_key(places[2], "population")][i] ==
          block[2 * place_columns.size() + population]);
    if (s > 0) {
      CHECK(r.national_weeks["deaths_total"][i - 1] == reference.value("deaths_total"));
      CHECK(r.region_weeks[region_key(places[7], "combat_deaths")][i - 1] ==
            block[7 * place_columns.size() + combat]);
      deaths_seen += reference.value("deaths_total");
    }
    if (s < steps) reference.step();
  }
  CHECK(deaths_seen > 0.0);  // the comparison above compared something

  // 70 weeks reach into 2013: 2012 is complete, 2013 is not.
  REQUIRE(r.years.size() == 1);
  CHECK(r.year(2012) != nullptr);
  CHECK(r.year(2013) == nullptr);
  CHECK(r.year(2012)->total() == reference.years().front().total());
  CHECK(r.log.size() == reference.state().log.size());
}

TEST_CASE("validation record: a column the model does not observe is named in the error",
          "[validation][sahel]") {
  const ScenarioDef def = baseline_at("1000");
  sahel::SahelModel model(def.sahel, 1);
  RecordSpec spec;
  spec.national_states = {"no_such_column"};
  CHECK_THROWS_WITH(record_run(model, 1, spec), Catch::Contains("'no_such_column'"));
  Series s;
  s.add("a", {1.0});
  CHECK_THROWS_WITH(s["b"], Catch::Contains("'b'"));
}
