#include "models/sahel/sahel_world_def.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "scenario/schema.hpp"

namespace insim::sahel {

namespace {

constexpr std::int64_t kMaxPeople = 1'000'000'000;
constexpr double kShareTolerance = 1e-6;

void describe_region(scenario::Schema& s, RegionDef& r) {
  s.text("name", r.name, "region name, as communities and neighbours refer to it");
  s.text("capital", r.capital, "the region's capital town");
  s.real("latitude", r.latitude, -90.0, 90.0, "latitude of the capital, degrees");
  s.real("longitude", r.longitude, -180.0, 180.0, "longitude of the capital, degrees");
  s.real("area_km2", r.area_km2, 0.0, 1e7, "area, km2");
  s.integer("population_1998", r.population_1998, 0, kMaxPeople, "1998 census population");
  s.integer("population_2009", r.population_2009, 0, kMaxPeople, "2009 census population");
  s.integer("population_2022", r.population_2022, 0, kMaxPeople,
            "2022 census population within the same boundaries (0 = unknown)");
  s.real("remoteness", r.remoteness, 0.0, 1.0, "distance from Bamako, 1 = farthest region");
  s.real("state_presence_2012", r.state_presence_2012, 0.0, 1.0,
         "presence of the state (administration, army, services) at the start, 1 = full");
  s.real("hardship", r.hardship, 0.0, 1.0, "mean hardship (poverty, neglect) of the region");
  r.neighbours.resize(s.list_size("neighbours", r.neighbours.size(),
                                  "regions sharing a border with this one (symmetric)"));
  for (std::size_t j = 0; j < r.neighbours.size(); ++j)
    s.text(fmt::format("neighbours[{}]", j), r.neighbours[j], "a neighbouring region's name");
  s.require(r.population_1998 > 0 && r.population_2009 > 0, "population_2009",
            fmt::format("region '{}' needs its 1998 and 2009 census populations (got {} and {})",
                        r.name, r.population_1998, r.population_2009));
}

void describe_community(scenario::Schema& s, CommunityDef& c) {
  s.text("name", c.name, "community (ethnic group) name");
  s.real("national_share", c.national_share, 0.0, 1.0, "share of Mali's population");
  c.shares.resize(s.list_size("shares", c.shares.size(), "the community's share in each region"));
  for (std::size_t j = 0; j < c.shares.size(); ++j) {
    scenario::Schema::Section element(s, fmt::format("shares[{}]", j));
    s.text("region", c.shares[j].region, "region name");
    s.real("share", c.shares[j].share, 0.0, 1.0, "share of the region's population");
  }
}

std::string joined_names(const std::vector<RegionDef>& regions) {
  std::string out;
  for (const auto& r : regions) out += (out.empty() ? "" : ", ") + r.name;
  return out;
}

std::ptrdiff_t find_region(const std::vector<RegionDef>& regions, const std::string& name) {
  const auto it = std::find_if(regions.begin(), regions.end(),
                               [&](const RegionDef& r) { return r.name == name; });
  return it == regions.end() ? -1 : it - regions.begin();
}

void check_regions(scenario::Schema& s, const std::vector<RegionDef>& regions) {
  s.require(regions.size() <= std::numeric_limits<std::uint16_t>::max(), "regions",
            fmt::format("at most {} regions, got {}", std::numeric_limits<std::uint16_t>::max(),
                        regions.size()));
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const RegionDef& r = regions[i];
    s.require(!r.name.empty(), fmt::format("regions[{}].name", i), "a region needs a name");
    s.require(find_region(regions, r.name) == static_cast<std::ptrdiff_t>(i),
              fmt::format("regions[{}].name", i),
              fmt::format("region '{}' is declared twice", r.name));
    for (std::size_t j = 0; j < r.neighbours.size(); ++j) {
      const std::string key = fmt::format("regions[{}].neighbours[{}]", i, j);
      const std::string& other = r.neighbours[j];
      const auto k = find_region(regions, other);
      if (k < 0) {
        s.require(false, key,
                  fmt::format("unknown region '{}' among the neighbours of '{}'; the regions are: "
                              "{}",
                              other, r.name, joined_names(regions)));
        continue;
      }
      s.require(other != r.name, key,
                fmt::format("region '{}' lists itself as a neighbour", other));
      s.require(std::find(r.neighbours.begin(), r.neighbours.begin() + j, other) ==
                    r.neighbours.begin() + j,
                key,
                fmt::format("'{}' is listed twice among the neighbours of '{}'", other, r.name));
      const auto& back = regions[k].neighbours;
      s.require(std::find(back.begin(), back.end(), r.name) != back.end(), key,
                fmt::format("adjacency must be symmetric: '{}' lists '{}' as a neighbour but '{}' "
                            "does not list '{}'",
                            r.name, other, other, r.name));
    }
  }
}

void check_communities(scenario::Schema& s, const std::vector<RegionDef>& regions,
                       const std::vector<CommunityDef>& communities) {
  s.require(communities.size() <= 255, "communities",
            fmt::format("at most 255 communities, got {}", communities.size()));
  std::vector<double> sums(regions.size(), 0.0);
  for (std::size_t c = 0; c < communities.size(); ++c) {
    const CommunityDef& com = communities[c];
    s.require(!com.name.empty(), fmt::format("communities[{}].name", c),
              "a community needs a name");
    for (std::size_t d = 0; d < c; ++d)
      s.require(communities[d].name != com.name, fmt::format("communities[{}].name", c),
                fmt::format("community '{}' is declared twice", com.name));
    for (std::size_t j = 0; j < com.shares.size(); ++j) {
      const std::string key = fmt::format("communities[{}].shares[{}].region", c, j);
      const auto r = find_region(regions, com.shares[j].region);
      if (r < 0) {
        s.require(false, key,
                  fmt::format("unknown region '{}' in the shares of '{}'; the regions are: {}",
                              com.shares[j].region, com.name, joined_names(regions)));
        continue;
      }
      bool repeated = false;
      for (std::size_t i = 0; i < j; ++i) repeated |= com.shares[i].region == com.shares[j].region;
      s.require(!repeated, key,
                fmt::format("region '{}' appears twice in the shares of '{}'", com.shares[j].region,
                            com.name));
      sums[r] += com.shares[j].share;
    }
  }
  for (std::size_t r = 0; r < regions.size(); ++r) {
    s.require(std::abs(sums[r] - 1.0) <= kShareTolerance, "communities",
              fmt::format("the community shares of region '{}' must sum to 1 (within {:g}), got "
                          "{:.9g}",
                          regions[r].name, kShareTolerance, sums[r]));
  }
}

}  // namespace

