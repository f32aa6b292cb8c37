#include "models/sahel/targets_def.hpp"

#include <fmt/format.h>

#include "scenario/schema.hpp"

namespace insim::sahel {

namespace {

constexpr std::int64_t kMaxDeaths = 10'000'000;
constexpr std::int64_t kMaxPeople = 1'000'000'000;
constexpr Date kUnset{0, 1, 1};

void describe_year(scenario::Schema& s, UcdpYear& y) {
  s.integer("year", y.year, 1989, 2100, "calendar year (UCDP starts in 1989)");
  s.integer("state_based", y.state_based, 0, kMaxDeaths, "deaths in state-based conflict");
  s.integer("non_state", y.non_state, 0, kMaxDeaths, "deaths in non-state conflict");
  s.integer("one_sided", y.one_sided, 0, kMaxDeaths, "deaths in one-sided violence");
  s.integer("one_sided_by_government", y.one_sided_by_government, 0, kMaxDeaths,
            "one-sided deaths caused by governments");
  s.integer("one_sided_by_nonstate", y.one_sided_by_nonstate, 0, kMaxDeaths,
            "one-sided deaths caused by non-state groups");
  s.integer("civilian_deaths", y.civilian_deaths, 0, kMaxDeaths,
            "civilians killed in all three types");
  s.integer("total_best", y.total_best, 0, kMaxDeaths, "deaths in all three types, best estimate");
  s.integer("total_low", y.total_low, 0, kMaxDeaths, "deaths in all three types, low estimate");
  s.integer("total_high", y.total_high, 0, kMaxDeaths, "deaths in all three types, high estimate");
  s.require(y.state_based + y.non_state + y.one_sided == y.total_best, "total_best",
            fmt::format("{}: state_based + non_state + one_sided = {} + {} + {} = {}, but "
                        "total_best is {}",
                        y.year, y.state_based, y.non_state, y.one_sided,
                        y.state_based + y.non_state + y.one_sided, y.total_best));
  s.require(y.one_sided_by_government + y.one_sided_by_nonstate == y.one_sided, "one_sided",
            fmt::format("{}: one_sided_by_government + one_sided_by_nonstate = {} + {}, but "
                        "one_sided is {}",
                        y.year, y.one_sided_by_government, y.one_sided_by_nonstate, y.one_sided));
  s.require(y.total_low <= y.total_best && y.total_best <= y.total_high, "total_best",
            fmt::format("{}: need total_low <= total_best <= total_high, got {}, {} and {}", y.year,
                        y.total_low, y.total_best, y.total_high));
}

}  // namespace

void describe(scenario::Schema& s, TargetsDef& d) {
  d.ucdp.resize(s.list_size("ucdp", d.ucdp.size(), "UCDP deaths in Mali per year, by type"));
  for (std::size_t i = 0; i < d.ucdp.size(); ++i) {
    scenario::Schema::Section element(s, fmt::format("ucdp[{}]", i));
    describe_year(s, d.ucdp[i]);
    if (i > 0) {
      s.require(d.ucdp[i].year == d.ucdp[i - 1].year + 1, "year",
                fmt::format("UCDP years must be consecutive: {} follows {}", d.ucdp[i].year,
                            d.ucdp[i - 1].year));
    }
  }
  d.idps.resize(s.list_size("idps", d.idps.size(), "internally displaced people, dated snapshots"));
  for (std::size_t i = 0; i < d.idps.size(); ++i) {
    scenario::Schema::Section element(s, fmt::format("idps[{}]", i));
    s.date("date", d.idps[i].date, "day of the count");
    s.integer("idps", d.idps[i].idps, 0, kMaxPeople, "internally displaced people in Mali");
    s.require(d.idps[i].date != kUnset, "date", "an IDP snapshot needs a date");
    if (i > 0) {
      s.require(d.idps[i - 1].date < d.idps[i].date, "date",
                fmt::format("IDP snapshots must be in strictly increasing date order: {} comes "
                            "after {}",
                            to_string(d.idps[i].date), to_string(d.idps[i - 1].date)));
    }
  }
  scenario::Schema::Section acceptance(s, "acceptance");
  s.real("factor", d.acceptance.factor, 1.0, 100.0,
         "simulated deaths and displacement must lie within this factor of the target");
  s.real("rank_correlation", d.acceptance.rank_correlation, -1.0, 1.0,
         "least Spearman correlation between simulated and UCDP yearly deaths");
  s.integer("ucdp_type_minimum", d.acceptance.ucdp_type_minimum, 0, kMaxDeaths,
            "UCDP type-years with fewer deaths are not held to the factor");
}

}  // namespace insim::sahel
