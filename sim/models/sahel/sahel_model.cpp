#include "models/sahel/sahel_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <stdexcept>

#include "models/sahel/numeric_guards.hpp"

namespace insim::sahel {

namespace {

constexpr std::size_t A = kModelActors;

bool is_foreign(const Rules& r, std::size_t a) { return r.side[a] == Side::foreign; }

std::uint64_t fnv(std::uint64_t h, const void* data, std::size_t bytes) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < bytes; ++i) {
    h ^= p[i];
    h *= 1099511628211ULL;
  }
  return h;
}

// With -DINSIM_NUMERIC_GUARDS=ON, after every step: the state's invariants and the recorded
// values (models/sahel/numeric_guards.hpp).
[[maybe_unused]] void check_guards(const State& s, const std::vector<std::string>& columns,
                  const std::vector<double>& row, const std::vector<std::string>& place_columns,
                  const std::vector<double>& places) {
  check_numeric_invariants(s, s.step);
  check_finite_outputs(columns, row, s.world.regions.name, place_columns, places, s.step);
}

}  // namespace

SahelModel::SahelModel(const SahelDef& def, std::uint64_t seed)
    : def_(def),
      seed_(seed),
      rules_(),
      schedule_(),
      state_() {
  World world = build_world(def_.world, seed_);
  rules_ = make_rules(def_.dynamics, world);
  schedule_ = make_schedule(def_.timeline, def_.forces, def_.dynamics, world);
  state_ = make_state(std::move(world), Inputs{rules_, schedule_, seed_});
  state_.log.reserve(4096);

  const auto& communities = state_.world.community_names;
  columns_.emplace_back("step");
  for (std::size_t a = 0; a < A; ++a) columns_.push_back(fmt::format("strength_{}", kModelActorNames[a]));
  for (std::size_t a = 0; a < A; ++a)
    if (rules_.is_armed_group(a)) columns_.push_back(fmt::format("supporters_{}", kModelActorNames[a]));
  columns_.emplace_back("territory_state");
  columns_.emplace_back("population_state");
  for (std::size_t a = 0; a < A; ++a) {
    if (!rules_.is_armed_group(a)) continue;
    columns_.push_back(fmt::format("territory_{}", kModelActorNames[a]));
    columns_.push_back(fmt::format("population_{}", kModelActorNames[a]));
  }
  for (std::size_t a = 0; a < A; ++a) columns_.push_back(fmt::format("combat_deaths_{}", kModelActorNames[a]));
  for (std::size_t a = 0; a < A; ++a)
    columns_.push_back(fmt::format("civilians_killed_by_{}", kModelActorNames[a]));
  for (const auto& c : communities) columns_.push_back(fmt::format("civilians_killed_{}", c));
  for (const char* name : {"deaths_state_based", "deaths_non_state", "deaths_one_sided",
                           "deaths_one_sided_by_government", "deaths_total", "displaced",
                           "refugees", "population", "armed_territory",
                           "armed_presence_territory"})
    columns_.emplace_back(name);
  for (const auto& c : communities) columns_.push_back(fmt::format("legitimacy_{}", c));
  for (const auto& c : communities) columns_.push_back(fmt::format("grievance_{}", c));
  for (std::size_t a = 0; a < A; ++a) columns_.push_back(fmt::format("cohesion_{}", kModelActorNames[a]));
  for (std::size_t a = 0; a < A; ++a)
    if (is_foreign(rules_, a)) columns_.push_back(fmt::format("opinion_{}", kModelActorNames[a]));
  for (const char* name : {"coups", "arrests", "hardship_multiplier"}) columns_.emplace_back(name);

  place_columns_ = {"population", "territory_armed", "population_armed", "combat_deaths",
                    "civilian_deaths", "displaced_from", "refugees_from", "hosted_displaced",
                    "legitimacy"};
  for (std::size_t a = 0; a < A; ++a)
    place_columns_.push_back(fmt::format("presence_{}", kModelActorNames[a]));
  for (std::size_t a = 0; a < A; ++a)
    if (rules_.is_armed_group(a))
      place_columns_.push_back(fmt::format("territory_{}", kModelActorNames[a]));

  row_.assign(columns_.size(), 0.0);
  places_.assign(state_.world.regions.size() * place_columns_.size(), 0.0);
  const int first = state_.world.calendar.date_of(0).year;
  const int last = state_.world.calendar.date_of(std::max<std::int64_t>(0, state_.world.steps - 1)).year;
  for (int y = first; y <= last; ++y) years_.push_back({y});
  record();
  if constexpr (kNumericGuards) check_guards(state_, columns_, row_, place_columns_, places_);
}

