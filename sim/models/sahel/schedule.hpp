#pragma once
// The history a run replays, resolved once: the timeline's events without those a
// counterfactual drops, with those it adds, each on the step whose week holds its date (events
// before the start happen at step 0); and each force's strength as a function of the date.
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/calendar.hpp"
#include "models/sahel/dynamics_def.hpp"
#include "models/sahel/model_actors.hpp"
#include "models/sahel/timeline_def.hpp"
#include "models/sahel/world.hpp"

namespace insim::sahel {

struct ScheduledEvent {
  std::int64_t step = 0;
  const EventDef* def = nullptr;
  std::vector<std::uint16_t> regions;  // indices into the world's regions; empty = national
};

// One actor's strength over time: the mid-point of each dated range, linear in between, flat
// before the first and after the last point, frozen from `hold` on if a counterfactual says so.
struct ForceTrack {
  std::vector<std::int64_t> days;  // days_from_civil of each point
  std::vector<double> people;
  std::optional<std::int64_t> hold_from;  // days_from_civil
  double share = 1.0;                     // of a Sahel-wide series, the part in Mali
  [[nodiscard]] bool empty() const { return days.empty(); }
  [[nodiscard]] double at(Date d) const;
};

struct Schedule {
  std::vector<ScheduledEvent> events;  // by step, then in timeline order
  std::array<ForceTrack, kModelActors> forces;
};

// Throws std::invalid_argument for a region name the world lacks (checked at load time).
[[nodiscard]] Schedule make_schedule(const TimelineDef& timeline, const ForcesDef& forces,
                                     const DynamicsDef& dynamics, const World& world);

}  // namespace insim::sahel
