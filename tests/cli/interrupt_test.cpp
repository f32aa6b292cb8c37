// Stopping a run with SIGINT (Ctrl-C) or SIGTERM: it ends at a step boundary, says so, exits with
// 128 + the signal number, and keeps no output of its own (docs/interrupting.md).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <optional>
#include <regex>
#include <thread>

#include "cli/insim_process.hpp"
#include "run/runner.hpp"
#include "run/stop_request.hpp"
#include "support/scratch_folder.hpp"


using insim::test::cli_data;
using insim::test::entries;
using insim::test::read_text;
using insim::test::run_insim;
using insim::test::ScratchFolder;
using namespace std::chrono_literals;

namespace {
using Clock = std::chrono::steady_clock;

// `insim ARGS` started in the background, stdout and stderr going to files in `work_dir`.
class Child {
 public:
  Child(const std::vector<std::string>& args, const std::filesystem::path& work_dir)
      : err_file_(work_dir / ".child-stderr") {
    pid_ = insim::test::spawn_insim(args, work_dir, work_dir / ".child-stdout", err_file_);
  }
  ~Child() {
    if (pid_ > 0) {  // a test that failed early: never leave a runaway child behind
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  void send(int signal) const { REQUIRE(::kill(pid_, signal) == 0); }

  // The wait status once the child ended, or nothing if it is still running after `limit`
  // (it is then killed): a signal the child ignored shows as a time-out, not as a pass.
  std::optional<int> wait(std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    int status = 0;
    while (Clock::now() < deadline) {
      const pid_t done = ::waitpid(pid_, &status, WNOHANG);
      if (done == pid_) {
        pid_ = -1;
        return status;
      }
      std::this_thread::sleep_for(10ms);
    }
    return std::nullopt;
  }

  [[nodiscard]] std::string err() const { return read_text(err_file_); }

 private:
  std::filesystem::path err_file_;
  pid_t pid_ = -1;
};

bool has_temporary_file(const std::filesystem::path& folder) {
  for (const auto& name : entries(folder)) {
    if (name.size() > 4 && name.ends_with(".tmp")) return true;
  }
  return false;
}

// Waits until the run has made its temporary outputs (so its handlers are installed and it is
// under way), then a little longer so that it is stepping.
void wait_until_running(const std::filesystem::path& out) {
  const auto deadline = Clock::now() + 5s;
  while (!has_temporary_file(out) && Clock::now() < deadline) std::this_thread::sleep_for(5ms);
  REQUIRE(has_temporary_file(out));
  std::this_thread::sleep_for(200ms);
}

// A run that would take hours: a 20 x 20 grid for 10^9 steps, one recorded row per 10^6 steps.
std::vector<std::string> endless_run(const std::filesystem::path& out, const std::string& seed) {
  return {
      "run",   cli_data("small.yaml").string(), "--steps",   "1000000000", "--seed", seed,
      "--set", "run.record_every=1000000",      "--threads", "1",          "--out",  out.string()};
}

// Starts the endless run, stops it with `signal`, and returns its exit code and stderr.
std::pair<int, std::string> interrupted_run(const std::filesystem::path& work,
                                            const std::filesystem::path& out, int signal) {
  Child child(endless_run(out, "7"), work);
  wait_until_running(out);
  child.send(signal);
  const auto status = child.wait(5s);
  INFO(child.err());
  REQUIRE(status.has_value());  // it ended on its own, promptly
  REQUIRE(WIFEXITED(*status));  // through our handler, not killed by the signal
  return {WEXITSTATUS(*status), child.err()};
}

const std::regex kStopLine(
    R"(insim: stopped by (SIGINT|SIGTERM) after \d+ of 1000000000 steps; no output written )"
    R"(\(outputs are kept only for complete runs\); earlier files in .* are unchanged\n)");

insim::LoadedScenario tiny_scenario() {
  insim::LoadedScenario s;
  s.def.name = "tiny";
  s.def.run.steps = 40;
  s.def.epstein.width = 16;
  s.def.epstein.height = 16;
  s.info.files = {"tiny.yaml"};
  s.info.hash = "0123456789abcdef";
  return s;
}

// Requests a stop from inside the run, after step `at`, as a signal arriving then would.
insim::RunOptions stopping_after(std::int64_t at, std::filesystem::path out) {
  insim::RunOptions o;
  o.threads = 2;
  o.out_dir = std::move(out);
  o.progress = [at](std::int64_t done, std::int64_t) {
    if (done == at) insim::request_stop(SIGTERM);
  };
  return o;
}

struct ClearStopRequest {
  ClearStopRequest() { insim::clear_stop_request(); }
  ~ClearStopRequest() { insim::clear_stop_request(); }
};
}  // namespace

TEST_CASE("insim run: SIGTERM mid-run exits 143, says so, and leaves no output or temp file") {
  ScratchFolder dir("cli-sigterm");
  const auto out = dir / "out";
  const auto [code, err] = interrupted_run(dir.path(), out, SIGTERM);
  INFO(err);
  CHECK(code == 143);
  CHECK(std::regex_match(err, kStopLine));
  CHECK_THAT(err, Catch::StartsWith("insim: stopped by SIGTERM"));
  CHECK(entries(out).empty());  // neither timeseries, summary, manifest nor a temporary file
  CHECK(!std::filesystem::exists(out));  // the folder the run made is gone again
}

TEST_CASE("insim run: Ctrl-C (SIGINT) mid-run exits 130, says so, and leaves no output") {
  ScratchFolder dir("cli-sigint");
  const auto out = dir / "out";
  const auto [code, err] = interrupted_run(dir.path(), out, SIGINT);
  INFO(err);
  CHECK(code == 130);
  CHECK(std::regex_match(err, kStopLine));
  CHECK_THAT(err, Catch::StartsWith("insim: stopped by SIGINT"));
  CHECK(entries(out).empty());
}

TEST_CASE("insim run: an interrupted rerun leaves the earlier complete output byte-identical") {
  ScratchFolder dir("cli-interrupted-rerun");
  const auto out = dir / "out";
  const auto first =
      run_insim({"run", cli_data("small.yaml").string(), "--out", out.string(), "--threads", "1"},
                dir.path());
  REQUIRE(first.exit_code == 0);
  const auto before = entries(out);
  REQUIRE(before == std::vector<std::string>{"manifest.json", "summary.json", "timeseries.csv"});
  const std::string csv = read_text(out / "timeseries.csv");
  const std::string summary = read_text(out / "summary.json");
  const std::string manifest = read_text(out / "manifest.json");

  const auto [code, err] = interrupted_run(dir.path(), out, SIGTERM);
  INFO(err);
  CHECK(code == 143);
  CHECK_THAT(err, Catch::Contains("earlier files in " + out.string() + " are unchanged"));
  CHECK(entries(out) == before);  // no temporary file left either
  CHECK(read_text(out / "timeseries.csv") == csv);
  CHECK(read_text(out / "summary.json") == summary);
  CHECK(read_text(out / "manifest.json") == manifest);
}

TEST_CASE("runner: a stop request ends the run at the next step boundary and keeps no output") {
  ClearStopRequest clear;
  ScratchFolder dir("runner-stop");
  try {
    insim::run_scenario(tiny_scenario(), stopping_after(17, dir / "out"));
    FAIL("the run did not stop");
  } catch (const insim::RunStopped& e) {
    CHECK(e.signal() == SIGTERM);
    CHECK(e.steps_done() == 17);
    CHECK(e.steps() == 40);
    CHECK(std::string(e.what()) == "stopped by SIGTERM after 17 of 40 steps");
  }
  CHECK(entries(dir.path()).empty());
}

TEST_CASE("runner: a stop requested after the last step still keeps no output") {
  ClearStopRequest clear;
  ScratchFolder dir("runner-stop-last");
  CHECK_THROWS_AS(insim::run_scenario(tiny_scenario(), stopping_after(40, dir.path())),
                  insim::RunStopped);
  CHECK(entries(dir.path()).empty());
}

TEST_CASE("stop request: the first signal is recorded, a second one ends the process") {
  // In a forked child, which only calls async-signal-safe functions before it ends.
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    insim::clear_stop_request();
    insim::install_stop_handlers();
    ::raise(SIGINT);
    if (insim::stop_signal() != SIGINT) ::_exit(3);  // the first signal was not recorded
    ::raise(SIGTERM);                                // a second one, of the other kind
    ::_exit(4);                                      // survived it
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  INFO("exit code " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1));
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGTERM);
}

TEST_CASE("stop request: a signal ignored when insim starts stays ignored") {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::signal(SIGINT, SIG_IGN);  // as for `insim run ... &` in a non-interactive shell
    ::signal(SIGTERM, SIG_DFL);
    insim::clear_stop_request();
    insim::install_stop_handlers();
    ::raise(SIGINT);
    if (insim::stop_signal() != 0) ::_exit(3);  // the ignored signal requested a stop
    ::raise(SIGTERM);                           // the other one is still caught
    ::_exit(insim::stop_signal() == SIGTERM ? 0 : 4);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