void describe(scenario::Schema& s, SahelWorldDef& d) {
  {
    scenario::Schema::Section calendar(s, "calendar");
    s.date("start", d.calendar.start, "first day of step 0");
    s.date("end", d.calendar.end, "last day simulated (inclusive)");
    scenario::choice(s, "step", d.calendar.unit, kStepUnitNames, "length of one step");
    s.require(d.calendar.start < d.calendar.end, "end",
              fmt::format("the end {} must come after the start {}", to_string(d.calendar.end),
                          to_string(d.calendar.start)));
  }
  {
    scenario::Schema::Section census(s, "census");
    s.date("previous", d.census.previous, "date of the earlier census (population_1998)");
    s.date("latest", d.census.latest, "date of the later census (population_2009)");
    s.require(d.census.previous < d.census.latest && d.census.latest <= d.calendar.start, "latest",
              fmt::format("census dates must satisfy previous < latest <= calendar.start, got {}, "
                          "{} and {}",
                          to_string(d.census.previous), to_string(d.census.latest),
                          to_string(d.calendar.start)));
  }
  s.integer("people_per_agent", d.people_per_agent, 1, 1'000'000,
            "k: people each civilian agent stands for (1 = one agent per person)");

  d.regions.resize(s.list_size("regions", d.regions.size(), "regions of Mali at the start"));
  for (std::size_t i = 0; i < d.regions.size(); ++i) {
    scenario::Schema::Section element(s, fmt::format("regions[{}]", i));
    describe_region(s, d.regions[i]);
  }
  d.communities.resize(
      s.list_size("communities", d.communities.size(), "communities and their regional shares"));
  for (std::size_t c = 0; c < d.communities.size(); ++c) {
    scenario::Schema::Section element(s, fmt::format("communities[{}]", c));
    describe_community(s, d.communities[c]);
  }
  {
    scenario::Schema::Section localities(s, "localities");
    s.real("median_size", d.localities.median_size, 1.0, 1e8,
           "median locality population (lognormal law), people");
    s.real("sigma", d.localities.sigma, 0.0, 5.0, "sigma of log locality population");
    s.integer("min_size", d.localities.min_size, 1, kMaxPeople,
              "smallest locality population before scaling to the region's total, people");
  }
  check_regions(s, d.regions);
  check_communities(s, d.regions, d.communities);
}

}  // namespace insim::sahel