void SahelModel::step() {
  const Inputs in{rules_, schedule_, seed_};
  begin_week(state_, in);
  apply_events(state_, in);
  deploy_forces(state_, in);
  fight(state_, in);
  harm_civilians(state_, in);
  decide_civilians(state_, in);
  update_control_and_politics(state_, in);
  // The tallies belong to the week just simulated (step), recorded as the state at step + 1.
  const int year = state_.world.calendar.date_of(state_.step).year;
  for (YearTotals& y : years_) {
    if (y.year != year) continue;
    y.state_based += state_.tally.state_based;
    y.non_state += state_.tally.non_state;
    y.one_sided += state_.tally.one_sided;
    y.one_sided_by_government += state_.tally.one_sided_by_government;
  }
  ++state_.step;
  record();
  if constexpr (kNumericGuards) check_guards(state_, columns_, row_, place_columns_, places_);
}

void SahelModel::record() {
  const State& s = state_;
  const World& w = s.world;
  const std::size_t C = s.communities;
  const std::size_t R = w.regions.size();
  const std::size_t L = w.localities.size();
  const double k = static_cast<double>(w.people_per_agent);
  std::size_t col = 0;
  double* row = row_.data();
  row[col++] = static_cast<double>(s.step);
  for (std::size_t a = 0; a < A; ++a) row[col++] = s.actor.strength[a];
  for (std::size_t a = 0; a < A; ++a) {
    if (!rules_.is_armed_group(a)) continue;
    std::uint64_t n = 0;
    for (std::size_t l = 0; l < L; ++l) n += s.supporters[l * A + a];
    row[col++] = static_cast<double>(n) * k;
  }
  // Territory (area) and population (at home) by holder.
  std::array<double, A + 1> area{};
  std::array<double, A + 1> people{};
  double total_area = 0.0;
  double total_people = 0.0;
  for (std::size_t l = 0; l < L; ++l) {
    const std::size_t holder = s.control[l] == kStateControl ? A : s.control[l];
    area[holder] += s.area_km2[l];
    people[holder] += s.present[l] * k;
    total_area += s.area_km2[l];
    total_people += s.present[l] * k;
  }
  const auto share = [](double part, double whole) { return whole > 0.0 ? part / whole : 0.0; };
  row[col++] = share(area[A], total_area);
  row[col++] = share(people[A], total_people);
  for (std::size_t a = 0; a < A; ++a) {
    if (!rules_.is_armed_group(a)) continue;
    row[col++] = share(area[a], total_area);
    row[col++] = share(people[a], total_people);
  }
  for (std::size_t a = 0; a < A; ++a) row[col++] = static_cast<double>(s.tally.combat_deaths[a]);
  for (std::size_t a = 0; a < A; ++a) row[col++] = static_cast<double>(s.tally.civilian_killed[a]);
  for (std::size_t c = 0; c < C; ++c)
    row[col++] = static_cast<double>(s.tally.civilians_killed_by_community[c]);
  row[col++] = static_cast<double>(s.tally.state_based);
  row[col++] = static_cast<double>(s.tally.non_state);
  row[col++] = static_cast<double>(s.tally.one_sided);
  row[col++] = static_cast<double>(s.tally.one_sided_by_government);
  row[col++] = static_cast<double>(s.tally.state_based + s.tally.non_state + s.tally.one_sided);
  double displaced = 0.0;
  double refugees = 0.0;
  for (std::size_t l = 0; l < L; ++l) {
    displaced += s.displaced[l] * k;
    refugees += s.refugees[l] * k;
  }
  row[col++] = displaced;
  row[col++] = refugees;
  row[col++] = total_people + displaced + refugees;
  row[col++] = s.politics.armed_territory;
  // Where armed groups at war with the state have at least one fighter (M11: "spread to more
  // than two thirds of the country"), by area.
  double present_area = 0.0;
  for (std::size_t l = 0; l < L; ++l) {
    double armed = 0.0;
    for (std::size_t a = 0; a < A; ++a)
      if (rules_.is_armed_group(a) && s.actor.hostile[a][index(ModelActor::fama)])
        armed += s.presence[l * A + a];
    if (armed >= 1.0) present_area += s.area_km2[l];
  }
  row[col++] = share(present_area, total_area);
  // Legitimacy and expected grievance (E[H] = 1/2) by community, people-weighted over cells.
  for (std::size_t c = 0; c < C; ++c) {
    double weight = 0.0;
    double legit = 0.0;
    for (std::size_t l = 0; l < L; ++l) {
      weight += s.cell_agents[l * C + c];
      legit += s.cell_agents[l * C + c] * static_cast<double>(s.legitimacy[l * C + c]);
    }
    row[col++] = share(legit, weight);
  }
  for (std::size_t c = 0; c < C; ++c) {
    double weight = 0.0;
    double grievance = 0.0;
    for (std::size_t l = 0; l < L; ++l) {
      const double h = w.regions.hardship[w.localities.region[l]] * s.hardship_multiplier;
      weight += s.cell_agents[l * C + c];
      grievance += s.cell_agents[l * C + c] * 0.5 * h * (1.0 - s.legitimacy[l * C + c]);
    }
    row[col++] = share(grievance, weight);
  }
  for (std::size_t a = 0; a < A; ++a) row[col++] = s.actor.cohesion[a];
  for (std::size_t a = 0; a < A; ++a)
    if (is_foreign(rules_, a)) row[col++] = s.actor.active[a] ? s.actor.opinion[a] : 0.0;
  row[col++] = static_cast<double>(s.politics.coups);
  row[col++] = static_cast<double>(s.politics.arrests);
  row[col++] = s.hardship_multiplier;

  // Regions.
  const std::size_t P = place_columns_.size();
  std::fill(places_.begin(), places_.end(), 0.0);
  // A region's localities share its area equally (make_state), so they add up to it.
  const std::vector<double>& region_area = w.regions.area_km2;
  for (std::size_t l = 0; l < L; ++l) {
    const std::size_t r = w.localities.region[l];
    double* v = places_.data() + r * P;
    const double here = s.present[l] * k;
    v[0] += here;
    if (s.control[l] != kStateControl) {
      v[1] += s.area_km2[l];
      v[2] += here;
    }
    v[5] += s.displaced[l] * k;
    v[6] += s.refugees[l] * k;
    double legit = 0.0;
    for (std::size_t c = 0; c < C; ++c) legit += s.cell_agents[l * C + c] * static_cast<double>(s.legitimacy[l * C + c]);
    v[8] += legit * k;
    for (std::size_t a = 0; a < A; ++a) v[9 + a] += s.presence[l * A + a];
    std::size_t g = 9 + A;
    for (std::size_t a = 0; a < A; ++a) {
      if (!rules_.is_armed_group(a)) continue;
      if (s.control[l] == a) v[g] += s.area_km2[l];
      ++g;
    }
  }
  for (std::size_t r = 0; r < R; ++r) {
    double* v = places_.data() + r * P;
    const double here = v[0];
    v[1] = share(v[1], region_area[r]);
    v[2] = share(v[2], here);
    v[3] = static_cast<double>(s.tally.region_combat_deaths[r]);
    v[4] = static_cast<double>(s.tally.region_civilian_deaths[r]);
    v[7] = s.hosted[r] * k;
    v[8] = share(v[8], here);
    for (std::size_t g = 9 + A; g < P; ++g) v[g] = share(v[g], region_area[r]);
  }
}

