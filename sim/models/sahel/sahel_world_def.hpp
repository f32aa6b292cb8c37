#pragma once
// The Sahel model's world as a scenario declares it: calendar, scale, Mali's regions, its
// communities and the law of locality sizes. The data with their sources live in
// scenarios/sahel/world.yaml; the defaults here are the calendar and scale only, so that a Def
// with no file is valid (and empty). docs/decisions/0001-sahel-model-design.md, Decisions 1-2.
//
// Regions are those of 2012 (8 regions + Bamako district). Ménaka and Taoudénit, carved out of
// Gao and Tombouctou in 2016, are not separate regions: the 2009 census, the model's starting
// population, counts them inside Gao and Tombouctou, and the model starts in 2012.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"

namespace insim::scenario {
class Schema;
}

namespace insim::sahel {

inline constexpr std::array<std::string_view, 2> kStepUnitNames{"day", "week"};

struct CalendarDef {
  Date start{2012, 1, 1};
  Date end{2030, 12, 31};
  StepUnit unit = StepUnit::week;
};

// Population growth to the start date is the region's own rate between the two complete
// censuses with the 2012 boundaries (1998 and 2009), continued to `calendar.start`.
struct CensusDef {
  Date previous{1998, 4, 1};  // RGPH 1998 enumeration
  Date latest{2009, 4, 1};    // RGPH 2009 enumeration
};

struct RegionDef {
  std::string name;
  std::string capital;
  double latitude = 0.0;   // of the capital, degrees
  double longitude = 0.0;  // of the capital, degrees
  double area_km2 = 0.0;
  std::int64_t population_1998 = 0;
  std::int64_t population_2009 = 0;
  std::int64_t population_2022 = 0;  // 0 = unknown
  double remoteness = 0.0;           // [0, 1], 1 = farthest from Bamako
  double state_presence_2012 = 0.0;  // [0, 1]
  double hardship = 0.0;             // [0, 1], mean level of the region
  std::vector<std::string> neighbours;
};

struct CommunityShare {
  std::string region;
  double share = 0.0;  // of the region's population
};

struct CommunityDef {
  std::string name;
  double national_share = 0.0;  // of Mali's population, for checking the regional shares
  std::vector<CommunityShare> shares;
};

// Locality sizes s = max(min_size, median * exp(sigma * Z)), Z standard normal, then scaled so
// that the region's localities hold its population; a region holds
// round(population / (median * exp(sigma^2 / 2))) localities (its population over the mean).
struct LocalityDef {
  double median_size = 10'000.0;  // people
  double sigma = 1.0;
  std::int64_t min_size = 500;  // people, before scaling
};

struct SahelWorldDef {
  CalendarDef calendar;
  CensusDef census;
  std::int64_t people_per_agent = 100;  // k: one agent stands for k people
  std::vector<RegionDef> regions;
  std::vector<CommunityDef> communities;
  LocalityDef localities;
};

// Declares every field under the current section (the caller opens "sahel", "world").
void describe(scenario::Schema& schema, SahelWorldDef& def);

}  // namespace insim::sahel
