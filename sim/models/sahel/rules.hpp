#pragma once
// The scenario's rules resolved against its world: names become indices and masks, once, so
// that the step never looks a name up. make_rules assumes the names were checked at load time
// (sahel_def.cpp) and throws std::invalid_argument if one was not.
#include <array>
#include <cstdint>
#include <vector>

#include "models/sahel/dynamics_def.hpp"
#include "models/sahel/model_actors.hpp"
#include "models/sahel/world.hpp"

namespace insim::sahel {

struct Rules {
  const DynamicsDef* def = nullptr;
  std::array<Side, kModelActors> side{};
  std::vector<std::uint8_t> operates;      // A x R: 1 where the actor may deploy
  std::vector<std::uint8_t> profiled;      // A x C: 1 for a community the actor profiles
  std::vector<float> affinity;             // A x C: the entries without regions
  std::vector<float> local_affinity;       // A x R x C: with the regional entries laid over them
  std::array<std::array<bool, kModelActors>, kModelActors> enemies{};  // symmetric
  std::vector<float> base_legitimacy;      // C
  std::vector<std::uint8_t> trafficking;   // R: 1 on a trafficking route

  [[nodiscard]] const ActorDef& actor(std::size_t a) const { return def->actors[a]; }
  [[nodiscard]] const MechanismsDef& on() const { return def->mechanisms; }
  [[nodiscard]] bool is_armed_group(std::size_t a) const {
    return !is_government_side(side[a]);
  }
};

[[nodiscard]] Rules make_rules(const DynamicsDef& def, const World& world);

}  // namespace insim::sahel
