#pragma once
// manifest.json: enough to reproduce a run exactly and to know what each value rests on:
// program version and build, the scenario's files and hash, every resolved parameter with its
// source and origin, seed, steps, threads, command line, the files written, host and timing.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace insim::output {

struct ManifestParameter {
  std::string path;
  std::string value;
  std::string type;
  std::string source;       // as cited in the scenario ("F23", "assumption: ...", or empty)
  std::string source_kind;  // document, public source, assumption, unstated
  std::string origin;       // "file:line:col", "--set" or "default"
};

struct BuildInfo {
  std::string compiler;  // e.g. "GNU 12.2.0"
  std::string build_type;
  std::string cxx_flags;
};

struct Manifest {
  std::string insim_version;
  std::string git_commit;
  std::string scenario_name;
  std::vector<std::string> files;  // the scenario file first, then each file it extends
  std::string scenario_hash;
  std::vector<ManifestParameter> parameters;
  std::map<std::string, std::size_t> source_counts;  // parameters per source kind
  std::uint64_t seed = 0;
  std::int64_t steps = 0;
  std::int64_t record_every = 1;
  int threads = 0;
  std::vector<std::string> command_line;
  std::vector<std::string> outputs;  // the files the run wrote into its folder, this one included
  BuildInfo build;
  std::string host;
  std::string start_time_utc;  // ISO 8601, e.g. "2025-01-31T12:00:00Z"
  double wall_seconds = 0.0;
  std::int64_t agents = 0;
  double agent_steps_per_second = 0.0;
};

[[nodiscard]] nlohmann::ordered_json to_json(const Manifest& manifest);

}  // namespace insim::output
