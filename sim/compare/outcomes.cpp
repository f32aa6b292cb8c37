#include "compare/outcomes.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "models/sahel/model_actors.hpp"

namespace insim::compare {

namespace {

using sahel::Side;

// How the report names each actor (kModelActorNames order).
constexpr std::array<std::string_view, sahel::kModelActors> kActorLabels{
    "JNIM",    "IS Sahel", "MNLA/CMA", "Dan Na Ambassagou", "Dozo hunters",  "GATIA",
    "Malian army (FAMa)", "France", "Takuba", "MINUSMA", "AFISMA", "Wagner", "AES joint force"};

constexpr const char* kModelNote =
    "Median of the runs; bands hold the middle 50% and 90% of runs. Simulated by insim's Sahel "
    "model (docs/ODD.md); not observed data.";

bool is_armed_group(Side s) {
  return s == Side::jihadist || s == Side::separatist || s == Side::militia;
}

class Builder {
 public:
  explicit Builder(const sahel::SahelDef& def) : def_(def) {}

  std::size_t add(Outcome o) {
    out_.outcomes.push_back(std::move(o));
    return out_.outcomes.size() - 1;
  }

  // Sum of `prefix + actor` over the actors `keep` selects.
  template <class Keep>
  std::vector<Term> actor_terms(std::string_view prefix, Keep keep) const {
    std::vector<Term> terms;
    for (std::size_t a = 0; a < sahel::kModelActors; ++a) {
      if (keep(a, def_.dynamics.actors[a].side)) {
        terms.push_back({"", fmt::format("{}{}", prefix, sahel::kModelActorNames[a])});
      }
    }
    return terms;
  }

  Outcomes& out() { return out_; }
  const sahel::SahelDef& def() const { return def_; }

