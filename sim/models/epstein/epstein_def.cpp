#include "models/epstein/epstein_def.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <utility>

#include "scenario/schema.hpp"

namespace insim::epstein {

double Schedule::at(std::int64_t step) const {
  switch (kind) {
    case ScheduleKind::constant: return initial;
    case ScheduleKind::drop: return step < start ? initial : final_value;
    case ScheduleKind::linear: {
      if (step <= start) return initial;
      if (step >= end) return final_value;
      const double f = static_cast<double>(step - start) / static_cast<double>(end - start);
      return initial + (final_value - initial) * f;
    }
  }
  return initial;
}

namespace {
void describe_schedule(scenario::Schema& s, std::string_view key, Schedule& sc, double min,
                       double max, std::string_view what) {
  scenario::Schema::Section section(s, key);
  choice(s, "schedule", sc.kind, kScheduleKindNames,
         "constant; drop (one-step change at `start`); linear (from `start` to `end`)");
  s.real("initial", sc.initial, min, max, fmt::format("{} at step 0", what));
  // A constant schedule's final value is its initial value unless the file says otherwise.
  if (sc.kind == ScheduleKind::constant) sc.final_value = sc.initial;
  s.real("final", sc.final_value, min, max,
         fmt::format("{} after the change (drop, linear)", what));
  s.integer("start", sc.start, 0, 1'000'000'000, "step at which the change starts");
  s.integer("end", sc.end, 0, 1'000'000'000, "step at which a linear change ends");
  s.require(sc.kind != ScheduleKind::linear || sc.end > sc.start, "end",
            fmt::format("a linear schedule needs end > start, got start {} and end {}", sc.start,
                        sc.end));
}
}  // namespace

void describe(scenario::Schema& s, EpsteinDef& d) {
  s.integer("width", d.width, 3, 100'000, "torus width in cells");
  s.integer("height", d.height, 3, 100'000, "torus height in cells");
  s.real("citizen_density", d.citizen_density, 0.0, 1.0,
         "share of cells holding a citizen at the start");
  describe_schedule(s, "cop_density", d.cop_density, 0.0, 1.0, "share of cells holding a cop");
  s.integer("citizen_vision", d.citizen_vision, 1, 100, "v: citizens' vision radius, cells");
  s.integer("cop_vision", d.cop_vision, 1, 100, "v*: cops' vision radius, cells");
  describe_schedule(s, "legitimacy", d.legitimacy, 0.0, 1.0, "L: regime legitimacy");
  s.real("arrest_constant", d.arrest_constant, 0.0, 1000.0,
         "k in P = 1 - exp(-k * C/A); 2.3 gives P = 0.9 at C/A = 1");
  s.real("threshold", d.threshold, -1.0, 1.0, "T: a citizen turns active when G - N > T");
  s.integer("max_jail_term", d.max_jail_term, 0, 1'000'000, "J: longest jail term, steps");
  choice(s, "jail_draw", d.jail_draw, kJailDrawNames,
         "exclusive: U{0..J-1} (NetLogo); inclusive: U{0..J} (Mesa)");
  choice(s, "arrest_rule", d.arrest_rule, kArrestRuleNames,
         "floor (NetLogo), round (Mesa) or continuous (paper) C/A in the arrest probability");
  choice(s, "self_count", d.self_count, kSelfCountNames,
         "once: A = 1 + other actives (Mesa); twice: an active agent counts itself again "
         "(NetLogo)");
  choice(s, "vision_shape", d.vision_shape, kVisionShapeNames,
         "von_neumann (Mesa), moore, or euclidean (NetLogo's in-radius)");
  s.boolean("movement", d.movement, "whether agents move to a random empty cell in vision");
  choice(s, "activation", d.activation, kActivationNames,
         "sequential random activation, or parallel synchronous activation");
  choice(s, "step_order", d.step_order, kStepOrderNames,
         "sequential only: move then act (NetLogo) or act then move (Mesa)");

  for (auto [key, v] :
       {std::pair{"citizen_vision", d.citizen_vision}, std::pair{"cop_vision", d.cop_vision}}) {
    s.require(2 * v + 1 <= std::min(d.width, d.height), key,
              fmt::format("vision {} needs a torus at least 2v + 1 = {} cells wide and high (got "
                          "{} x {}), so that no cell is seen twice around the torus",
                          v, 2 * v + 1, d.width, d.height));
  }

  const double occupied =
      d.citizen_density + std::max(d.cop_density.initial, d.cop_density.final_value);
  s.require(occupied <= 1.0, "cop_density",
            fmt::format("citizen_density + cop_density must be at most 1 (one agent per cell), "
                        "got {:.4g}",
                        occupied));
}

}  // namespace insim::epstein
