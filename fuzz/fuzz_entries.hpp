#pragma once
// What the fuzz targets feed their bytes to (docs/fuzzing.md). The fuzzers (clang, libFuzzer) and
// the regression test that replays every input they ever found (tests/fuzz, gcc) call the same
// functions, so a kept input is checked exactly as it was found.
//
// The contract under test: any bytes give either an accepted scenario or an InputError whose every
// problem names a file and says what is wrong. Any other exception, a crash, a sanitizer report or
// a hang is a bug; these functions let such exceptions through, to the fuzzer or the test.
#include <filesystem>
#include <string_view>

#include "core/error.hpp"

namespace insim::fuzz {

enum class Outcome { accepted, refused };

// A private folder (under the system's temporary folder) holding copies of the fixed scenarios in
// fuzz/parents/ that an input may extend (`extends: sahel_small.yaml`), and the input itself.
// Removed when destroyed.
class Workspace {
 public:
  Workspace();
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The bytes as a scenario file (input.yaml in the workspace) read by the scenario loader with the
// whole ScenarioDef schema: Epstein or Sahel, `extends:`, values with their sources.
Outcome load_scenario_bytes(const Workspace& workspace, std::string_view bytes);

// The bytes as `--set` arguments, one per line, applied to a fixed valid scenario: the first
// byte's lowest bit picks it (0: parents/epstein_base.yaml, 1: parents/sahel_small.yaml).
Outcome apply_set_bytes(const Workspace& workspace, std::string_view bytes);

// Throws std::logic_error unless the refusal is one a user can act on: at least one problem, each
// in a named file (or "--set"), with a message, and a column wherever it gives a line.
void check_refusal(const InputError& refusal);

}  // namespace insim::fuzz
