#pragma once
// Facts about where and how a run happens, for the manifest: the build (compiler, type,
// flags, baked in by CMake), the host, and wall-clock time in UTC.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "output/manifest_json.hpp"

namespace insim {

[[nodiscard]] output::BuildInfo build_info();
[[nodiscard]] std::string host_name();
// ISO 8601 in UTC to the second, e.g. "2025-01-31T12:00:00Z".
[[nodiscard]] std::string utc_iso8601(std::chrono::system_clock::time_point t);

// The fields a command's manifest.json opens with (insim compare, insim calibrate): the tool,
// insim's version and git commit, the build, the host, the start time and the command line.
[[nodiscard]] nlohmann::ordered_json manifest_opening(
    std::string_view tool, std::chrono::system_clock::time_point started,
    const std::vector<std::string>& command_line);

}  // namespace insim
