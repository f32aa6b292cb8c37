#include "validation/target_checks.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "validation/statistics.hpp"

namespace insim::validation {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One type's deaths of a year, from UCDP's figures or the model's totals (same field names).
template <class Year>
std::int64_t of_type(const Year& y, UcdpType t) {
  switch (t) {
    case UcdpType::state_based:
      return y.state_based;
    case UcdpType::non_state:
      return y.non_state;
    case UcdpType::one_sided:
      return y.one_sided;
  }
  return 0;
}

// The cited source of a loaded value, or `fallback` when the file gives none.
std::string source_of(const scenario::LoadResult& info, const std::string& path,
                      std::string fallback) {
  for (const auto& f : info.fields)
    if (f.path == path && !f.source.empty()) return f.source;
  return fallback;
}

}  // namespace

LoadedTargets load_targets(const std::filesystem::path& file) {
  LoadedTargets out;
  out.info = scenario::load(file, {}, [&out](scenario::Schema& s) {
    scenario::Schema::Section sahel(s, "sahel");
    scenario::Schema::Section targets(s, "targets");
    describe(s, out.def);
  });
  return out;
}

std::filesystem::path default_targets_file(const std::filesystem::path& scenario) {
  // A counterfactual in scenarios/sahel/counterfactuals/ is checked against the targets of the
  // baseline it extends, one folder up.
  const std::filesystem::path here = scenario.parent_path() / "validation" / "targets.yaml";
  const std::filesystem::path above =
      scenario.parent_path().parent_path() / "validation" / "targets.yaml";
  return std::filesystem::exists(here) || !std::filesystem::exists(above) ? here : above;
}

std::string_view to_string(UcdpType t) {
  switch (t) {
    case UcdpType::state_based:
      return "state_based";
    case UcdpType::non_state:
      return "non_state";
    case UcdpType::one_sided:
      return "one_sided";
  }
  return "";
}

double year_deaths(const RunRecord& r, int year) {
  const auto* y = r.year(year);
  return y ? static_cast<double>(y->total()) : kNaN;
}

double year_deaths(const RunRecord& r, int year, UcdpType type) {
  const auto* y = r.year(year);
  return y ? static_cast<double>(of_type(*y, type)) : kNaN;
}

double rank_correlation(const RunRecord& r, std::span<const sahel::UcdpYear> ucdp) {
  std::vector<double> simulated, observed;
  for (const auto& y : ucdp) {
    simulated.push_back(year_deaths(r, static_cast<int>(y.year)));
    observed.push_back(static_cast<double>(y.total_best));
  }
  for (double v : simulated)
    if (std::isnan(v)) return kNaN;
  return spearman(simulated, observed);
}

double displaced_at(const RunRecord& r, Date day) {
  const auto s = r.state_at(day);
  return s ? r.national_states["displaced"][static_cast<std::size_t>(*s)] : kNaN;
}

std::vector<Check> target_checks(const LoadedTargets& t) {
  const sahel::AcceptanceDef& a = t.def.acceptance;
  const double f = a.factor;
  std::vector<Check> out;
  for (std::size_t i = 0; i < t.def.ucdp.size(); ++i) {
    const sahel::UcdpYear y = t.def.ucdp[i];
    const int year = static_cast<int>(y.year);
    const std::string reference =
        source_of(t.info, fmt::format("sahel.targets.ucdp[{}].total_best", i), "UCDP");
    out.push_back({fmt::format("deaths-{}", year), "UCDP", reference,
                   fmt::format("deaths {}, all types (UCDP {})", year, y.total_best),
                   within_factor(static_cast<double>(y.total_best), f),
                   [year](const RunOutcome& o) { return year_deaths(o.run, year); }});
    for (UcdpType type : {UcdpType::state_based, UcdpType::non_state, UcdpType::one_sided}) {
      const std::int64_t target = of_type(y, type);
      if (target < a.ucdp_type_minimum) continue;
      out.push_back(
          {fmt::format("{}-{}", to_string(type), year), "UCDP",
           source_of(t.info, fmt::format("sahel.targets.ucdp[{}].{}", i, to_string(type)), "UCDP"),
           fmt::format("{} deaths {} (UCDP {})", to_string(type), year, target),
           within_factor(static_cast<double>(target), f),
           [year, type](const RunOutcome& o) { return year_deaths(o.run, year, type); }});
    }
  }
  if (!t.def.ucdp.empty()) {
    const std::vector<sahel::UcdpYear> ucdp = t.def.ucdp;
    out.push_back({"rank",
                   "UCDP",
                   source_of(t.info, "sahel.targets.ucdp[0].total_best", "UCDP"),
                   fmt::format("Spearman correlation, yearly deaths {}-{}", ucdp.front().year,
                               ucdp.back().year),
                   {a.rank_correlation, 1.0},
                   [ucdp](const RunOutcome& o) { return rank_correlation(o.run, ucdp); }});
  }
  for (std::size_t i = 0; i < t.def.idps.size(); ++i) {
    const sahel::IdpSnapshot s = t.def.idps[i];
    out.push_back({fmt::format("idp-{}", insim::to_string(s.date)), "IDP",
                   source_of(t.info, fmt::format("sahel.targets.idps[{}].idps", i), "IDP count"),
                   fmt::format("displaced {} (reported {})", insim::to_string(s.date), s.idps),
                   within_factor(static_cast<double>(s.idps), f),
                   [day = s.date](const RunOutcome& o) { return displaced_at(o.run, day); }});
  }
  return out;
}

RecordSpec target_series() {
  RecordSpec spec;
  spec.national_states = {"displaced"};
  return spec;
}

}  // namespace insim::validation
