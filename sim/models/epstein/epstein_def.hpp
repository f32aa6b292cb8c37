#pragma once
// Parameters of the Epstein (2002) civil violence model, Model I. Defaults are NetLogo's
// Rebellion model (Wilensky 2004), the most widely run implementation. Every point where the
// known implementations depart from each other or from the paper's text is a named option;
// docs/ODD.md says which implementation each value comes from.
#include <array>
#include <cstdint>
#include <string_view>

namespace insim::scenario {
class Schema;
}

namespace insim::epstein {

// Estimated arrest probability P = 1 - exp(-k * f(C / A)).
enum class ArrestRule {
  floor,      // f = floor: NetLogo Rebellion; gives punctuated equilibrium
  round,      // f = round half to even: Mesa (Python's round)
  continuous  // f = identity: the paper's formula as printed
};
inline constexpr std::array<std::string_view, 3> kArrestRuleNames{"floor", "round", "continuous"};

// How an active citizen counts itself in A (actives in vision).
enum class SelfCount {
  once,  // A = 1 + other actives in vision (Mesa; the paper's "including self")
  twice  // A = 1 + actives in vision including self (NetLogo: an active agent counts twice)
};
inline constexpr std::array<std::string_view, 2> kSelfCountNames{"once", "twice"};

// Which cells lie within vision radius v.
enum class VisionShape {
  von_neumann,  // |dx| + |dy| <= v (Mesa's get_neighborhood, moore=False)
  moore,        // max(|dx|, |dy|) <= v
  euclidean     // dx^2 + dy^2 <= v^2 (NetLogo's in-radius)
};
inline constexpr std::array<std::string_view, 3> kVisionShapeNames{"von_neumann", "moore",
                                                                   "euclidean"};

// Jail term drawn uniformly on the integers.
enum class JailDraw {
  exclusive,  // 0 .. J-1 (NetLogo: random max-jail-term)
  inclusive   // 0 .. J (Mesa: randint(0, J); the paper's U(0, J))
};
inline constexpr std::array<std::string_view, 2> kJailDrawNames{"exclusive", "inclusive"};

enum class Activation {
  sequential,  // all agents in a fresh random order each step, each acting on the current state
  parallel     // synchronous: moves proposed on the state of step t, conflicts resolved by a
               // deterministic priority, then decisions, then arrests
};
inline constexpr std::array<std::string_view, 2> kActivationNames{"sequential", "parallel"};

// Sequential activation only: NetLogo moves then acts; Mesa acts then moves.
enum class StepOrder { move_then_act, act_then_move };
inline constexpr std::array<std::string_view, 2> kStepOrderNames{"move_then_act", "act_then_move"};

// A value over time: constant; a one-step change at `start`; or a linear change from `start`
// to `end` (value at step t interpolates between initial at start and final at end).
enum class ScheduleKind { constant, drop, linear };
inline constexpr std::array<std::string_view, 3> kScheduleKindNames{"constant", "drop", "linear"};

struct Schedule {
  ScheduleKind kind = ScheduleKind::constant;
  double initial = 0.0;
  double final_value = 0.0;
  std::int64_t start = 0;
  std::int64_t end = 0;

  [[nodiscard]] double at(std::int64_t step) const;
};

struct EpsteinDef {
  std::int64_t width = 40;   // torus columns
  std::int64_t height = 40;  // torus rows
  double citizen_density = 0.7;
  Schedule cop_density{ScheduleKind::constant, 0.04, 0.04, 0, 0};
  std::int64_t citizen_vision = 7;                                // v, in cells
  std::int64_t cop_vision = 7;                                    // v*, in cells
  Schedule legitimacy{ScheduleKind::constant, 0.82, 0.82, 0, 0};  // L
  double arrest_constant = 2.3;                                   // k
  double threshold = 0.1;                                         // T
  std::int64_t max_jail_term = 30;                                // J, in steps
  JailDraw jail_draw = JailDraw::exclusive;
  ArrestRule arrest_rule = ArrestRule::floor;
  SelfCount self_count = SelfCount::twice;
  VisionShape vision_shape = VisionShape::euclidean;
  bool movement = true;
  Activation activation = Activation::sequential;
  StepOrder step_order = StepOrder::move_then_act;
};

// Declares every field under the current section (the caller opens "epstein").
void describe(scenario::Schema& schema, EpsteinDef& def);

}  // namespace insim::epstein
