#include "models/scenario_def.hpp"

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
  }
}

}  // namespace insim
