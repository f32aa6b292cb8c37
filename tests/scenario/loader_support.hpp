#pragma once
// Helpers for the loader tests: fixture paths, scratch scenario files, loading a ScenarioDef.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "models/scenario_def.hpp"
#include "scenario/loader/loader.hpp"
#include "support/scratch_folder.hpp"

namespace insim::test {

inline std::filesystem::path fixture(std::string_view relative) {
  return std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "fixtures" / relative;
}

struct Loaded {
  ScenarioDef def;
  scenario::LoadResult info;
};

inline Loaded load_def(const std::filesystem::path& file,
                       const std::vector<scenario::Override>& overrides = {}) {
  Loaded out;
  out.info = scenario::load(file, overrides, [&out](scenario::Schema& s) { describe(s, out.def); });
  return out;
}

// The problems a load reports; fails the test when it loads cleanly.
inline std::vector<Diagnostic> problems_of(const std::filesystem::path& file,
                                           const std::vector<scenario::Override>& overrides = {}) {
  try {
    (void)load_def(file, overrides);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  FAIL("expected the scenario to be rejected: " << file);
  return {};
}

inline const scenario::FieldRecord& field(const scenario::LoadResult& r, std::string_view path) {
  for (const auto& f : r.fields)
    if (f.path == path) return f;
  FAIL("no field " << path);
  throw std::logic_error("unreachable");
}

// The one problem reported; fails the test when there are none or several.
inline Diagnostic only_problem(const std::vector<Diagnostic>& problems) {
  INFO(InputError(problems).what());
  REQUIRE(problems.size() == 1);
  return problems.front();
}

}  // namespace insim::test
