#pragma once
// A whole scenario: which model, how long, which seed, what to record, and the model's Def.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "models/epstein/epstein_def.hpp"
#include "models/sahel/sahel_def.hpp"

namespace insim {

namespace scenario {
class Schema;
}

enum class ModelKind { epstein, sahel };
inline constexpr std::array<std::string_view, 2> kModelKindNames{"epstein", "sahel"};

struct RunDef {
  std::int64_t steps = 500;
  std::int64_t seed = 1;          // replicate i of an ensemble uses seed + i
  std::int64_t record_every = 1;  // write a timeseries row every n steps
};

struct ScenarioDef {
  ModelKind model = ModelKind::epstein;
  std::string name;
  std::string description;
  RunDef run;
  epstein::EpsteinDef epstein;
  sahel::SahelDef sahel;
};

// Declares every field of the scenario: model, name, description, run.*, and the chosen
// model's section (epstein.* or sahel.*). A section for another model is then an unknown key.
void describe(scenario::Schema& schema, ScenarioDef& def);

}  // namespace insim
