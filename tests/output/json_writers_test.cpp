#include <catch2/catch.hpp>

#include "output/manifest_json.hpp"
#include "output/summary_json.hpp"

using namespace insim::output;

TEST_CASE("summary json: per-column statistics in timeseries order, integers stay integers") {
  ColumnStats stats(2);
  stats.add(0, std::vector<double>{3, 0.5});
  stats.add(5, std::vector<double>{7, 0.25});
  RunSummary s;
  s.scenario = "tiny";
  s.seed = 7;
  s.steps = 5;
  s.recorded_rows = stats.rows();
  s.columns = {"quiet", "share"};
  s.statistics = {stats.summary(0), stats.summary(1)};
  s.model = {{"outbursts", 2.0}};
  s.state_hash = 0xabcULL;

  const auto j = to_json(s);
  CHECK(j["seed"] == 7);
  CHECK(j["state_hash"] == "0000000000000abc");
  CHECK(j["columns"].begin().key() == "quiet");
  CHECK(j["columns"]["quiet"].dump() == R"({"min":3,"max":7,"mean":5,"final":7,"step_of_max":5})");
  CHECK(j["columns"]["share"]["mean"].get<double>() == 0.375);
  CHECK(j["model"]["outbursts"].is_number_integer());
}

TEST_CASE("manifest json: parameters keep their value, source and origin") {
  Manifest m;
  m.insim_version = "0.1.0";
  m.git_commit = "abc";
  m.scenario_name = "tiny";
  m.files = {"a.yaml", "base.yaml"};
  m.scenario_hash = "ff";
  m.parameters = {{"run.seed", "3", "integer", "", "unstated", "--set"},
                  {"epstein.width", "40", "integer", "F12", "document", "a.yaml:4:10"}};
  m.seed = 3;
  m.threads = 2;
  m.command_line = {"insim", "run", "a.yaml"};
  const auto j = to_json(m);
  CHECK(j["scenario"]["files"] == nlohmann::ordered_json::array({"a.yaml", "base.yaml"}));
  CHECK(j["parameters"][1]["origin"] == "a.yaml:4:10");
  CHECK(j["parameters"][1]["source"] == "F12");
  CHECK(j["parameters"][0]["origin"] == "--set");
  CHECK(j["threads"] == 2);
  CHECK(j["command_line"][2] == "a.yaml");
}

TEST_CASE("manifest json: lists the run's output files in order", "[output]") {
  Manifest m;
  m.outputs = {"timeseries.csv", "regions.csv", "events.csv", "summary.json", "manifest.json"};
  const auto j = to_json(m);
  CHECK(j["outputs"] ==
        nlohmann::ordered_json::array(
            {"timeseries.csv", "regions.csv", "events.csv", "summary.json", "manifest.json"}));
}
