#include "models/sahel/numeric_guards.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>
#include <string_view>
#include <vector>

namespace insim::sahel {

namespace {

constexpr std::size_t A = kModelActors;

struct Range {
  double low;
  double high;
  const char* expected;
};
constexpr Range kShare{-kShareTolerance, 1.0 + kShareTolerance, "a share in [0, 1]"};
constexpr Range kProbability{-kShareTolerance, 1.0 + kShareTolerance, "a probability in [0, 1]"};
// DBL_MAX as the upper end also refuses infinity; every comparison with NaN is false.
constexpr Range kNonNegative{0.0, DBL_MAX, "a finite number >= 0"};

[[noreturn]] void fail(std::string_view quantity, const std::string& where, double value,
                       std::string_view expected, std::int64_t step) {
  throw NumericGuardError(fmt::format("numeric guard: {} of {} is {} after step {}; expected {}",
                                      quantity, where, value, step, expected));
}

// `where(i)` says where element i is; it is only called for a value out of range. The first pass
// has no branch, so an optimised build vectorises it: the baseline's 250,000 values per step then
// take tens of microseconds, not the hundreds a test and branch per value took.
template <class T, class Where>
void check_all(const std::vector<T>& values, Range range, std::string_view quantity, Where&& where,
               std::int64_t step) {
  // In T's own type: a float bound of DBL_MAX would be infinity, and let infinity through.
  const T low = static_cast<T>(range.low);
  const T high = range.high == DBL_MAX ? std::numeric_limits<T>::max() : static_cast<T>(range.high);
  unsigned outside = 0;
  for (const T v : values) {
    outside |= static_cast<unsigned>(v < low) | static_cast<unsigned>(v > high) |
               static_cast<unsigned>(v != v);  // NaN
  }
  if (outside == 0) return;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!(values[i] >= low && values[i] <= high)) {
      fail(quantity, where(i), static_cast<double>(values[i]), range.expected, step);
    }
  }
}

// Counts of agents are unsigned: one that went below zero wraps to billions, above any bound.
// `where()` is only called for a value out of range: formatting every place's name at every step
// would cost more than the step itself.
template <class Where>
void check_count(std::uint64_t value, std::uint64_t most, std::string_view quantity, Where&& where,
                 std::int64_t step) {
  if (value <= most) return;
  fail(quantity, where(), static_cast<double>(value),
       fmt::format("a number of agents in [0, {}] (a count below zero wraps around)", most), step);
}

template <class Where>
void check_tally(std::int64_t value, std::string_view quantity, Where&& where, std::int64_t step) {
  if (value < 0)
    fail(quantity, where(), static_cast<double>(value), "a number of deaths >= 0", step);
}

class Places {
 public:
  explicit Places(const State& s) : s_(s), C_(s.communities) {}
  [[nodiscard]] std::string actor(std::size_t a) const {
    return fmt::format("actor '{}'", kModelActorNames[a]);
  }
  [[nodiscard]] std::string region(std::size_t r) const {
    return fmt::format("region '{}'", s_.world.regions.name[r]);
  }
  [[nodiscard]] std::string community(std::size_t c) const {
    return fmt::format("community '{}'", s_.world.community_names[c]);
  }
  [[nodiscard]] std::string locality(std::size_t l) const {
    return fmt::format("locality {} ({})", l, region(s_.world.localities.region[l]));
  }
  [[nodiscard]] std::string cell(std::size_t cell) const {
    return fmt::format("{} in {}", community(cell % C_), locality(cell / C_));
  }

 private:
  const State& s_;
  std::size_t C_;
};

}  // namespace