void SahelModel::observe(std::span<double> row) const {
  std::copy(row_.begin(), row_.end(), row.begin());
}

void SahelModel::observe_places(std::span<double> values) const {
  std::copy(places_.begin(), places_.end(), values.begin());
}

std::int64_t SahelModel::agent_count() const {
  return static_cast<std::int64_t>(state_.world.civilians.size());
}

double SahelModel::value(std::string_view column) const {
  const auto it = std::find(columns_.begin(), columns_.end(), column);
  if (it == columns_.end())
    throw std::out_of_range(fmt::format("the Sahel model has no column '{}'", column));
  return row_[static_cast<std::size_t>(it - columns_.begin())];
}

std::vector<std::pair<std::string, double>> SahelModel::summary() const {
  std::vector<std::pair<std::string, double>> out;
  out.emplace_back("agents", static_cast<double>(agent_count()));
  out.emplace_back("people_per_agent", static_cast<double>(state_.world.people_per_agent));
  out.emplace_back("coups", static_cast<double>(state_.politics.coups));
  out.emplace_back("arrests", static_cast<double>(state_.politics.arrests));
  for (const YearTotals& y : years_)
    out.emplace_back(fmt::format("deaths_total_{}", y.year), static_cast<double>(y.total()));
  return out;
}

std::vector<FinalTable> SahelModel::final_tables() const {
  std::vector<FinalTable> out;
  FinalTable events{"events.csv", {"date", "step", "kind", "id", "actor", "region", "locality",
                                   "deaths"}, {}};
  for (const LoggedEvent& e : state_.log) {
    events.rows.push_back({to_string(state_.world.calendar.date_of(e.step)), std::to_string(e.step),
                           e.kind, e.id, e.actor, e.region, e.locality, std::to_string(e.deaths)});
  }
  out.push_back(std::move(events));
  FinalTable yearly{"yearly.csv", {"year", "state_based", "non_state", "one_sided",
                                   "one_sided_by_government", "total", "complete"}, {}};
  const int current = state_.world.calendar.date_of(state_.step).year;
  for (const YearTotals& y : years_) {
    if (y.year > current) break;
    // A year is complete once no week starting in it remains to be simulated.
    const bool complete = current > y.year;
    yearly.rows.push_back({std::to_string(y.year), std::to_string(y.state_based),
                           std::to_string(y.non_state), std::to_string(y.one_sided),
                           std::to_string(y.one_sided_by_government), std::to_string(y.total()),
                           complete ? "true" : "false"});
  }
  out.push_back(std::move(yearly));
  return out;
}

std::uint64_t SahelModel::state_hash() const {
  const auto& c = state_.world.civilians;
  std::uint64_t h = 1469598103934665603ULL;
  h = fnv(h, c.status.data(), c.status.size());
  h = fnv(h, c.actor.data(), c.actor.size());
  h = fnv(h, c.refuge.data(), c.refuge.size() * sizeof(std::uint16_t));
  h = fnv(h, state_.control.data(), state_.control.size());
  h = fnv(h, state_.actor.strength.data(), sizeof(state_.actor.strength));
  h = fnv(h, state_.actor.cohesion.data(), sizeof(state_.actor.cohesion));
  h = fnv(h, state_.legitimacy.data(), state_.legitimacy.size() * sizeof(float));
  return h;
}

}  // namespace insim::sahel
