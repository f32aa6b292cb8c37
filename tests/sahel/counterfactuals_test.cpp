// The counterfactuals of scenarios/sahel/counterfactuals/: each extends the baseline, sources
// every value it sets, changes only the keys it is meant to, and moves the model the intended
// way on a short, coarse run. Also: the baseline sets every rule itself (no code default).
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "models/sahel/sahel_def.hpp"
#include "models/sahel/sahel_model.hpp"
#include "models/scenario_def.hpp"
#include "scenario/loader/loader.hpp"

namespace sc = insim::scenario;
namespace sahel = insim::sahel;
using insim::Date;

namespace {

const std::filesystem::path kSahelFolder =
    std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "sahel";

std::filesystem::path counterfactual(std::string_view name) {
  return kSahelFolder / "counterfactuals" / (std::string(name) + ".yaml");
}

// A Sahel scenario file as the runner reads it. test_sahel does not link insim_models, so this
// declares the top level of ScenarioDef (models/scenario_def.cpp) itself: model, name,
// description, run.*, then the sahel section.
struct Loaded {
  std::string name;
  std::string description;
  sahel::SahelDef sahel;
  sc::LoadResult info;
};

Loaded load_scenario(const std::filesystem::path& file) {
  Loaded out;
  out.info = sc::load(file, {}, [&out](sc::Schema& s) {
    insim::ModelKind model = insim::ModelKind::epstein;
    sc::choice(s, "model", model, insim::kModelKindNames, "which model");
    s.require(model == insim::ModelKind::sahel, "model", "a Sahel scenario");
    s.text("name", out.name, "name");
    s.text("description", out.description, "description");
    {
      sc::Schema::Section run(s, "run");
      std::int64_t steps = 500, seed = 1, every = 1;  // RunDef's defaults
      s.integer("steps", steps, 1, 1'000'000'000, "steps");
      s.integer("seed", seed, 0, 9'007'199'254'740'991, "seed");
      s.integer("record_every", every, 1, 1'000'000'000, "record_every");
    }
    sc::Schema::Section section(s, "sahel");
    describe(s, out.sahel);
  });
  return out;
}

const Loaded& baseline() {
  static const Loaded b = load_scenario(kSahelFolder / "baseline.yaml");
  return b;
}

// What each counterfactual may change, by path prefix (besides its name and description): the
// whole list of shipped files, so that a new file needs an entry here.
const std::map<std::string, std::vector<std::string>>& intended_changes() {
  static const std::map<std::string, std::vector<std::string>> m{
      {"algiers_accord_kept", {"sahel.changes.drop_events"}},
      {"france_stays", {"sahel.changes.drop_events", "sahel.changes.hold_forces"}},
      {"minusma_stays", {"sahel.changes.drop_events", "sahel.changes.hold_forces"}},
      {"negotiation_2020", {"sahel.changes.add_events"}},
      {"no_2022_sanctions", {"sahel.changes.drop_events"}},
      {"no_libya_arms", {"sahel.changes.drop_events"}},
      {"no_purge_2025", {"sahel.changes.drop_events"}},
      {"no_wagner", {"sahel.changes.drop_events"}},
      {"purge_cascade", {"sahel.politics.purge_cascade"}},
      {"wagner_disciplined", {"sahel.actors.wagner.abuse", "sahel.actors.wagner.profiling"}},
  };
  return m;
}

bool starts_with_any(const std::string& path, const std::vector<std::string>& prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](const std::string& p) { return path.starts_with(p); });
}

// Paths whose value differs between two loads, or that only one of them has.
std::vector<std::string> differing_paths(const sc::LoadResult& a, const sc::LoadResult& b) {
  std::map<std::string, std::string> values;
  for (const auto& f : a.fields) values[f.path] = f.value;
  std::vector<std::string> out;
  for (const auto& f : b.fields) {
    const auto it = values.find(f.path);
    if (it == values.end() || it->second != f.value) out.push_back(f.path);
    if (it != values.end()) values.erase(it);
  }
  for (const auto& [path, value] : values) out.push_back(path);
  return out;
}

// One coarse run: a few columns each week until `until`.
struct Trace {
  std::vector<Date> dates;
  std::map<std::string, std::vector<double>> columns;

  // The value on the last recorded week that starts on or before `d`.
  [[nodiscard]] double at(const std::string& column, Date d) const {
    const auto i = std::upper_bound(dates.begin(), dates.end(), d) - dates.begin();
    REQUIRE(i > 0);
    return columns.at(column)[static_cast<std::size_t>(i - 1)];
  }
  // The sum of a weekly column over the weeks starting in [from, to).
  [[nodiscard]] double sum(const std::string& column, Date from, Date to) const {
    double total = 0.0;
    for (std::size_t i = 0; i < dates.size(); ++i)
      if (from <= dates[i] && dates[i] < to) total += columns.at(column)[i];
    return total;
  }
  [[nodiscard]] double max(const std::string& column) const {
    const auto& v = columns.at(column);
    return *std::max_element(v.begin(), v.end());
  }
};

// 2,000 people per agent keeps a run to 2025 to about a second; the tests look at what the
// timeline and the counterfactual's values drive directly (strengths, arrests, hardship, who is
// at war, who talks), which do not depend on the scale.
constexpr std::int64_t kCoarsePeoplePerAgent = 2000;
const std::vector<std::string> kTraced{
    "strength_france",  "strength_takuba",   "strength_wagner",
    "strength_minusma", "strength_mnla_cma", "civilians_killed_by_wagner",
    "arrests",          "cohesion_fama",     "hardship_multiplier"};

Trace run_until(sahel::SahelDef def, Date until) {
  def.world.people_per_agent = kCoarsePeoplePerAgent;
  sahel::SahelModel model(def, 1);
  const auto& calendar = model.state().world.calendar;
  Trace t;
  const auto record = [&] {
    t.dates.push_back(calendar.date_of(model.current_step()));
    for (const auto& c : kTraced) t.columns[c].push_back(model.value(c));
  };
  record();
  while (calendar.date_of(model.current_step()) < until &&
         model.current_step() < model.calendar_steps()) {
    model.step();
    record();
  }
  return t;
}

// Each test runs the baseline only as far as it looks (ctest runs each test in its own process).
Trace baseline_trace(Date until) { return run_until(baseline().sahel, until); }

Trace counterfactual_trace(std::string_view name, Date until) {
  return run_until(load_scenario(counterfactual(name)).sahel, until);
}

}  // namespace

TEST_CASE("sahel counterfactuals: the folder holds exactly the counterfactuals the tests know",
          "[sahel][counterfactuals]") {
  std::vector<std::string> found;
  for (const auto& entry : std::filesystem::directory_iterator(kSahelFolder / "counterfactuals"))
    if (entry.path().extension() == ".yaml") found.push_back(entry.path().stem().string());
  std::sort(found.begin(), found.end());
  std::vector<std::string> known;
  for (const auto& [name, prefixes] : intended_changes()) known.push_back(name);
  CHECK(found == known);
}

TEST_CASE("sahel counterfactuals: each extends the baseline, is named and sources what it sets",
          "[sahel][counterfactuals]") {
  const std::string baseline_file =
      (kSahelFolder / "baseline.yaml").lexically_normal().generic_string();
  for (const auto& [name, prefixes] : intended_changes()) {
    INFO(name);
    Loaded cf;
    try {
      cf = load_scenario(counterfactual(name));
    } catch (const insim::InputError& e) {
      FAIL(e.what());
    }
    REQUIRE(cf.info.files.size() >= 2);
    CHECK(cf.info.files[1] == baseline_file);
    CHECK(cf.name.size() > 5);
    CHECK(cf.name != baseline().name);
    CHECK(cf.description.size() > 80);  // a sentence or more for a policy reader
    CHECK(cf.description != baseline().description);

    const std::string own = cf.info.files.front() + ":";
    std::size_t set_here = 0;
    for (const auto& f : cf.info.fields) {
      if (!f.origin.starts_with(own) || f.type == "list") continue;
      ++set_here;
      if (f.path == "name" || f.path == "description") continue;  // labels, not model values
      INFO(f.path << " set at " << f.origin);
      CHECK_FALSE(f.source.empty());
      CHECK(f.source_kind != sc::SourceKind::unstated);
    }
    CHECK(set_here >= 3);  // name, description and at least one change
  }
}

TEST_CASE("sahel counterfactuals: each differs from the baseline only in the keys it is meant to",
          "[sahel][counterfactuals]") {
  for (const auto& [name, prefixes] : intended_changes()) {
    INFO(name);
    const Loaded cf = load_scenario(counterfactual(name));
    const auto differing = differing_paths(baseline().info, cf.info);
    std::vector<std::string> allowed = prefixes;
    allowed.insert(allowed.end(), {"name", "description"});
    for (const auto& path : differing) {
      INFO(path);
      CHECK(starts_with_any(path, allowed));
    }
    for (const auto& prefix : prefixes) {
      INFO("expected a change under " << prefix);
      CHECK(std::any_of(differing.begin(), differing.end(),
                        [&](const std::string& p) { return p.starts_with(prefix); }));
    }
  }
}

TEST_CASE("sahel counterfactuals: wagner_disciplined gives Wagner MINUSMA's abuse and profiling",
          "[sahel][counterfactuals]") {
  const auto wagner = sahel::index(sahel::ModelActor::wagner);
  const auto minusma = sahel::index(sahel::ModelActor::minusma);
  const Loaded cf = load_scenario(counterfactual("wagner_disciplined"));
  const auto& base_actors = baseline().sahel.dynamics.actors;
  CHECK(cf.sahel.dynamics.actors[wagner].abuse == base_actors[minusma].abuse);
  CHECK(cf.sahel.dynamics.actors[wagner].profiling == base_actors[minusma].profiling);
  CHECK(cf.sahel.dynamics.actors[wagner].abuse < base_actors[wagner].abuse);
}

TEST_CASE("sahel baseline: every rule value is set in the files, none left at its code default",
          "[sahel][counterfactuals]") {
  const std::vector<std::string> rules{"sahel.actors.", "sahel.civilians.", "sahel.combat.",
                                       "sahel.politics.", "sahel.mechanisms."};
  std::size_t checked = 0;
  for (const auto& f : baseline().info.fields) {
    if (f.type == "list" || !starts_with_any(f.path, rules)) continue;
    ++checked;
    INFO(f.path);
    CHECK(f.origin != "default");
  }
  CHECK(checked > 300);
}

TEST_CASE("sahel counterfactuals: France and Takuba stay in Mali after 2022 in france_stays",
          "[sahel][counterfactuals][model]") {
  const Trace base = baseline_trace(Date{2023, 1, 15});
  const Trace cf = counterfactual_trace("france_stays", Date{2023, 1, 15});
  const Date after{2023, 1, 1};
  CHECK(base.at("strength_france", after) == 0.0);
  CHECK(base.at("strength_takuba", after) == 0.0);
  CHECK(cf.at("strength_france", after) == Approx(2400.0));  // held at its 2022-02-17 figure
  CHECK(cf.at("strength_takuba", after) == Approx(850.0));   // held at its 2022-01-01 figure
  // Before the branch point nothing differs.
  CHECK(cf.at("strength_france", Date{2021, 6, 1}) == base.at("strength_france", Date{2021, 6, 1}));
  // French aid is not halted (F28): the baseline's hardship rises in 2022-11, this one's not.
  CHECK(base.at("hardship_multiplier", after) > cf.at("hardship_multiplier", after));
}

TEST_CASE("sahel counterfactuals: Wagner never operates in no_wagner",
          "[sahel][counterfactuals][model]") {
  const Trace base = baseline_trace(Date{2024, 6, 1});
  const Trace cf = counterfactual_trace("no_wagner", Date{2024, 6, 1});
  CHECK(base.at("strength_wagner", Date{2023, 1, 1}) > 0.0);
  CHECK(cf.max("strength_wagner") == 0.0);
  CHECK(cf.max("civilians_killed_by_wagner") == 0.0);
}

TEST_CASE("sahel counterfactuals: a disciplined Wagner kills fewer civilians at the same strength",
          "[sahel][counterfactuals][model]") {
  const Trace base = baseline_trace(Date{2025, 1, 1});
  const Trace cf = counterfactual_trace("wagner_disciplined", Date{2025, 1, 1});
  CHECK(cf.at("strength_wagner", Date{2023, 1, 1}) == base.at("strength_wagner", Date{2023, 1, 1}));
  // Weeks of Wagner's own operations, after the Moura operation (F23, 2022-03-23): Moura is a
  // dated event of the timeline, replayed in both runs with its deaths shared by the army and
  // Wagner; the counterfactual changes how Wagner treats civilians week by week.
  const Date from{2022, 4, 15};
  const Date to{2025, 1, 1};
  const double killed_base = base.sum("civilians_killed_by_wagner", from, to);
  const double killed_cf = cf.sum("civilians_killed_by_wagner", from, to);
  CHECK(killed_base > 0.0);
  CHECK(killed_cf < 0.1 * killed_base);  // abuse 12 -> 0.02 a 1,000 fighter-weeks
}

TEST_CASE("sahel counterfactuals: MINUSMA keeps its 2023 strength in minusma_stays",
          "[sahel][counterfactuals][model]") {
  const Trace base = baseline_trace(Date{2024, 2, 1});
  const Trace cf = counterfactual_trace("minusma_stays", Date{2024, 2, 1});
  const Date after{2024, 1, 15};
  CHECK(base.at("strength_minusma", after) == 0.0);
  CHECK(cf.at("strength_minusma", after) == Approx(13000.0));
}

TEST_CASE("sahel counterfactuals: no sanctions hardship in 2022 in no_2022_sanctions",
          "[sahel][counterfactuals][model]") {
  const Trace base = baseline_trace(Date{2022, 4, 1});
  const Trace cf = counterfactual_trace("no_2022_sanctions", Date{2022, 4, 1});
  const Date during{2022, 3, 1};
  CHECK(base.at("hardship_multiplier", during) > 1.0);
  CHECK(cf.at("hardship_multiplier", during) == 1.0);
}

namespace {

// A baseline and a counterfactual model at the coarse scale, stepped side by side.
struct Pair {
  sahel::SahelModel base;
  sahel::SahelModel cf;
};

std::unique_ptr<Pair> coarse_pair(std::string_view name) {
  auto base_def = baseline().sahel;
  auto cf_def = load_scenario(counterfactual(name)).sahel;
  base_def.world.people_per_agent = kCoarsePeoplePerAgent;
  cf_def.world.people_per_agent = kCoarsePeoplePerAgent;
  return std::unique_ptr<Pair>(new Pair{{base_def, 1}, {cf_def, 1}});
}

void step_both_until(Pair& p, Date until) {
  const auto& calendar = p.base.state().world.calendar;
  while (calendar.date_of(p.base.current_step()) < until) {
    p.base.step();
    p.cf.step();
  }
}

}  // namespace

TEST_CASE(
    "sahel counterfactuals: the separatists stay at peace with the state in algiers_accord_kept",
    "[sahel][counterfactuals][model]") {
  const auto mnla = sahel::index(sahel::ModelActor::mnla_cma);
  const auto fama = sahel::index(sahel::ModelActor::fama);
  const auto wagner = sahel::index(sahel::ModelActor::wagner);
  auto p = coarse_pair("algiers_accord_kept");
  step_both_until(*p, Date{2024, 1, 1});
  // At peace since the accord of 2015 (F10) in both.
  CHECK_FALSE(p->base.state().actor.hostile[mnla][fama]);
  CHECK_FALSE(p->cf.state().actor.hostile[mnla][fama]);
  step_both_until(*p, Date{2024, 2, 15});
  // F32 (2024-01-26) ends the peace in the baseline only, with the army and with Wagner.
  CHECK(p->base.state().actor.hostile[mnla][fama]);
  CHECK(p->base.state().actor.hostile[mnla][wagner]);
  CHECK_FALSE(p->cf.state().actor.hostile[mnla][fama]);
  CHECK_FALSE(p->cf.state().actor.hostile[mnla][wagner]);
}

TEST_CASE("sahel counterfactuals: talks with JNIM open in 2020-02 in negotiation_2020 only",
          "[sahel][counterfactuals][model]") {
  const auto jnim = sahel::index(sahel::ModelActor::jnim);
  auto p = coarse_pair("negotiation_2020");
  step_both_until(*p, Date{2020, 1, 15});
  CHECK_FALSE(p->cf.state().actor.negotiating[jnim]);
  step_both_until(*p, Date{2020, 2, 15});
  CHECK(p->cf.state().actor.negotiating[jnim]);
  // The baseline's dialogue (F14b) names the government alone: no armed group negotiates.
  CHECK_FALSE(p->base.state().actor.negotiating[jnim]);
  step_both_until(*p, Date{2021, 1, 1});
  CHECK(p->cf.state().actor.negotiating[jnim]);
  CHECK_FALSE(p->base.state().actor.negotiating[jnim]);
}

TEST_CASE(
    "sahel counterfactuals: the 2025 purge arrests none in no_purge_2025 and more in purge_cascade",
    "[sahel][counterfactuals][model]") {
  const Trace base = baseline_trace(Date{2025, 10, 1});
  const Trace none = counterfactual_trace("no_purge_2025", Date{2025, 10, 1});
  const Trace cascade = counterfactual_trace("purge_cascade", Date{2025, 10, 1});
  const Date after{2025, 9, 25};
  CHECK(base.at("arrests", after) >= 30.0);  // F36: 30-55 arrests
  CHECK(base.at("arrests", after) <= 55.0);
  CHECK(none.max("arrests") == 0.0);
  CHECK(cascade.at("arrests", after) > base.at("arrests", after));
  // Cohesion: the purge costs the army, the cascade more.
  CHECK(none.at("cohesion_fama", after) > base.at("cohesion_fama", after));
  CHECK(cascade.at("cohesion_fama", after) < base.at("cohesion_fama", after));
}

TEST_CASE(
    "sahel counterfactuals: the separatists start weaker without the Libyan arms in no_libya_arms",
    "[sahel][counterfactuals][model]") {
  const Trace base = baseline_trace(Date{2012, 3, 1});
  const Trace cf = counterfactual_trace("no_libya_arms", Date{2012, 3, 1});
  const Date early{2012, 2, 1};
  // F01 brings politics.arms_inflow_fighters (1,500) to the MNLA when its rebellion starts.
  CHECK(base.at("strength_mnla_cma", early) - cf.at("strength_mnla_cma", early) > 1000.0);
}
