#pragma once
// Facts about where and how a run happens, for the manifest: the build (compiler, type,
// flags, baked in by CMake), the host, and wall-clock time in UTC.
#include <chrono>
#include <string>

#include "output/manifest_json.hpp"

namespace insim {

[[nodiscard]] output::BuildInfo build_info();
[[nodiscard]] std::string host_name();
// ISO 8601 in UTC to the second, e.g. "2025-01-31T12:00:00Z".
[[nodiscard]] std::string utc_iso8601(std::chrono::system_clock::time_point t);

}  // namespace insim
