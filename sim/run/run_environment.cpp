#include "run/run_environment.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <ctime>

#include "insim/version.hpp"

// Defined for this file by sim/CMakeLists.txt.
#ifndef INSIM_COMPILER
#define INSIM_COMPILER "unknown"
#endif
#ifndef INSIM_BUILD_TYPE
#define INSIM_BUILD_TYPE "unknown"
#endif
#ifndef INSIM_CXX_FLAGS
#define INSIM_CXX_FLAGS "unknown"
#endif

namespace insim {

output::BuildInfo build_info() { return {INSIM_COMPILER, INSIM_BUILD_TYPE, INSIM_CXX_FLAGS}; }

std::string host_name() {
  std::array<char, 256> name{};
  if (::gethostname(name.data(), name.size() - 1) != 0) return "unknown";
  return name.data();
}

std::string utc_iso8601(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

nlohmann::ordered_json manifest_opening(std::string_view tool,
                                        std::chrono::system_clock::time_point started,
                                        const std::vector<std::string>& command_line) {
  nlohmann::ordered_json m;
  m["tool"] = tool;
  m["insim_version"] = kVersion;
  m["git_commit"] = kGitCommit;
  const output::BuildInfo build = build_info();
  m["build"] = {{"compiler", build.compiler},
                {"build_type", build.build_type},
                {"cxx_flags", build.cxx_flags}};
  m["host"] = host_name();
  m["start_time_utc"] = utc_iso8601(started);
  m["command_line"] = command_line;
  return m;
}

}  // namespace insim
