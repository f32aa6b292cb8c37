// insim compare on the command line: bad input is refused with the reason (exit 2), a stop
// request ends it with nothing written (exit 130), and a small comparison says where its report is.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "cli/insim_process.hpp"
#include "support/scratch_folder.hpp"

using insim::test::cli_data;
using insim::test::entries;
using insim::test::run_insim;
using insim::test::ScratchFolder;
using namespace std::chrono_literals;

namespace {

std::string baseline() { return INSIM_SOURCE_DIR "/scenarios/sahel/baseline.yaml"; }
std::string france_stays() {
  return INSIM_SOURCE_DIR "/scenarios/sahel/counterfactuals/france_stays.yaml";
}

bool has_scratch(const std::filesystem::path& out) {
  for (const auto& e : entries(out)) {
    if (e.find(".compare-runs-") != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("insim compare: bad input says what is wrong, exit 2", "[compare]") {
  ScratchFolder dir("cli-compare-bad");
  const std::string out = (dir / "out").string();
  auto r = run_insim({"compare", baseline(), "--out", out}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("ALTERNATIVES"));
  r = run_insim({"compare", baseline(), france_stays(), "--from", "2022-13", "--out", out},
                dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--from") && Catch::Contains("2022-13"));
  r = run_insim({"compare", baseline(), cli_data("small.yaml").string(), "--out", out},
                dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("small.yaml") && Catch::Contains("Sahel"));
  r = run_insim({"compare", baseline(), france_stays(), "--to", "2040-01", "--out", out},
                dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--to"));
  CHECK(!std::filesystem::exists(dir / "out" / "report.html"));
}

TEST_CASE("insim compare: a small comparison writes its report and says where", "[compare]") {
  ScratchFolder dir("cli-compare");
  const auto r = run_insim({"compare", baseline(), france_stays(), "--runs", "2",
                            "--validation-runs", "0", "--set", "run.steps=60", "--set",
                            "sahel.world.people_per_agent=2000", "--threads", "2", "--out",
                            (dir / "out").string()},
                           dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("report: ") && Catch::Contains("report.html"));
  CHECK(std::filesystem::exists(dir / "out" / "report.html"));
  CHECK(!has_scratch(dir / "out"));
}

TEST_CASE("insim compare: Ctrl-C stops it, exit 130, no report and no scratch files left",
          "[compare]") {
  ScratchFolder dir("cli-compare-stop");
  const auto out = dir / "out";
  const pid_t pid = insim::test::spawn_insim(
      {"compare", baseline(), france_stays(), "--runs", "40", "--threads", "2", "--out",
       out.string()},
      dir.path(), dir / ".stdout", dir / ".stderr");
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (!has_scratch(out) && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  std::this_thread::sleep_for(300ms);
  REQUIRE(::kill(pid, SIGINT) == 0);
  int status = 0;
  const auto wait_deadline = std::chrono::steady_clock::now() + 20s;
  pid_t done = 0;
  while ((done = ::waitpid(pid, &status, WNOHANG)) == 0 &&
         std::chrono::steady_clock::now() < wait_deadline) {
    std::this_thread::sleep_for(20ms);
  }
  if (done != pid) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
  }
  REQUIRE(done == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 130);
  CHECK_THAT(insim::test::read_text(dir / ".stderr"), Catch::Contains("no report written"));
  CHECK(entries(out).empty());
}
