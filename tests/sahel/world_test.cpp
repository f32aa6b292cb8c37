#include "models/sahel/world.hpp"

#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "engine/parallel.hpp"
#include "sahel_support.hpp"

using insim::sahel::build_world;
using insim::sahel::World;

namespace {

insim::sahel::SahelWorldDef world_def(std::int64_t people_per_agent) {
  auto def = insim::test::load_world(insim::test::sahel_world_file()).def;
  def.people_per_agent = people_per_agent;
  return def;
}

// Pearson's chi-square of byte values against the uniform law on 0..255.
double chi_square_bytes(const std::vector<std::uint8_t>& v) {
  std::array<double, 256> count{};
  for (auto b : v) ++count[b];
  const double expected = static_cast<double>(v.size()) / 256.0;
  double chi = 0.0;
  for (double c : count) chi += (c - expected) * (c - expected) / expected;
  return chi;
}

}  // namespace

TEST_CASE("sahel world: each region holds round(population_2012 / k) agents",
          "[sahel][world][build]") {
  const auto def = world_def(1000);
  const World w = build_world(def, 7);
  CHECK(w.steps == 992);
  REQUIRE(w.regions.size() == 9);
  std::int64_t people = 0;
  for (std::size_t r = 0; r < w.regions.size(); ++r) {
    const auto p = insim::sahel::project_population(def.regions[r], def.census, def.calendar.start);
    CHECK(w.regions.population[r] == p.population);
    CHECK(p.population > def.regions[r].population_2009);
    people += p.population;
    const auto n_localities = w.regions.locality_begin[r + 1] - w.regions.locality_begin[r];
    const auto expected = std::max<std::int64_t>(
        n_localities, std::llround(static_cast<double>(p.population) / 1000.0));
    CHECK(w.regions.agents[r] == expected);
    const auto first = w.regions.locality_begin[r];
    const auto last = w.regions.locality_begin[r + 1];
    CHECK(w.localities.agent_begin[last] - w.localities.agent_begin[first] == expected);
    std::int64_t in_localities = 0;
    for (auto l = first; l < last; ++l) {
      in_localities += w.localities.population[l];
      CHECK(w.localities.agent_begin[l + 1] > w.localities.agent_begin[l]);  // at least one
      if (l > first) CHECK(w.localities.population[l] <= w.localities.population[l - 1]);
    }
    CHECK(in_localities == p.population);
  }
  // Mali in 2012: about 16 million (decision 0001).
  CHECK(people > 15'500'000);
  CHECK(people < 16'500'000);
  // Kidal grew at its own 1998-2009 census rate: (67739 / 38774)^(1/11) - 1 = 5.2% a year.
  CHECK(w.regions.growth_rate[7] ==
        Approx(std::pow(67739.0 / 38774.0, 1.0 / 11.0) - 1.0).epsilon(1e-3));
}

TEST_CASE("sahel world: agents of a locality are contiguous and live in its region",
          "[sahel][world][build]") {
  const World w = build_world(world_def(500), 3);
  const auto& c = w.civilians;
  REQUIRE(c.size() == w.localities.agent_begin.back());
  for (std::size_t i = 0; i < c.size(); ++i) {
    const auto l = c.locality[i];
    REQUIRE(i >= w.localities.agent_begin[l]);
    REQUIRE(i < w.localities.agent_begin[l + 1]);
    REQUIRE(c.refuge[i] == w.localities.region[l]);
    if (i > 0) REQUIRE(c.locality[i - 1] <= l);
    if (i > 0 && c.locality[i - 1] == l) REQUIRE(c.community[i - 1] <= c.community[i]);
    REQUIRE(c.status[i] == 0);
    REQUIRE(c.actor[i] == insim::sahel::kNoActor);
  }
}

TEST_CASE("sahel world: a civilian is 16 bytes", "[sahel][world][build]") {
  static_assert(insim::sahel::kCivilianBytes == 16);
  const World w = build_world(world_def(5000), 1);
  CHECK(insim::sahel::civilian_bytes_per_agent(w.civilians) == 16);
}

TEST_CASE("sahel world: communities follow each region's shares", "[sahel][world][build]") {
  const World w = build_world(world_def(100), 11);
  const std::size_t nc = w.community_names.size();
  std::vector<double> count(w.regions.size() * nc, 0.0);
  for (std::size_t i = 0; i < w.civilians.size(); ++i)
    ++count[w.civilians.refuge[i] * nc + w.civilians.community[i]];
  for (std::size_t r = 0; r < w.regions.size(); ++r) {
    const double n = w.regions.agents[r];
    for (std::size_t k = 0; k < nc; ++k) {
      const double p = w.community_share[r * nc + k];
      INFO(w.regions.name[r] << " " << w.community_names[k] << ": " << count[r * nc + k]);
      if (p == 0.0) {
        CHECK(count[r * nc + k] == 0.0);
      } else {
        // Binomial: within 5 standard deviations.
        CHECK(std::abs(count[r * nc + k] - n * p) <= 5.0 * std::sqrt(n * p * (1 - p)) + 1.0);
      }
    }
  }
}

TEST_CASE("sahel world: hardship and risk aversion are uniform", "[sahel][world][build]") {
  const World w = build_world(world_def(100), 5);
  REQUIRE(w.civilians.size() > 100'000);
  // 255 degrees of freedom: the 0.1% critical value is 330.5.
  CHECK(chi_square_bytes(w.civilians.hardship) < 330.5);
  CHECK(chi_square_bytes(w.civilians.risk_aversion) < 330.5);
  CHECK(w.civilians.hardship != w.civilians.risk_aversion);
}

TEST_CASE("sahel world: the same world for 1, 2 and 4 threads, and another seed differs",
          "[sahel][world][build][determinism]") {
  const auto def = world_def(200);
  auto build = [&](int threads, std::uint64_t seed) {
    insim::ThreadLimit limit(threads);
    return build_world(def, seed);
  };
  const World one = build(1, 42);
  for (int threads : {2, 4}) {
    const World other = build(threads, 42);
    INFO(threads << " threads");
    CHECK(other.localities.population == one.localities.population);
    CHECK(other.localities.agent_begin == one.localities.agent_begin);
    CHECK(other.civilians.locality == one.civilians.locality);
    CHECK(other.civilians.community == one.civilians.community);
    CHECK(other.civilians.hardship == one.civilians.hardship);
    CHECK(other.civilians.risk_aversion == one.civilians.risk_aversion);
  }
  const World reseeded = build(2, 43);
  CHECK(reseeded.localities.population != one.localities.population);
  CHECK(reseeded.civilians.hardship != one.civilians.hardship);
  CHECK(reseeded.civilians.community != one.civilians.community);
}
