#include "models/scenario_def.hpp"

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "scenario/schema.hpp"

namespace insim {

void describe(scenario::Schema& s, ScenarioDef& d) {
  choice(s, "model", d.model, kModelKindNames, "which model the scenario runs");
  s.text("name", d.name, "short name shown in outputs and reports");
  s.text("description", d.description, "what the scenario represents");
  {
    scenario::Schema::Section run(s, "run");
    s.integer("steps", d.run.steps, 1, 1'000'000'000, "number of steps to simulate");
    s.integer("seed", d.run.seed, 0, 9'007'199'254'740'991,
              "random seed; same seed and scenario give bit-identical output");
    s.integer("record_every", d.run.record_every, 1, 1'000'000'000,
              "write one timeseries row every n steps");
  }
  switch (d.model) {
    case ModelKind::epstein: {
      scenario::Schema::Section section(s, "epstein");
      epstein::describe(s, d.epstein);
      break;
    }
    case ModelKind::sahel: {
      {
        scenario::Schema::Section section(s, "sahel");
        sahel::describe(s, d.sahel);
      }
      // The calendar decides how long a Sahel run can be; run.steps may stop it earlier.
      const Calendar calendar(d.sahel.world.calendar.start, d.sahel.world.calendar.unit);
      const std::int64_t covered = d.sahel.world.calendar.end < d.sahel.world.calendar.start
                                       ? 0
                                       : calendar.steps_until(d.sahel.world.calendar.end);
      s.require(d.run.steps <= covered, "run.steps",
                fmt::format("run.steps is {} but the calendar {} to {} covers {} steps",
                            d.run.steps, to_string(d.sahel.world.calendar.start),
                            to_string(d.sahel.world.calendar.end), covered));
      break;
    }
  }
}

}  // namespace insim
