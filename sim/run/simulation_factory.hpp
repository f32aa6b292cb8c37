#pragma once
// The one place that maps a scenario's model kind to the Simulation that runs it.
#include <cstdint>
#include <memory>

#include "engine/simulation.hpp"
#include "models/scenario_def.hpp"

namespace insim {

[[nodiscard]] std::unique_ptr<Simulation> make_simulation(const ScenarioDef& def,
                                                          std::uint64_t seed);

}  // namespace insim
