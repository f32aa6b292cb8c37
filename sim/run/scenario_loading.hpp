#pragma once
// A scenario file read into a ScenarioDef, with the record of every value and where it came from.
#include <filesystem>
#include <span>

#include "models/scenario_def.hpp"
#include "scenario/loader/loader.hpp"

namespace insim {

struct LoadedScenario {
  ScenarioDef def;
  scenario::LoadResult info;
};

// Throws InputError listing every problem in the file, what it extends, and the overrides.
[[nodiscard]] LoadedScenario load_scenario_file(const std::filesystem::path& file,
                                                std::span<const scenario::Override> overrides = {});

}  // namespace insim
