#pragma once
// The Sahel model's world at step 0: regions, synthetic localities and civilian agents, built
// from a SahelWorldDef (docs/decisions/0001-sahel-model-design.md, Decisions 1-2). Everything is
// structure of arrays; agents are sorted by locality, and within a locality by community.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "models/sahel/sahel_world_def.hpp"

namespace insim::sahel {

enum class CivilianStatus : std::uint8_t { quiet, supporter, fighter, displaced, refugee, dead };
inline constexpr std::uint8_t kNoActor = 255;
inline constexpr std::uint16_t kAbroad = 0xFFFF;

struct Regions {
  std::vector<std::string> name;
  std::vector<double> latitude, longitude, area_km2;
  std::vector<double> remoteness, state_presence, hardship;
  std::vector<double> growth_rate;             // per year, from the two censuses
  std::vector<std::int64_t> population;        // people at the start date
  std::vector<std::uint32_t> agents;           // civilian agents at the start
  std::vector<std::uint32_t> locality_begin;   // size + 1: localities of region r are
                                               // [locality_begin[r], locality_begin[r + 1])
  std::vector<std::uint32_t> neighbour_begin;  // size + 1, into neighbour
  std::vector<std::uint16_t> neighbour;
  [[nodiscard]] std::size_t size() const { return name.size(); }
};

// Localities of a region are contiguous and in decreasing population: the first is the capital.
struct Localities {
  std::vector<std::uint16_t> region;
  std::vector<std::uint32_t> population;   // people at the start date
  std::vector<std::uint32_t> agent_begin;  // size + 1: agents of locality l are
                                           // [agent_begin[l], agent_begin[l + 1])
  [[nodiscard]] std::size_t size() const { return region.size(); }
};

// The design's 16 bytes per agent.
struct Civilians {
  std::vector<std::uint32_t> locality;      // home locality, fixed: agents stay sorted by it
  std::vector<std::uint16_t> refuge;        // region where the agent is: its home region, the
                                            // region it fled to, or kAbroad for a refugee
  std::vector<std::uint8_t> community;      // index into World::community_names
  std::vector<std::uint8_t> status;         // CivilianStatus
  std::vector<std::uint8_t> actor;          // armed actor supported or joined, kNoActor = none
  std::vector<std::uint8_t> hardship;       // H = hardship / 255
  std::vector<std::uint8_t> risk_aversion;  // R = risk_aversion / 255
  std::vector<std::uint8_t> flags;
  std::vector<std::uint32_t> since;  // step of the last status change
  [[nodiscard]] std::size_t size() const { return locality.size(); }
};

inline constexpr std::size_t kCivilianBytes = sizeof(std::uint32_t) + sizeof(std::uint16_t) +
                                              6 * sizeof(std::uint8_t) + sizeof(std::uint32_t);
static_assert(kCivilianBytes == 16, "the design's civilian record is 16 bytes");

// Bytes per agent actually held by the civilian arrays' element types.
[[nodiscard]] std::size_t civilian_bytes_per_agent(const Civilians& c);

[[nodiscard]] inline double unit_from_byte(std::uint8_t q) { return q / 255.0; }

struct World {
  Calendar calendar{Date{2012, 1, 1}, StepUnit::week};
  std::int64_t steps = 0;  // covering calendar.start .. end
  std::int64_t people_per_agent = 1;
  std::vector<std::string> community_names;
  std::vector<double> community_share;  // regions x communities, row-major
  Regions regions;
  Localities localities;
  Civilians civilians;
};

// The region's population at `start`, growing at its 1998-2009 census rate; also the rate.
struct Projection {
  double growth_rate = 0.0;  // per year
  std::int64_t population = 0;
};
[[nodiscard]] Projection project_population(const RegionDef& region, const CensusDef& census,
                                            Date start);

// Builds the world at step 0. Deterministic in (def, seed) for any thread count. Throws
// std::invalid_argument when the Def has no regions or no communities.
[[nodiscard]] World build_world(const SahelWorldDef& def, std::uint64_t seed);

}  // namespace insim::sahel
