// The checks of `insim check` on the shipped baseline, at its default scale, with 4 runs (seeds
// 1-4) instead of the 20 that docs/calibration.md reports: each check that passes must keep
// passing. The checks the model does not meet yet are listed below with the reason; they run in
// a test of their own marked [!mayfail], so that they are seen in every run and nobody can widen
// a band to make them pass (issue 3: "do not weaken the band").
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "models/scenario_def.hpp"
#include "scenario/loader/loader.hpp"
#include "validation/sahel_validation.hpp"
#include "validation/target_checks.hpp"

using namespace insim;
using namespace insim::validation;

namespace {

const std::filesystem::path kBaseline =
    std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "sahel" / "baseline.yaml";

// Known failures and why (docs/calibration.md, "Where it stands").
const std::map<std::string, std::string> kKnownFailures{
    {"P11b", "the purge's effect on armed territory within a year is within the noise (mean "
             "difference about 1e-5 either way): passes with 20 runs, not always with 4"},
};

const ValidationReport& report() {
  static const ValidationReport r = [] {
    ScenarioDef def;
    (void)scenario::load(kBaseline, {}, [&](scenario::Schema& s) { describe(s, def); });
    ValidationOptions options;
    options.runs = 4;
    return validate_sahel(def, load_targets(default_targets_file(kBaseline)), options);
  }();
  return r;
}

}  // namespace

TEST_CASE("sahel baseline: every check not known to fail passes over 4 runs",
          "[validation][sahel][slow]") {
  const ValidationReport& r = report();
  REQUIRE(r.rows.size() > 50);
  for (const CheckRow& row : r.rows) {
    if (kKnownFailures.contains(row.id)) continue;
    INFO(row.id << " " << row.what << ": mean " << row.mean << " in " << row.band.to_string()
                << ", " << row.missing << " runs could not tell");
    CHECK(row.pass);
  }
}

TEST_CASE("sahel baseline: the checks known to fail, with the reason", "[validation][sahel][slow][!mayfail]") {
  const ValidationReport& r = report();
  for (const CheckRow& row : r.rows) {
    const auto known = kKnownFailures.find(row.id);
    if (known == kKnownFailures.end()) continue;
    INFO(row.id << " " << row.what << ": mean " << row.mean << " in " << row.band.to_string()
                << "; known failure: " << known->second);
    CHECK(row.pass);
  }
}

TEST_CASE("sahel baseline: every known failure names a check that exists", "[validation][sahel]") {
  ScenarioDef def;
  (void)scenario::load(kBaseline, {}, [&](scenario::Schema& s) { describe(s, def); });
  const GroupedChecks checks =
      sahel_checks(def.sahel.dynamics, load_targets(default_targets_file(kBaseline)));
  for (const auto& [id, why] : kKnownFailures) {
    INFO(id);
    bool found = false;
    for (const auto& [group, check] : checks.checks) found = found || check.id == id;
    CHECK(found);
  }
}
