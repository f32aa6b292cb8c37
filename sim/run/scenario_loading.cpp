#include "run/scenario_loading.hpp"

namespace insim {

LoadedScenario load_scenario_file(const std::filesystem::path& file,
                                  std::span<const scenario::Override> overrides) {
  LoadedScenario out;
  out.info = scenario::load(file, overrides,
                            [&out](scenario::Schema& schema) { describe(schema, out.def); });
  return out;
}

}  // namespace insim