 private:
  const sahel::SahelDef& def_;
  Outcomes out_;
};

// Panels by camp: everyone, jihadists, the state and its allies, militias, separatists.
struct Camp {
  std::string_view key;
  std::string_view label;
  bool (*keep)(Side);
};
constexpr std::array<Camp, 5> kCamps{{
    {"all", "All", [](Side) { return true; }},
    {"jihadist", "Jihadist groups", [](Side s) { return s == Side::jihadist; }},
    {"state_side", "State forces and allies",
     [](Side s) { return sahel::is_government_side(s); }},
    {"militia", "Militias", [](Side s) { return s == Side::militia; }},
    {"separatist", "Separatists", [](Side s) { return s == Side::separatist; }},
}};

void add_by_camp(Builder& b, std::string_view id, std::string_view title,
                 std::string_view column_prefix, std::string_view what, std::string_view note) {
  ChartSpec chart{std::string(id), std::string(title), std::string(note), {}, {}};
  for (const Camp& camp : kCamps) {
    auto terms = b.actor_terms(column_prefix, [&](std::size_t, Side s) { return camp.keep(s); });
    if (terms.empty()) continue;
    chart.panels.push_back(b.add({fmt::format("{}/{}", id, camp.key),
                                  fmt::format("{} ({})", what, camp.label), "people per month",
                                  std::move(terms), Aggregation::flow, 1.0, false}));
    chart.panel_titles.emplace_back(camp.label);
  }
  b.out().charts.push_back(std::move(chart));
}

// Territory or population held: the state, then each armed group (shares, shown in percent).
void add_holdings(Builder& b, std::string_view id, std::string_view title,
                  std::string_view what, std::string_view unit, std::string_view note) {
  ChartSpec chart{std::string(id), std::string(title), std::string(note), {}, {}};
  chart.panels.push_back(b.add({fmt::format("{}/state", id), fmt::format("{} (state)", what),
                                std::string(unit), {{"", fmt::format("{}_state", id)}},
                                Aggregation::stock, 100.0, false}));
  chart.panel_titles.emplace_back("State");
  for (std::size_t a = 0; a < sahel::kModelActors; ++a) {
    if (!is_armed_group(b.def().dynamics.actors[a].side)) continue;
    const std::string_view name = sahel::kModelActorNames[a];
    chart.panels.push_back(b.add({fmt::format("{}/{}", id, name),
                                  fmt::format("{} ({})", what, kActorLabels[a]), std::string(unit),
                                  {{"", fmt::format("{}_{}", id, name)}}, Aggregation::stock,
                                  100.0, false}));
    chart.panel_titles.emplace_back(kActorLabels[a]);
  }
  b.out().charts.push_back(std::move(chart));
}

}  // namespace

Outcomes sahel_outcomes(const sahel::SahelDef& def) {
  Builder b(def);
  const std::string note = kModelNote;

  add_by_camp(b, "civilians_killed", "Civilians killed per month, by perpetrator",
              "civilians_killed_by_", "Civilians killed",
              note + " Killings of civilians by each camp (one-sided violence and massacres).");
  add_by_camp(b, "combat_deaths", "Combat deaths per month, by the side of the dead",
              "combat_deaths_", "Combat deaths", note + " Fighters and soldiers killed in combat.");
  add_holdings(b, "territory", "Territory held, share of Mali's area", "Territory held",
               "% of Mali's area", note + " A locality counts for whoever controls it.");
  add_holdings(b, "population", "People living under each holder's control",
               "Population under control", "% of the people at home",
               note + " Share of the people living at home (not displaced) in held localities.");

  {
    ChartSpec chart{"displaced", "Displaced people and refugees", note +
                    " Displaced: living elsewhere in Mali; refugees: abroad.", {}, {}};
    chart.panels.push_back(b.add({"displaced/internal", "Displaced inside Mali", "people",
                                  {{"", "displaced"}}, Aggregation::stock, 1.0, false}));
    chart.panel_titles.emplace_back("Displaced inside Mali");
    chart.panels.push_back(b.add({"displaced/refugees", "Refugees abroad", "people",
                                  {{"", "refugees"}}, Aggregation::stock, 1.0, false}));
    chart.panel_titles.emplace_back("Refugees abroad");
    b.out().charts.push_back(std::move(chart));
  }
  {
    const std::size_t fama = sahel::index(sahel::ModelActor::fama);
    ChartSpec chart{"army_cohesion", "The Malian army's cohesion",
                    note + " 1 = a fully cohesive army; purges, defeats and unpaid wages lower "
                           "it, and a less cohesive army fights less well.",
                    {}, {}};
    chart.panels.push_back(b.add({"cohesion/fama", "Army cohesion", "cohesion, 0 to 1",
                                  {{"", "cohesion_fama"}}, Aggregation::stock, 1.0, false}));
    chart.panel_titles.emplace_back(kActorLabels[fama]);
    b.out().charts.push_back(std::move(chart));
  }
  {
    ChartSpec chart{"support_foreign_forces", "Support for each foreign force among Malians",
                    note + " Shown only while the force is in Mali.", {}, {}};
    for (std::size_t a = 0; a < sahel::kModelActors; ++a) {
      if (def.dynamics.actors[a].side != Side::foreign) continue;
      const std::string_view name = sahel::kModelActorNames[a];
      chart.panels.push_back(b.add({fmt::format("opinion/{}", name),
                                    fmt::format("Support for {}", kActorLabels[a]),
                                    "% in favour", {{"", fmt::format("opinion_{}", name)}},
                                    Aggregation::stock, 100.0, true}));
      chart.panel_titles.emplace_back(kActorLabels[a]);
    }
    b.out().charts.push_back(std::move(chart));
  }

  // The table: totals of flows over the window, means of stocks.
  auto find = [&](std::string_view id) {
    for (std::size_t i = 0; i < b.out().outcomes.size(); ++i) {
      if (b.out().outcomes[i].id == id) return i;
    }
    throw std::logic_error(fmt::format("compare: no outcome {}", id));
  };
  const std::size_t all_deaths = b.add({"deaths/all", "All conflict deaths", "people per month",
                                        {{"", "deaths_total"}}, Aggregation::flow, 1.0, false});
  auto& table = b.out().table;
  table.push_back({all_deaths, "conflict deaths (combat and civilians)", "people", true});
  table.push_back({find("civilians_killed/all"), "civilians killed", "people", true});
  table.push_back({find("civilians_killed/jihadist"), "civilians killed by jihadist groups",
                   "people", false});
  table.push_back({find("civilians_killed/state_side"),
                   "civilians killed by state forces and allies", "people", false});
  table.push_back({find("civilians_killed/militia"), "civilians killed by militias", "people",
                   false});
  table.push_back({find("combat_deaths/all"), "combat deaths", "people", false});
  {
    const std::size_t jihadist_territory =
        b.add({"territory/jihadist", "Territory held by jihadist groups", "% of Mali's area",
               b.actor_terms("territory_", [](std::size_t, Side s) { return s == Side::jihadist; }),
               Aggregation::stock, 100.0, false});
    table.push_back({jihadist_territory, "jihadist-held areas (share of Mali)",
                     "% of Mali's area (mean over the window)", true});
  }
  table.push_back({find("territory/state"), "state-held areas (share of Mali)",
                   "% of Mali's area (mean over the window)", false});
  table.push_back({find("displaced/internal"), "displaced people",
                   "people (mean over the window)", true});
  table.push_back({find("displaced/refugees"), "refugees abroad",
                   "people (mean over the window)", false});
  table.push_back({find("cohesion/fama"), "army cohesion levels", "0 to 1 (mean over the window)",
                   false});

  // The map: per region, the share of its area each holder has, and its deaths.
  MapSpec& map = b.out().map;
  map.holders.emplace_back("State");
  std::vector<std::size_t> groups;
  for (std::size_t a = 0; a < sahel::kModelActors; ++a) {
    if (!is_armed_group(def.dynamics.actors[a].side)) continue;
    groups.push_back(a);
    map.holders.emplace_back(kActorLabels[a]);
  }
  for (const auto& region : def.world.regions) {
    map.regions.push_back(region.name);
    map.latitude.push_back(region.latitude);
    map.longitude.push_back(region.longitude);
    std::vector<std::size_t> shares;
    // The state holds what no armed group does: 1 - territory_armed, as a sum with weight -1
    // is not a Term, the state's share is recorded as territory_armed and turned round later.
    shares.push_back(b.add({fmt::format("region/{}/armed", region.name),
                            fmt::format("{}: area held by armed groups", region.name), "share",
                            {{region.name, "territory_armed"}}, Aggregation::stock, 1.0, false}));
    for (std::size_t a : groups) {
      const std::string_view name = sahel::kModelActorNames[a];
      shares.push_back(b.add({fmt::format("region/{}/{}", region.name, name),
                              fmt::format("{}: area held by {}", region.name, kActorLabels[a]),
                              "share", {{region.name, fmt::format("territory_{}", name)}},
                              Aggregation::stock, 1.0, false}));
    }
    map.holder_share.push_back(std::move(shares));
    map.deaths.push_back(b.add({fmt::format("region/{}/deaths", region.name),
                                fmt::format("{}: deaths", region.name), "people per month",
                                {{region.name, "combat_deaths"}, {region.name, "civilian_deaths"}},
                                Aggregation::flow, 1.0, false}));
  }
  return std::move(b.out());
}

}  // namespace insim::compare
