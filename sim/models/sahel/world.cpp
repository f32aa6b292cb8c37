#include "models/sahel/world.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>

#include "engine/parallel.hpp"
#include "models/sahel/apportion.hpp"
#include "models/sahel/streams.hpp"

namespace insim::sahel {

namespace {

constexpr double kDaysPerYear = 365.2425;  // Gregorian mean year

double years_between(Date from, Date to) {
  return static_cast<double>(days_from_civil(to) - days_from_civil(from)) / kDaysPerYear;
}

void build_regions(const SahelWorldDef& def, World& w) {
  Regions& r = w.regions;
  r.neighbour_begin.push_back(0);
  for (const RegionDef& d : def.regions) {
    r.name.push_back(d.name);
    r.latitude.push_back(d.latitude);
    r.longitude.push_back(d.longitude);
    r.area_km2.push_back(d.area_km2);
    r.remoteness.push_back(d.remoteness);
    r.state_presence.push_back(d.state_presence_2012);
    r.hardship.push_back(d.hardship);
    const Projection p = project_population(d, def.census, def.calendar.start);
    r.growth_rate.push_back(p.growth_rate);
    r.population.push_back(p.population);
    for (const std::string& n : d.neighbours) {
      const auto k =
          static_cast<std::size_t>(std::find_if(def.regions.begin(), def.regions.end(),
                                                [&](const RegionDef& x) { return x.name == n; }) -
                                   def.regions.begin());
      if (k >= def.regions.size())
        throw std::invalid_argument(fmt::format("unknown neighbour region '{}'", n));
      r.neighbour.push_back(static_cast<std::uint16_t>(k));
    }
    r.neighbour_begin.push_back(static_cast<std::uint32_t>(r.neighbour.size()));
  }
}

// Localities of each region: lognormal sizes, largest first, holding the region's population;
// then agents: max(localities, round(population / k)) per region, apportioned to localities by
// population with at least one agent each.
void build_localities(const SahelWorldDef& def, std::uint64_t seed, World& w) {
  const LocalityDef& law = def.localities;
  const double mean_size = law.median_size * std::exp(0.5 * law.sigma * law.sigma);
  const auto k = static_cast<double>(def.people_per_agent);
  Regions& regions = w.regions;
  Localities& loc = w.localities;
  regions.locality_begin.assign(1, 0);
  loc.agent_begin.assign(1, 0);
  std::uint64_t agents_so_far = 0;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    const std::int64_t people = regions.population[r];
    const auto n = static_cast<std::size_t>(
        std::max<std::int64_t>(1, std::llround(static_cast<double>(people) / mean_size)));
    auto rng = draws(seed, Stream::locality_size, 0, r);
    std::vector<double> size(n);
    for (double& s : size)
      s = std::max(static_cast<double>(law.min_size),
                   law.median_size * std::exp(law.sigma * rng.normal()));
    std::sort(size.begin(), size.end(), std::greater<>());
    const std::vector<std::int64_t> ones(n, 1);
    const auto population = apportion(people, size, ones);

    const std::int64_t agents = std::max<std::int64_t>(
        static_cast<std::int64_t>(n), std::llround(static_cast<double>(people) / k));
    std::vector<double> weight(population.begin(), population.end());
    const auto count = apportion(agents, weight, ones);
    for (std::size_t i = 0; i < n; ++i) {
      loc.region.push_back(static_cast<std::uint16_t>(r));
      loc.population.push_back(static_cast<std::uint32_t>(population[i]));
      agents_so_far += static_cast<std::uint64_t>(count[i]);
      if (agents_so_far >= std::numeric_limits<std::uint32_t>::max())
        throw std::invalid_argument(fmt::format(
            "the world would hold more than 2^32 - 1 civilian agents at {} people per agent",
            def.people_per_agent));
      loc.agent_begin.push_back(static_cast<std::uint32_t>(agents_so_far));
    }
    regions.agents.push_back(static_cast<std::uint32_t>(agents));
    regions.locality_begin.push_back(static_cast<std::uint32_t>(loc.size()));
  }
}

void build_civilians(std::uint64_t seed, World& w) {
  const std::size_t regions = w.regions.size();
  const std::size_t communities = w.community_names.size();
  // Cumulative community shares of each region; a draw u picks the first c with u < cum[c].
  std::vector<double> cumulative(regions * communities);
  std::vector<std::uint8_t> last_present(regions, 0);
  for (std::size_t r = 0; r < regions; ++r) {
    double sum = 0.0;
    for (std::size_t c = 0; c < communities; ++c) {
      const double share = w.community_share[r * communities + c];
      sum += share;
      cumulative[r * communities + c] = sum;
      if (share > 0.0) last_present[r] = static_cast<std::uint8_t>(c);
    }
  }

  const std::size_t n = w.localities.agent_begin.back();
  Civilians& c = w.civilians;
  c.locality.resize(n);
  c.refuge.resize(n);
  c.community.resize(n);
  c.status.assign(n, static_cast<std::uint8_t>(CivilianStatus::quiet));
  c.actor.assign(n, kNoActor);
  c.hardship.resize(n);
  c.risk_aversion.resize(n);
  c.flags.assign(n, 0);
  c.since.assign(n, 0);

  const auto& begin = w.localities.agent_begin;
  parallel_for_each(0, w.localities.size(), 8, [&](std::size_t l) {
    const std::uint16_t r = w.localities.region[l];
    const double* cum = cumulative.data() + static_cast<std::size_t>(r) * communities;
    std::array<std::uint32_t, 256> per_community{};
    for (std::size_t i = begin[l]; i < begin[l + 1]; ++i) {
      c.locality[i] = static_cast<std::uint32_t>(l);
      c.refuge[i] = r;
      const double u = draws(seed, Stream::community, 0, i).uniform();
      const auto chosen =
          static_cast<std::size_t>(std::upper_bound(cum, cum + communities, u) - cum);
      ++per_community[chosen < communities ? chosen : last_present[r]];
      // U(0, 1) quantised: the top 8 bits of a 64-bit word, each byte value equally likely.
      c.hardship[i] = static_cast<std::uint8_t>(
          rng::draw(seed, rng::stream_id(Stream::hardship), 0, i, 0) >> 56);
      c.risk_aversion[i] = static_cast<std::uint8_t>(
          rng::draw(seed, rng::stream_id(Stream::risk_aversion), 0, i, 0) >> 56);
    }
    // Within a locality, agents in community order: each community's memory row is read once.
    std::size_t i = begin[l];
    for (std::size_t com = 0; com < communities; ++com)
      for (std::uint32_t m = 0; m < per_community[com]; ++m)
        c.community[i++] = static_cast<std::uint8_t>(com);
  });
}

}  // namespace

