#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "models/sahel/targets_def.hpp"
#include "scenario/loader/loader.hpp"
#include "sahel_support.hpp"
#include "support/scratch_folder.hpp"

using Catch::Contains;
using insim::Date;
using insim::test::ScratchFolder;
namespace sc = insim::scenario;
namespace sahel = insim::sahel;

namespace {

std::filesystem::path targets_file() {
  return std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "sahel" / "validation" /
         "targets.yaml";
}

struct LoadedTargets {
  sahel::TargetsDef def;
  sc::LoadResult info;
};

LoadedTargets load_targets(const std::filesystem::path& file) {
  LoadedTargets out;
  out.info = sc::load(file, {}, [&out](sc::Schema& s) {
    sc::Schema::Section a(s, "sahel");
    sc::Schema::Section b(s, "targets");
    describe(s, out.def);
  });
  return out;
}

std::vector<insim::Diagnostic> target_problems(const std::filesystem::path& file) {
  return insim::test::problems_when_loading(load_targets, file);
}

std::string ucdp_row(int year, int state_based, int non_state, int one_sided, int total_best,
                     int low, int high) {
  return fmt::format(
      "      - {{year: {}, state_based: {}, non_state: {}, one_sided: {}, "
      "one_sided_by_government: 0, one_sided_by_nonstate: {}, total_best: {}, total_low: {}, "
      "total_high: {}}}\n",
      year, state_based, non_state, one_sided, one_sided, total_best, low, high);
}

std::string targets_with(const std::string& ucdp_rows, const std::string& idps = "[]") {
  return "sahel:\n  targets:\n    ucdp:\n" + ucdp_rows + "    idps: " + idps + "\n";
}

}  // namespace

TEST_CASE("sahel targets: targets.yaml loads and every value it sets names its source",
          "[sahel][targets]") {
  const auto t = load_targets(targets_file());
  const std::size_t from_file = insim::test::count_sourced_values(t.info);
  for (const auto& f : t.info.fields) {
    if (f.origin == "default") continue;
    INFO(f.path << " set at " << f.origin);
    if (f.path.find(".ucdp[") != std::string::npos) {
      CHECK(f.source ==
            "UCDP Country-Year Dataset on Organized Violence within Country Borders v25.1 (CC "
            "BY 4.0)");
    }
    if (f.path.find(".acceptance.") != std::string::npos) CHECK(f.source == "issue 3 acceptance");
  }
  CHECK(from_file == 8 * 10 + 18 * 2 + 3);
}

TEST_CASE("sahel targets: UCDP deaths cover 2012 to 2019 and the three types add up to the total",
          "[sahel][targets]") {
  const auto t = load_targets(targets_file());
  REQUIRE(t.def.ucdp.size() == 8);
  CHECK(t.def.ucdp.front().year == 2012);
  CHECK(t.def.ucdp.back().year == 2019);
  for (const auto& y : t.def.ucdp) {
    INFO(y.year);
    CHECK(y.state_based + y.non_state + y.one_sided == y.total_best);
    CHECK(y.one_sided_by_government + y.one_sided_by_nonstate == y.one_sided);
    CHECK(y.total_low <= y.total_best);
    CHECK(y.total_best <= y.total_high);
  }
  // Spot values from the UCDP file: the Serval year and the first year of mass one-sided violence.
  CHECK(t.def.ucdp[1].state_based == 823);
  CHECK(t.def.ucdp[6].one_sided == 551);
  CHECK(t.def.ucdp[6].total_best == 1281);
  CHECK(t.def.acceptance.factor == 2.0);
  CHECK(t.def.acceptance.rank_correlation == 0.7);
  CHECK(t.def.acceptance.ucdp_type_minimum == 100);
}

TEST_CASE("sahel targets: displacement snapshots are dated, ordered and cited",
          "[sahel][targets]") {
  const auto t = load_targets(targets_file());
  REQUIRE(t.def.idps.size() == 18);
  CHECK(t.def.idps.front().date == Date{2012, 6, 15});
  CHECK(t.def.idps.front().idps == 154754);
  CHECK(t.def.idps.back().date == Date{2019, 12, 31});
  CHECK(t.def.idps.back().idps == 207751);
  for (std::size_t i = 1; i < t.def.idps.size(); ++i)
    CHECK(t.def.idps[i - 1].date < t.def.idps[i].date);
}

TEST_CASE("sahel targets: types that do not add up to the total are refused",
          "[sahel][targets][errors]") {
  ScratchFolder dir;
  const auto problems = target_problems(
      dir.write("t.yaml", targets_with(ucdp_row(2012, 218, 118, 23, 360, 350, 735))));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "sahel.targets.ucdp[0].total_best");
  CHECK(problems[0].message ==
        "2012: state_based + non_state + one_sided = 218 + 118 + 23 = 359, but total_best is 360");
  CHECK(problems[0].line == 4);
  CHECK_NOTHROW(load_targets(
      dir.write("ok.yaml", targets_with(ucdp_row(2012, 218, 118, 23, 359, 350, 735)))));
}

TEST_CASE("sahel targets: a best estimate outside its low-high range is refused",
          "[sahel][targets][errors]") {
  ScratchFolder dir;
  const auto problems = target_problems(
      dir.write("t.yaml", targets_with(ucdp_row(2012, 218, 118, 23, 359, 360, 735))));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message ==
        "2012: need total_low <= total_best <= total_high, got 360, 359 and 735");
}

TEST_CASE("sahel targets: years that skip, or snapshots out of order, are refused",
          "[sahel][targets][errors]") {
  ScratchFolder dir;
  auto problems = target_problems(dir.write(
      "t.yaml", targets_with(ucdp_row(2012, 1, 1, 1, 3, 3, 3) + ucdp_row(2014, 1, 1, 1, 3, 3, 3))));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "sahel.targets.ucdp[1].year");
  CHECK(problems[0].message == "UCDP years must be consecutive: 2014 follows 2012");

  problems = target_problems(dir.write(
      "u.yaml", targets_with(ucdp_row(2012, 1, 1, 1, 3, 3, 3),
                             "[{date: 2013-06-30, idps: 350000}, {date: 2012-06-15, idps: 1}]")));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "sahel.targets.idps[1].date");
  CHECK(problems[0].message ==
        "IDP snapshots must be in strictly increasing date order: 2012-06-15 comes after "
        "2013-06-30");
}
