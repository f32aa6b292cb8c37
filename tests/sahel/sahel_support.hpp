#pragma once
// Loading the Sahel world from a scenario file, for the tests.
#include <catch2/catch.hpp>
#include <filesystem>
#include <vector>

#include "core/error.hpp"
#include "models/sahel/sahel_world_def.hpp"
#include "scenario/loader/loader.hpp"

namespace insim::test {

inline std::filesystem::path sahel_world_file() {
  return std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "sahel" / "world.yaml";
}

struct LoadedWorld {
  sahel::SahelWorldDef def;
  scenario::LoadResult info;
};

inline LoadedWorld load_world(const std::filesystem::path& file) {
  LoadedWorld out;
  out.info = scenario::load(file, {}, [&out](scenario::Schema& s) {
    scenario::Schema::Section a(s, "sahel");
    scenario::Schema::Section b(s, "world");
    describe(s, out.def);
  });
  return out;
}

// Checks that every value the file sets (not defaults, not list sizes) names a source, and
// returns how many values the file sets.
inline std::size_t count_sourced_values(const scenario::LoadResult& info) {
  std::size_t from_file = 0;
  for (const auto& f : info.fields) {
    if (f.origin == "default" || f.type == "list") continue;
    ++from_file;
    INFO(f.path << " set at " << f.origin);
    CHECK_FALSE(f.source.empty());
    CHECK(f.source_kind != scenario::SourceKind::unstated);
  }
  return from_file;
}

// The problems `load(file)` reports; fails the test when the file loads cleanly.
template <class Load>
std::vector<Diagnostic> problems_when_loading(Load&& load, const std::filesystem::path& file) {
  try {
    (void)load(file);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  FAIL("expected the file to be rejected: " << file);
  return {};
}

inline std::vector<Diagnostic> world_problems(const std::filesystem::path& file) {
  return problems_when_loading(load_world, file);
}

}  // namespace insim::test
