#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli/insim_process.hpp"
#include "support/scratch_folder.hpp"

using insim::test::cli_data;
using insim::test::entries;
using insim::test::read_text;
using insim::test::run_insim;
using insim::test::ScratchFolder;
using Json = nlohmann::json;

namespace {
std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

const Json* find_parameter(const Json& manifest, const std::string& path) {
  for (const auto& p : manifest["parameters"]) {
    if (p["path"] == path) return &p;
  }
  return nullptr;
}
}  // namespace

TEST_CASE("insim run: writes the timeseries, summary and manifest, and nothing else") {
  ScratchFolder dir("cli-run-outputs");
  const auto out = dir / "out";
  const auto r =
      run_insim({"run", cli_data("small.yaml").string(), "--out", out.string(), "--threads", "2"},
                dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains(out.string()));
  CHECK_THAT(r.out, Catch::Contains("agent-steps/s"));
  CHECK(entries(out) ==
        std::vector<std::string>{"manifest.json", "summary.json", "timeseries.csv"});

  const auto csv = lines(read_text(out / "timeseries.csv"));
  REQUIRE(csv.size() == 32);  // header, step 0, steps 1..30
  CHECK(csv[0].rfind("step,", 0) == 0);
  CHECK(csv[1].rfind("0,", 0) == 0);
  CHECK(csv[31].rfind("30,", 0) == 0);

  const Json summary = Json::parse(read_text(out / "summary.json"));
  CHECK(summary["scenario"] == "cli-small");
  CHECK(summary["recorded_rows"] == 31);
  // One statistics entry per timeseries column except `step`.
  std::size_t header_columns = std::count(csv[0].begin(), csv[0].end(), ',') + 1;
  CHECK(summary["columns"].size() == header_columns - 1);
  for (const auto& [name, s] : summary["columns"].items()) {
    CHECK(s.contains("min"));
    CHECK(s.contains("max"));
    CHECK(s.contains("mean"));
    CHECK(s.contains("final"));
    CHECK(s.contains("step_of_max"));
  }

  const Json m = Json::parse(read_text(out / "manifest.json"));
  CHECK(m["insim_version"].get<std::string>().size() > 0);
  CHECK(m["git_commit"].get<std::string>().size() > 0);
  CHECK(m["scenario"]["name"] == "cli-small");
  REQUIRE(m["scenario"]["files"].size() == 2);  // small.yaml, then the file it extends
  CHECK_THAT(m["scenario"]["files"][0].get<std::string>(), Catch::EndsWith("small.yaml"));
  CHECK_THAT(m["scenario"]["files"][1].get<std::string>(), Catch::EndsWith("small_base.yaml"));
  CHECK(std::regex_match(m["scenario"]["hash"].get<std::string>(), std::regex("[0-9a-f]{16}")));
  CHECK(m["seed"] == 1);
  CHECK(m["steps"] == 30);
  CHECK(m["threads"] == 2);
  CHECK(m["command_line"][1] == "run");
  CHECK(m["command_line"].back() == "2");
  // The compiler that built this test built insim too (CMake's id: the sanitizer build uses clang).
#ifdef __clang__
  CHECK_THAT(m["build"]["compiler"].get<std::string>(), Catch::StartsWith("Clang "));
#else
  CHECK_THAT(m["build"]["compiler"].get<std::string>(), Catch::StartsWith("GNU "));
#endif
  CHECK_THAT(m["build"]["cxx_flags"].get<std::string>(), Catch::Contains("-ffp-contract=off"));
  CHECK(m["build"]["build_type"].get<std::string>().size() > 0);
  CHECK(m["host"].get<std::string>().size() > 0);
  CHECK(std::regex_match(m["start_time_utc"].get<std::string>(),
                         std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
  CHECK(m["wall_seconds"].get<double>() > 0);
  CHECK(m["agents"].get<long>() > 0);
  CHECK(m["agent_steps_per_second"].get<double>() > 0);

  const Json* width = find_parameter(m, "epstein.width");
  REQUIRE(width != nullptr);
  CHECK((*width)["value"] == "20");
  CHECK((*width)["source"] == "assumption: a small grid keeps the tests fast");
  CHECK((*width)["source_kind"] == "assumption");
  CHECK_THAT((*width)["origin"].get<std::string>(), Catch::Matches(R"(.*small\.yaml:\d+:\d+)"));
  const Json* legitimacy = find_parameter(m, "epstein.legitimacy.initial");
  REQUIRE(legitimacy != nullptr);
  CHECK((*legitimacy)["source_kind"] == "public source");
  CHECK_THAT((*legitimacy)["origin"].get<std::string>(), Catch::Contains("small_base.yaml:"));
  const Json* vision = find_parameter(m, "epstein.cop_vision");
  REQUIRE(vision != nullptr);
  CHECK((*vision)["origin"] == "default");
  CHECK(m["source_counts"]["assumption"].get<int>() >= 1);
}

TEST_CASE("insim run: records step 0, every record_every-th step and the last step") {
  ScratchFolder dir("cli-record-every");
  const auto r = run_insim({"run", cli_data("small.yaml").string(), "--out", "o", "--steps", "25",
                            "--set", "run.record_every=10"},
                           dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto csv = lines(read_text(dir / "o" / "timeseries.csv"));
  std::vector<std::string> steps;
  for (std::size_t i = 1; i < csv.size(); ++i) steps.push_back(csv[i].substr(0, csv[i].find(',')));
  CHECK(steps == std::vector<std::string>{"0", "10", "20", "25"});
}

TEST_CASE("insim run: the default output folder is out/<scenario file stem>/seed-<N>") {
  ScratchFolder dir("cli-default-out");
  const auto r = run_insim({"run", cli_data("small.yaml").string(), "--seed", "7"}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(entries(dir / "out") ==
        std::vector<std::string>{"small", "small/seed-7", "small/seed-7/manifest.json",
                                 "small/seed-7/summary.json", "small/seed-7/timeseries.csv"});
}

TEST_CASE("insim run: --seed and --set change the result and are recorded in the manifest") {
  ScratchFolder dir("cli-overrides");
  const auto small = cli_data("small.yaml").string();
  auto run = [&](const std::string& out, std::vector<std::string> extra) {
    std::vector<std::string> args{"run", small, "--out", out};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto r = run_insim(args, dir.path());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return std::pair{read_text(dir / out / "timeseries.csv"),
                     Json::parse(read_text(dir / out / "manifest.json"))};
  };
  const auto [base, base_manifest] = run("base", {});
  const auto [again, again_manifest] = run("again", {});
  const auto [seeded, seeded_manifest] = run("seeded", {"--seed", "2"});
  const auto [legit, legit_manifest] = run("legit", {"--set", "epstein.legitimacy.initial=0.3"});

  CHECK(again == base);  // same scenario, same seed: same bytes
  CHECK(seeded != base);
  CHECK(legit != base);

  CHECK(seeded_manifest["seed"] == 2);
  const Json* seed = find_parameter(seeded_manifest, "run.seed");
  REQUIRE(seed != nullptr);
  CHECK((*seed)["value"] == "2");
  CHECK((*seed)["origin"] == "--set");
  CHECK(seeded_manifest["scenario"]["hash"] != base_manifest["scenario"]["hash"]);

  const Json* legitimacy = find_parameter(legit_manifest, "epstein.legitimacy.initial");
  REQUIRE(legitimacy != nullptr);
  CHECK((*legitimacy)["value"] == "0.3");
  CHECK((*legitimacy)["origin"] == "--set");
  const Json* base_legitimacy = find_parameter(base_manifest, "epstein.legitimacy.initial");
  REQUIRE(base_legitimacy != nullptr);
  CHECK((*base_legitimacy)["value"] == "0.82");
}
