// libFuzzer target: the bytes as `--set path=value` arguments, one per line, applied to a fixed
// valid scenario (the first byte picks fuzz/parents/epstein_base.yaml or sahel_small.yaml).
// Accepted or refused with an InputError is fine; any other exception, crash, sanitizer report
// or hang is a bug (docs/fuzzing.md). Run it with scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_entries.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const insim::fuzz::Workspace workspace;
  (void)insim::fuzz::apply_set_bytes(workspace,
                                     std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
