// insim sweep on the command line: a sweep killed (SIGKILL) or stopped (SIGTERM) mid-way and
// resumed gives the same database, row for row, as one that ran through; bad specs and bad
// parameters are refused with the place; a run with a bad value is recorded as failed.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "cli/insim_process.hpp"
#include "cli/recorded_runs.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/result_store_dump.hpp"

using insim::test::run_insim;
using insim::test::ScratchFolder;
using namespace std::chrono_literals;

namespace {

// Two years of the baseline at 2,000 people per agent: a fraction of a second per run.
constexpr const char* kBase =
    "extends: " INSIM_SOURCE_DIR "/scenarios/sahel/baseline.yaml\n"
    "name: \"short\"\nrun:\n  steps: 104\nsahel:\n  world:\n    people_per_agent: 2000\n";

std::string spec(const std::string& share_high = "0.5") {
  return "sweep:\n  scenario: base.yaml\n  design: latin_hypercube\n  samples: 12\n"
         "  replicates: 2\n  seed: 3\n  parameters:\n"
         "    - {path: sahel.actors.jnim.abuse, distribution: uniform, low: 0.1, high: 2.0}\n"
         "    - {path: sahel.civilians.refugee_share, distribution: uniform, low: 0.01, high: " +
         share_high +
         "}\n  metrics:\n"
         "    - {name: killed, columns: [civilians_killed_by_jnim], from: 2012-01-01, to: "
         "2013-12-31}\n"
         "    - {name: displaced, columns: [displaced], from: 2013-01-01, to: 2013-12-31, "
         "aggregate: mean}\n  series: [deaths_total]\n";
}

// Starts the sweep, waits until `after` runs are in the database, sends `signal`, and returns
// the exit status.
int interrupted(const ScratchFolder& dir, const std::filesystem::path& db, int signal,
                std::int64_t after) {
  const pid_t pid = insim::test::spawn_insim(
      {"sweep", (dir / "spec.yaml").string(), "--out", db.string(), "--threads", "2"},
      dir.path(), dir / ".stdout", dir / ".stderr");
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (std::chrono::steady_clock::now() < deadline &&
         !(std::filesystem::exists(db) && insim::test::recorded_runs(db) >= after)) {
    std::this_thread::sleep_for(5ms);
  }
  REQUIRE(::kill(pid, signal) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return status;
}

}  // namespace

TEST_CASE("insim sweep: killed with SIGKILL or stopped with SIGTERM, then resumed, it equals an "
          "uninterrupted sweep row for row",
          "[sweep]") {
  ScratchFolder dir("cli-sweep");
  dir.write("base.yaml", kBase);
  dir.write("spec.yaml", spec());
  const auto whole = dir / "whole.sqlite";
  auto r = run_insim({"sweep", (dir / "spec.yaml").string(), "--out", whole.string(),
                      "--threads", "1"},
                     dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("24 of 24 done, 0 failed"));
  const std::string expected = insim::sweep::comparable_contents(whole);

  const auto killed = dir / "killed.sqlite";
  const int status = interrupted(dir, killed, SIGKILL, 5);
  CHECK(WIFSIGNALED(status));
  const auto left = insim::test::recorded_runs(killed);
  CHECK(left >= 5);
  CHECK(left < 24);
  r = run_insim({"sweep", (dir / "spec.yaml").string(), "--out", killed.string(), "--resume"},
                dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(insim::sweep::comparable_contents(killed) == expected);

  const auto stopped = dir / "stopped.sqlite";
  const int term = interrupted(dir, stopped, SIGTERM, 3);
  REQUIRE(WIFEXITED(term));
  CHECK(WEXITSTATUS(term) == 143);
  CHECK_THAT(insim::test::read_text(dir / ".stderr"), Catch::Contains("--resume"));
  r = run_insim({"sweep", (dir / "spec.yaml").string(), "--out", stopped.string(), "--resume"},
                dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK(insim::sweep::comparable_contents(stopped) == expected);
}

TEST_CASE("insim sweep: a bad spec or parameter is refused with its place, exit 2", "[sweep]") {
  ScratchFolder dir("cli-sweep-bad");
  dir.write("base.yaml", kBase);
  dir.write("misspelt.yaml", "sweep:\n  scenario: base.yaml\n  desing: grid\n");
  auto r = run_insim({"sweep", (dir / "misspelt.yaml").string(), "--out",
                      (dir / "a.sqlite").string()},
                     dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("misspelt.yaml:3") && Catch::Contains("desing"));
  std::string unknown = spec();
  unknown.replace(unknown.find("sahel.actors.jnim.abuse"), 23, "sahel.actors.jnim.abuze");
  dir.write("unknown.yaml", unknown);
  r = run_insim({"sweep", (dir / "unknown.yaml").string(), "--out", (dir / "b.sqlite").string()},
                dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("unknown.yaml:") && Catch::Contains("abuze"));
  CHECK(!std::filesystem::exists(dir / "b.sqlite"));
}

TEST_CASE("insim sweep: a run with a value out of range is recorded as failed, the rest go on",
          "[sweep]") {
  ScratchFolder dir("cli-sweep-failing");
  dir.write("base.yaml", kBase);
  dir.write("spec.yaml", spec("3.0"));  // refugee_share is a share: values above 1 fail
  const auto db = dir / "r.sqlite";
  const auto r = run_insim({"sweep", (dir / "spec.yaml").string(), "--out", db.string()},
                           dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const std::string contents = insim::sweep::comparable_contents(db);
  CHECK_THAT(contents, Catch::Contains("failed") && Catch::Contains("refugee_share"));
  CHECK_THAT(r.out, Catch::Contains("24 of 24") || Catch::Contains("failed"));
}
