// libFuzzer target: the bytes as a scenario file, read by the whole scenario loader (Epstein and
// Sahel schemas; `extends:` may name the fixed scenarios of fuzz/parents). Accepted or refused
// with an InputError is fine; any other exception, crash, sanitizer report or hang is a bug
// (docs/fuzzing.md). Run it with scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const insim::fuzz::Workspace workspace;
  (void)insim::fuzz::load_scenario_bytes(
      workspace, std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
