#include "phased_sahel.hpp"

#include "models/sahel/sahel_model.hpp"

namespace insim::sahel {

PhasedSahel::PhasedSahel(const SahelDef& def, std::uint64_t seed)
    : def_(std::make_unique<const SahelDef>(def)), seed_(seed) {
  World world = build_world(def_->world, seed_);
  rules_ = make_rules(def_->dynamics, world);
  schedule_ = make_schedule(def_->timeline, def_->forces, def_->dynamics, world);
  state_ = make_state(std::move(world), inputs());
}

void PhasedSahel::phases_before_civilians() {
  const Inputs in = inputs();
  begin_week(state_, in);
  apply_events(state_, in);
  deploy_forces(state_, in);
  fight(state_, in);
  harm_civilians(state_, in);
}

void PhasedSahel::civilians() { decide_civilians(state_, inputs()); }

void PhasedSahel::phases_after_civilians() {
  update_control_and_politics(state_, inputs());
  ++state_.step;
}

bool matches_model(const SahelDef& def, std::uint64_t seed, std::int64_t steps) {
  SahelModel model(def, seed);
  PhasedSahel phased(def, seed);
  for (std::int64_t t = 0; t < steps; ++t) {
    model.step();
    phased.step();
  }
  const State& a = model.state();
  const State& b = phased.state();
  const auto& ca = a.world.civilians;
  const auto& cb = b.world.civilians;
  return a.step == b.step && ca.status == cb.status && ca.actor == cb.actor &&
         ca.refuge == cb.refuge && a.control == b.control && a.actor.strength == b.actor.strength &&
         a.actor.cohesion == b.actor.cohesion && a.legitimacy == b.legitimacy;
}

}  // namespace insim::sahel