std::size_t civilian_bytes_per_agent(const Civilians& c) {
  auto bytes = [](const auto& v) { return sizeof(typename std::decay_t<decltype(v)>::value_type); };
  return bytes(c.locality) + bytes(c.refuge) + bytes(c.community) + bytes(c.status) + bytes(c.actor) +
         bytes(c.hardship) + bytes(c.risk_aversion) + bytes(c.flags) + bytes(c.since);
}

Projection project_population(const RegionDef& region, const CensusDef& census, Date start) {
  const double span = years_between(census.previous, census.latest);
  const double ratio =
      static_cast<double>(region.population_2009) / static_cast<double>(region.population_1998);
  Projection p;
  p.growth_rate = std::pow(ratio, 1.0 / span) - 1.0;
  p.population = std::llround(static_cast<double>(region.population_2009) *
                              std::pow(ratio, years_between(census.latest, start) / span));
  return p;
}

World build_world(const SahelWorldDef& def, std::uint64_t seed) {
  if (def.regions.empty() || def.communities.empty())
    throw std::invalid_argument(
        "build_world: the Sahel world needs regions and communities "
        "(scenarios/sahel/world.yaml)");
  World w;
  w.calendar = Calendar(def.calendar.start, def.calendar.unit);
  w.steps = w.calendar.steps_until(def.calendar.end);
  w.people_per_agent = def.people_per_agent;

  build_regions(def, w);
  const std::size_t communities = def.communities.size();
  w.community_share.assign(w.regions.size() * communities, 0.0);
  for (std::size_t c = 0; c < communities; ++c) {
    w.community_names.push_back(def.communities[c].name);
    for (const CommunityShare& s : def.communities[c].shares) {
      const auto it = std::find(w.regions.name.begin(), w.regions.name.end(), s.region);
      if (it == w.regions.name.end())
        throw std::invalid_argument(
            fmt::format("unknown region '{}' in community shares", s.region));
      w.community_share[static_cast<std::size_t>(it - w.regions.name.begin()) * communities + c] =
          s.share;
    }
  }
  build_localities(def, seed, w);
  build_civilians(seed, w);
  return w;
}

}  // namespace insim::sahel
