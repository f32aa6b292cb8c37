// insim calibrate on the command line: a tiny calibration writes every file, its best.yaml is a
// scenario that insim validate and insim run accept, the same spec gives the same files for any
// thread count, and a bad spec is refused with its place.
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "cli/insim_process.hpp"
#include "support/scratch_folder.hpp"

using insim::test::read_text;
using insim::test::run_insim;
using insim::test::ScratchFolder;
using namespace std::chrono_literals;

namespace {

// 2012 (53 weeks: the year complete) at 2,000 people per agent. The spec's quantile 0.9 keeps
// acceptance near one in two, so a calibration is about 22 runs (0.5 took 73: two minutes a test
// under ASan); the files and their thread-count independence do not depend on it.
constexpr const char* kBase =
    "extends: " INSIM_SOURCE_DIR
    "/scenarios/sahel/baseline.yaml\n"
    "name: \"short\"\nrun:\n  steps: 53\nsahel:\n  world:\n    people_per_agent: 2000\n";

constexpr const char* kSpec =
    "calibrate:\n"
    "  scenario: base.yaml\n"
    "  targets_file: " INSIM_SOURCE_DIR
    "/scenarios/sahel/validation/targets.yaml\n"
    "  seed: 5\n"
    "  parameters:\n"
    "    - {path: sahel.civilians.flee_rate, distribution: log_uniform, low: 0.001, high: 0.05}\n"
    "  targets:\n"
    "    - {name: displaced_mid_2012, columns: [displaced], from: 2012-05-01, to: 2012-06-30,\n"
    "       aggregate: mean, observed: {value: 150000, source: \"IOM, June 2012 (test figure)\"}}\n"
    "    - {check: deaths-2012}\n"
    "  abc: {particles: 6, generations: 2, quantile: 0.9, replicates: 1, min_acceptance: 0.05}\n";

}  // namespace

TEST_CASE("insim calibrate: a tiny calibration writes every file, and best.yaml validates and runs",
          "[calibrate]") {
  ScratchFolder dir("cli-calibrate");
  dir.write("base.yaml", kBase);
  dir.write("spec.yaml", kSpec);
  auto r = run_insim({"calibrate", "spec.yaml", "--out", "out", "--threads", "2"}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("generation 0: tolerance inf") &&
                        Catch::Contains("generation 2: tolerance"));
  for (const char* f : {"particles.csv", "posterior.csv", "fit.csv", "best.yaml", "manifest.json"})
    CHECK(std::filesystem::exists(dir / "out" / f));

  const std::string particles = read_text(dir / "out" / "particles.csv");
  CHECK(particles.rfind("generation,particle,weight,distance,sahel.civilians.flee_rate\n", 0) == 0);
  CHECK(std::count(particles.begin(), particles.end(), '\n') == 1 + 3 * 6);
  CHECK_THAT(read_text(dir / "out" / "posterior.csv"),
             Catch::StartsWith("parameter,prior,mean,median,p5,p95\nsahel.civilians.flee_rate,"
                               "\"log_uniform [0.001, 0.05]\","));
  CHECK_THAT(read_text(dir / "out" / "fit.csv"),
             Catch::Contains("displaced_mid_2012,observed,mean of displaced from 2012-05-01 to "
                             "2012-06-30,150000,,") &&
                 Catch::Contains("IOM, June 2012 (test figure)") &&
                 Catch::Contains("\ndeaths-2012,check,\"deaths 2012, all types (UCDP 359)\",,"
                                 "\"[179.5, 718]\",UCDP Country-Year Dataset"));
  const auto manifest = nlohmann::json::parse(read_text(dir / "out" / "manifest.json"));
  CHECK(manifest["seed"] == 5);
  CHECK(manifest["generations"].size() == 3);
  CHECK(manifest["generations"][0]["tolerance"].is_null());
  CHECK(manifest["generations"][1]["accepted"] == 6);
  CHECK(manifest["spec"]["hash"].get<std::string>().size() == 16);

  const std::string best = read_text(dir / "out" / "best.yaml");
  CHECK_THAT(best, Catch::Contains("extends: \"../base.yaml\"") &&
                       Catch::Contains("flee_rate: {value: ") &&
                       Catch::Contains("source: \"insim calibrate spec.yaml (ABC-SMC, 6 "
                                       "particles, 2 generations): posterior median, 90% "
                                       "interval ["));
  r = run_insim({"validate", "out/best.yaml"}, dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  r = run_insim({"params", "out/best.yaml"}, dir.path());
  CHECK_THAT(r.out, Catch::Contains("insim calibrate spec.yaml (ABC-SMC, 6 particles"));
  r = run_insim({"run", "out/best.yaml", "--steps", "2", "--out", "run"}, dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir / "run" / "timeseries.csv"));

  // One thread: the same particles, posterior, fit and scenario.
  r = run_insim({"calibrate", "spec.yaml", "--out", "one", "--threads", "1"}, dir.path());
  REQUIRE(r.exit_code == 0);
  for (const char* f : {"particles.csv", "posterior.csv", "fit.csv", "best.yaml"}) {
    INFO(f);
    CHECK(read_text(dir / "one" / f) == read_text(dir / "out" / f));
  }
}

TEST_CASE("insim calibrate: a bad spec is refused with its place, exit 2, nothing written",
          "[calibrate]") {
  ScratchFolder dir("cli-calibrate-bad");
  dir.write("base.yaml", kBase);
  std::string bad = kSpec;
  bad.replace(bad.find("particles: 6"), 12, "particle: 6");
  dir.write("spec.yaml", bad);
  const auto r = run_insim({"calibrate", "spec.yaml", "--out", "out"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("spec.yaml:11:") && Catch::Contains("particle"));
  CHECK(!std::filesystem::exists(dir / "out" / "best.yaml"));
}

TEST_CASE("insim calibrate: SIGTERM stops it between batches, exit 143, nothing written",
          "[calibrate]") {
  ScratchFolder dir("cli-calibrate-stop");
  dir.write("base.yaml", kBase);
  std::string longer = kSpec;
  longer.replace(longer.find("particles: 6, generations: 2"), 28, "particles: 12, generations: 30");
  dir.write("spec.yaml", longer);
  const pid_t pid = insim::test::spawn_insim({"calibrate", "spec.yaml", "--out", "out"}, dir.path(),
                                             dir / ".out", dir / ".err");
  // Generation 0 done: the handlers are installed and generation 1 is under way.
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (std::chrono::steady_clock::now() < deadline &&
         read_text(dir / ".err").find("generation 0") == std::string::npos) {
    std::this_thread::sleep_for(10ms);
  }
  REQUIRE(::kill(pid, SIGTERM) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  INFO(read_text(dir / ".err"));
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 143);
  CHECK_THAT(read_text(dir / ".err"), Catch::Contains("stopped by SIGTERM; nothing was written"));
  CHECK(insim::test::entries(dir / "out").empty());
}
