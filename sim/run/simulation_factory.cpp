#include "run/simulation_factory.hpp"

#include <stdexcept>

#include "models/epstein/epstein_model.hpp"
#include "models/sahel/sahel_model.hpp"

namespace insim {

std::unique_ptr<Simulation> make_simulation(const ScenarioDef& def, std::uint64_t seed) {
  switch (def.model) {
    case ModelKind::epstein:
      return std::make_unique<epstein::EpsteinModel>(def.epstein, seed);
    case ModelKind::sahel:
      return std::make_unique<sahel::SahelModel>(def.sahel, seed);
  }
  throw std::logic_error("make_simulation: a model kind without a Simulation");
}

}  // namespace insim
