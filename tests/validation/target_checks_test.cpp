// The calibration targets of scenarios/sahel/validation/targets.yaml as checks.
#include "validation/target_checks.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

#include "synthetic_run.hpp"

using namespace insim;
using namespace insim::validation;
using insim::test::SyntheticRun;

namespace {
const std::filesystem::path kBaseline =
    std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "sahel" / "baseline.yaml";

std::vector<sahel::UcdpYear> ucdp_totals(std::vector<std::int64_t> totals) {
  std::vector<sahel::UcdpYear> out;
  for (std::size_t i = 0; i < totals.size(); ++i) {
    sahel::UcdpYear y;
    y.year = 2012 + static_cast<std::int64_t>(i);
    y.total_best = totals[i];
    out.push_back(y);
  }
  return out;
}

const Check& find(const std::vector<Check>& checks, const std::string& id) {
  for (const auto& c : checks)
    if (c.id == id) return c;
  FAIL("no check " << id);
  return checks.front();
}
}  // namespace

TEST_CASE("validation targets: the default file is validation/targets.yaml beside the scenario",
          "[validation]") {
  CHECK(default_targets_file(kBaseline) == kBaseline.parent_path() / "validation" / "targets.yaml");
  // Nothing beside a file in a folder with no targets above it: the path beside it is named.
  CHECK(default_targets_file("counterfactuals/no_wagner.yaml") ==
        std::filesystem::path("counterfactuals/validation/targets.yaml"));
}

TEST_CASE("validation targets: a counterfactual one folder down uses the baseline's targets",
          "[validation]") {
  const auto counterfactual = kBaseline.parent_path() / "counterfactuals" / "no_wagner.yaml";
  CHECK(default_targets_file(counterfactual) ==
        kBaseline.parent_path() / "validation" / "targets.yaml");
}

TEST_CASE("validation targets: yearly deaths come from complete years only", "[validation]") {
  SyntheticRun run;
  run.year(2013, 800, 30, 50);
  CHECK(year_deaths(run.record(), 2013) == 880.0);
  CHECK(year_deaths(run.record(), 2013, UcdpType::state_based) == 800.0);
  CHECK(year_deaths(run.record(), 2013, UcdpType::non_state) == 30.0);
  CHECK(year_deaths(run.record(), 2013, UcdpType::one_sided) == 50.0);
  CHECK(std::isnan(year_deaths(run.record(), 2014)));
}

TEST_CASE("validation targets: the ranking of years is Spearman's over the target years",
          "[validation]") {
  const auto ucdp = ucdp_totals({359, 881, 291, 256});
  SyntheticRun same_order;
  same_order.year(2012, 30, 0, 0);
  same_order.year(2013, 90, 0, 0);
  same_order.year(2014, 20, 0, 0);
  same_order.year(2015, 10, 0, 0);
  same_order.year(2016, 5000, 0, 0);  // not a target year
  CHECK(rank_correlation(same_order.record(), ucdp) == Approx(1.0));
  SyntheticRun reversed;
  reversed.year(2012, 20, 0, 0);
  reversed.year(2013, 10, 0, 0);
  reversed.year(2014, 30, 0, 0);
  reversed.year(2015, 90, 0, 0);
  CHECK(rank_correlation(reversed.record(), ucdp) == Approx(-1.0));
  SyntheticRun missing_year;
  missing_year.year(2012, 20, 0, 0);
  CHECK(std::isnan(rank_correlation(missing_year.record(), ucdp)));
}

TEST_CASE("validation targets: each target is held to its factor, small type-years are not",
          "[validation]") {
  const LoadedTargets t = load_targets(kBaseline.parent_path() / "validation" / "targets.yaml");
  const auto checks = target_checks(t);
  // 8 yearly totals, 14 type-years of at least 100 deaths, the ranking, 18 displacement counts.
  CHECK(checks.size() == 8 + 14 + 1 + 18);
  const Check& total = find(checks, "deaths-2012");
  CHECK(total.band.low == 179.5);
  CHECK(total.band.high == 718.0);
  CHECK(total.source == "UCDP");
  CHECK_THAT(total.reference, Catch::Contains("UCDP Country-Year Dataset"));
  CHECK(find(checks, "state_based-2013").band.high == 1646.0);
  CHECK(find(checks, "state_based-2016").band.low == 50.0);      // exactly 100: held to the factor
  for (const auto& c : checks) CHECK(c.id != "non_state-2013");  // 28 deaths: too few
  CHECK(find(checks, "rank").band.low == 0.7);
  const Check& idp = find(checks, "idp-2013-06-30");
  CHECK(idp.band.low == 175000.0);
  CHECK(idp.band.high == 700000.0);
  CHECK_THAT(idp.reference, Catch::Contains("DTM"));

  SyntheticRun run;
  run.year(2012, 300, 50, 10);
  const auto at = static_cast<std::size_t>(*run.record().state_at({2013, 6, 30}));
  run.state("displaced")[at] = 123456.0;
  const RunOutcome outcome{run.record(), std::nullopt};
  CHECK(total.measure(outcome) == 360.0);
  CHECK(find(checks, "non_state-2012").measure(outcome) == 50.0);
  CHECK(idp.measure(outcome) == 123456.0);
  CHECK(std::isnan(find(checks, "deaths-2019").measure(outcome)));
}
