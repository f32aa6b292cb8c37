#include "output/manifest_json.hpp"

namespace insim::output {

nlohmann::ordered_json to_json(const Manifest& m) {
  nlohmann::ordered_json parameters = nlohmann::ordered_json::array();
  for (const ManifestParameter& p : m.parameters) {
    parameters.push_back({{"path", p.path},
                          {"value", p.value},
                          {"type", p.type},
                          {"source", p.source},
                          {"source_kind", p.source_kind},
                          {"origin", p.origin}});
  }
  nlohmann::ordered_json j;
  j["insim_version"] = m.insim_version;
  j["git_commit"] = m.git_commit;
  j["scenario"] = {{"name", m.scenario_name}, {"files", m.files}, {"hash", m.scenario_hash}};
  j["seed"] = m.seed;
  j["steps"] = m.steps;
  j["record_every"] = m.record_every;
  j["threads"] = m.threads;
  j["command_line"] = m.command_line;
  j["outputs"] = m.outputs;
  j["build"] = {{"compiler", m.build.compiler},
                {"build_type", m.build.build_type},
                {"cxx_flags", m.build.cxx_flags}};
  j["host"] = m.host;
  j["start_time_utc"] = m.start_time_utc;
  j["wall_seconds"] = m.wall_seconds;
  j["agents"] = m.agents;
  j["agent_steps_per_second"] = m.agent_steps_per_second;
  j["source_counts"] = m.source_counts;
  j["parameters"] = std::move(parameters);
  return j;
}

}  // namespace insim::output