void check_numeric_invariants(const State& s, std::int64_t step) {
  const World& w = s.world;
  const std::size_t L = w.localities.size();
  const std::size_t R = w.regions.size();
  const std::size_t C = s.communities;
  const Places at(s);
  const auto agents_of = [&w](std::size_t l) {
    return std::uint64_t{w.localities.agent_begin[l + 1]} - w.localities.agent_begin[l];
  };

  const Actors& act = s.actor;
  for (std::size_t a = 0; a < A; ++a) {
    const auto is = [&](double v, Range range, std::string_view quantity) {
      if (!(v >= range.low && v <= range.high))
        fail(quantity, at.actor(a), v, range.expected, step);
    };
    is(act.strength[a], kNonNegative, "strength (people under arms)");
    is(act.external[a], kNonNegative, "external fighters");
    is(act.pending[a], kNonNegative, "pending fighters");
    is(act.money[a], kNonNegative, "money (US dollars)");
    is(act.posture[a], kNonNegative, "posture (lethality multiplier)");
    is(act.cohesion[a], kShare, "cohesion");
    is(act.opinion[a], kShare, "opinion (share supporting the foreign force)");
    is(act.fighter_death[a], kProbability, "fighter death probability");
    is(act.weekly_pay[a], kShare, "share of the payroll paid");
  }
  const auto is = [&](double v, Range range, std::string_view quantity) {
    if (!(v >= range.low && v <= range.high)) fail(quantity, "Mali", v, range.expected, step);
  };
  is(s.politics.repression, kNonNegative, "repression (legitimacy lost)");
  is(s.politics.purge_intensity, kNonNegative, "purge intensity (arrests per week)");
  is(s.politics.armed_territory, kShare, "share of the area armed groups hold");
  is(static_cast<double>(s.politics.coups), kNonNegative, "coups");
  is(static_cast<double>(s.politics.arrests), kNonNegative, "arrests");
  is(s.hardship_multiplier, kNonNegative, "hardship multiplier");

  const auto locality_actor = [&](std::size_t i) {
    return fmt::format("{} in {}", at.actor(i % A), at.locality(i / A));
  };
  check_all(s.presence, kNonNegative, "presence (people)", locality_actor, step);
  for (std::size_t l = 0; l < L; ++l) {
    // The largest count first, without a branch per value: the three together bound each of them.
    const std::uint64_t most = agents_of(l);
    std::uint64_t largest = std::uint64_t{s.present[l]} + s.displaced[l] + s.refugees[l];
    for (std::size_t a = 0; a < A; ++a) {
      largest = std::max<std::uint64_t>(largest, s.supporters[l * A + a]);
      largest = std::max<std::uint64_t>(largest, s.fighters[l * A + a]);
    }
    for (std::size_t c = 0; c < C; ++c)
      largest = std::max<std::uint64_t>(largest, s.cell_agents[l * C + c]);
    if (largest <= most) continue;
    for (std::size_t a = 0; a < A; ++a) {
      const auto here = [&] { return locality_actor(l * A + a); };
      check_count(s.supporters[l * A + a], most, "supporters", here, step);
      check_count(s.fighters[l * A + a], most, "fighters", here, step);
    }
    const auto locality = [&] { return at.locality(l); };
    check_count(s.present[l], most, "agents at home", locality, step);
    check_count(s.displaced[l], most, "agents displaced", locality, step);
    check_count(s.refugees[l], most, "agents abroad (refugees)", locality, step);
    check_count(std::uint64_t{s.present[l]} + s.displaced[l] + s.refugees[l], most,
                "agents at home, displaced and abroad together", locality, step);
    for (std::size_t c = 0; c < C; ++c) {
      check_count(
          s.cell_agents[l * C + c], most, "agents at home", [&] { return at.cell(l * C + c); },
          step);
    }
  }
  check_all(
      s.locality_share, kShare, "share of the region's force",
      [&](std::size_t i) { return fmt::format("{} in {}", at.actor(i / L), at.locality(i % L)); },
      step);
  check_all(
      s.region_weight, kShare, "share of the actor's strength",
      [&](std::size_t i) { return fmt::format("{} in {}", at.actor(i % A), at.region(i / A)); },
      step);
  check_all(
      s.danger, kNonNegative, "danger (deaths per 1,000)",
      [&](std::size_t l) { return at.locality(l); }, step);
  check_all(
      s.area_km2, kNonNegative, "area (km2)", [&](std::size_t l) { return at.locality(l); }, step);

  const auto cell = [&](std::size_t i) { return at.cell(i); };
  check_all(s.legitimacy, kShare, "legitimacy of the state", cell, step);
  check_all(s.death_probability, kProbability, "death probability", cell, step);
  check_all(s.sympathy, kShare, "sympathy", cell, step);
  check_all(s.cause, kShare, "cause", cell, step);
  check_all(s.risk, kProbability, "arrest probability", cell, step);
  check_all(s.join_probability, kProbability, "join probability", cell, step);
  check_all(
      s.abuse_memory, kNonNegative, "memory of abuse (deaths per 1,000)",
      [&](std::size_t i) { return fmt::format("{} by {}", at.cell(i / A), at.actor(i % A)); },
      step);

  const std::uint64_t all_agents = w.civilians.size();
  for (std::size_t r = 0; r < R; ++r)
    check_count(
        s.hosted[r], all_agents, "agents hosted (displaced from elsewhere)",
        [&] { return at.region(r); }, step);

  const StepTallies& t = s.tally;
  for (std::size_t a = 0; a < A; ++a) {
    const auto actor = [&] { return at.actor(a); };
    check_tally(t.combat_deaths[a], "combat deaths this step", actor, step);
    check_tally(t.civilian_killed[a], "civilians killed this step", actor, step);
  }
  for (std::size_t c = 0; c < C; ++c)
    check_tally(
        t.civilians_killed_by_community[c], "civilians killed this step",
        [&] { return at.community(c); }, step);
  for (std::size_t r = 0; r < R; ++r) {
    const auto region = [&] { return at.region(r); };
    check_tally(t.region_combat_deaths[r], "combat deaths this step", region, step);
    check_tally(t.region_civilian_deaths[r], "civilian deaths this step", region, step);
  }
  const auto mali = [] { return std::string("Mali"); };
  check_tally(t.state_based, "state-based deaths this step", mali, step);
  check_tally(t.non_state, "non-state deaths this step", mali, step);
  check_tally(t.one_sided, "one-sided deaths this step", mali, step);
  check_tally(t.one_sided_by_government, "one-sided deaths by the government side this step", mali,
              step);
}

void check_finite_outputs(std::span<const std::string> columns, std::span<const double> row,
                          std::span<const std::string> places,
                          std::span<const std::string> place_columns,
                          std::span<const double> place_values, std::int64_t step) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (std::isfinite(row[i])) continue;
    throw NumericGuardError(
        fmt::format("numeric guard: output column '{}' is {} after step {}; expected a finite "
                    "number",
                    i < columns.size() ? columns[i] : std::to_string(i), row[i], step));
  }
  const std::size_t P = place_columns.size();
  for (std::size_t i = 0; i < place_values.size(); ++i) {
    if (std::isfinite(place_values[i])) continue;
    throw NumericGuardError(fmt::format(
        "numeric guard: output '{}' of '{}' is {} after step {}; expected a finite number",
        P > 0 ? place_columns[i % P] : "?", P > 0 && i / P < places.size() ? places[i / P] : "?",
        place_values[i], step));
  }
}

}  // namespace insim::sahel
