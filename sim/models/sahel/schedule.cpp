#include "models/sahel/schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace insim::sahel {

double ForceTrack::at(Date d) const {
  if (days.empty()) return 0.0;
  std::int64_t t = days_from_civil(d);
  if (hold_from) t = std::min(t, *hold_from);
  if (t <= days.front()) return people.front() * share;
  if (t >= days.back()) return people.back() * share;
  const auto hi = static_cast<std::size_t>(std::upper_bound(days.begin(), days.end(), t) -
                                           days.begin());
  const std::size_t lo = hi - 1;
  const double f = static_cast<double>(t - days[lo]) / static_cast<double>(days[hi] - days[lo]);
  return (people[lo] + f * (people[hi] - people[lo])) * share;
}

Schedule make_schedule(const TimelineDef& timeline, const ForcesDef& forces,
                       const DynamicsDef& dynamics, const World& world) {
  Schedule s;
  const auto& drop = dynamics.changes.drop_events;
  std::vector<const EventDef*> chosen;
  for (const EventDef& e : timeline.events)
    if (std::find(drop.begin(), drop.end(), e.id) == drop.end()) chosen.push_back(&e);
  for (const EventDef& e : dynamics.changes.add_events) chosen.push_back(&e);
  std::stable_sort(chosen.begin(), chosen.end(),
                   [](const EventDef* a, const EventDef* b) { return a->date < b->date; });
  for (const EventDef* e : chosen) {
    ScheduledEvent ev;
    ev.step = std::max<std::int64_t>(0, world.calendar.step_of(e->date));
    ev.def = e;
    for (const auto& name : e->regions) {
      const auto it = std::find(world.regions.name.begin(), world.regions.name.end(), name);
      if (it == world.regions.name.end())
        throw std::invalid_argument(
            fmt::format("event '{}' names region '{}', which the world lacks", e->id, name));
      ev.regions.push_back(static_cast<std::uint16_t>(it - world.regions.name.begin()));
    }
    s.events.push_back(std::move(ev));
  }

  // A model actor's strength is its own series (not Katiba Macina's inside JNIM's), counted in
  // Mali when the file has such a series, else the Sahel-wide one times the actor's mali_share.
  for (const bool in_mali : {true, false}) {
    for (const ForceSeriesDef& series : forces.series) {
      const auto m = model_actor(series.actor_id());
      if (!m || series.actor_id() != timeline_actor(*m)) continue;
      if ((series.force_scope() == ForceScope::mali) != in_mali) continue;
      ForceTrack& track = s.forces[index(*m)];
      if (!track.empty()) continue;
      for (const ForcePoint& p : series.points) {
        track.days.push_back(days_from_civil(p.date));
        track.people.push_back(0.5 * static_cast<double>(p.low + p.high));
      }
      if (!in_mali) track.share = dynamics.actors[index(*m)].mali_share;
    }
  }
  for (const HoldForce& h : dynamics.changes.hold_forces) {
    const auto m = model_actor(static_cast<Actor>(h.actor));
    if (m) s.forces[index(*m)].hold_from = days_from_civil(h.from);
  }
  return s;
}

}  // namespace insim::sahel
