// A sweep on many processes: `--shard I/N` then `insim merge`, and `mpirun -n 2 insim sweep`,
// each give the database of one plain sweep, row for row; an MPI job killed outright is
// finished by a plain `--resume`; a stop request stops every rank; bad input stops them all.
// Needs mpirun (OpenMPI, scripts/setup.sh); left to the normal build (docs/sanitizers.md).
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <regex>
#include <sstream>
#include <thread>

#include "cli/insim_process.hpp"
#include "cli/recorded_runs.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/result_store_dump.hpp"

using insim::test::run_insim;
using insim::test::ScratchFolder;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// The baseline at 2,000 people per agent: 52 steps (a year) for the sweeps that run through,
// 104 for those stopped or killed mid-way, which need time to be caught in the middle.
std::string base(int steps) {
  return "extends: " INSIM_SOURCE_DIR
         "/scenarios/sahel/baseline.yaml\nname: \"tiny\"\n"
         "run:\n  steps: " +
         std::to_string(steps) + "\nsahel:\n  world:\n    people_per_agent: 2000\n";
}

// `samples` points x 2 replicates; the runs with a refugee share above 1 fail (a share's maximum
// is 1), as a bad value does.
std::string spec(int samples, int seed = 3) {
  return "sweep:\n  scenario: base.yaml\n  design: latin_hypercube\n  samples: " +
         std::to_string(samples) + "\n  replicates: 2\n  seed: " + std::to_string(seed) +
         "\n  parameters:\n"
         "    - {path: sahel.actors.jnim.abuse, distribution: uniform, low: 0.1, high: 2.0}\n"
         "    - {path: sahel.civilians.refugee_share, distribution: uniform, low: 0.01, "
         "high: 1.6}\n"
         "  metrics:\n"
         "    - {name: killed, columns: [civilians_killed_by_jnim], from: 2012-01-01, to: "
         "2012-12-31}\n"
         "    - {name: displaced, columns: [displaced], from: 2012-06-01, to: 2012-12-31, "
         "aggregate: mean}\n  series: [deaths_total]\n";
}

// Whether a closing line says "D of RUNS done, F failed" with D + F = RUNS.
bool all_recorded(const std::string& out, int runs) {
  std::smatch m;
  const std::regex line("(\\d+) of " + std::to_string(runs) + " done, (\\d+) failed");
  return std::regex_search(out, m, line) && std::stoi(m[1]) + std::stoi(m[2]) == runs;
}

struct Sweep {
  ScratchFolder dir;
  int runs;
  std::string spec_file;
  std::string expected;  // comparable_contents of the plain, single-process sweep

  // 10 runs of a year, or (`longer`) 16 runs of two years.
  explicit Sweep(const char* name, bool longer = false) : dir(name), runs(longer ? 16 : 10) {
    dir.write("base.yaml", base(longer ? 104 : 52));
    spec_file = dir.write("spec.yaml", spec(runs / 2)).string();
    const auto whole = dir / "whole.sqlite";
    const auto r =
        run_insim({"sweep", spec_file, "--out", whole.string(), "--threads", "2"}, dir.path());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    REQUIRE(all_recorded(r.out, runs));
    expected = insim::sweep::comparable_contents(whole);
    REQUIRE_THAT(expected, Catch::Contains("\"failed\""));  // the failure path is exercised
  }
  [[nodiscard]] std::vector<std::string> sweep_args(const fs::path& db) const {
    return {"sweep", spec_file, "--out", db.string(), "--threads", "1"};
  }
};

// Starts `mpirun -n 2 --oversubscribe insim ARGS`, with what OpenMPI needs to run as root (CI
// may) and in a container, in a process group of its own (a signal to the test's group does not
// reach it).
pid_t spawn_mpirun(const std::vector<std::string>& insim_args, const ScratchFolder& dir) {
  std::vector<std::string> args{"-n", "2", "--oversubscribe", INSIM_EXE};
  args.insert(args.end(), insim_args.begin(), insim_args.end());
  // Containers (CI) often forbid the cross-memory attach OpenMPI uses for messages between ranks
  // on one machine; without it, it copies through shared memory.
  const insim::test::SpawnOptions options{
      {"OMPI_ALLOW_RUN_AS_ROOT=1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1",
       "OMPI_MCA_btl_vader_single_copy_mechanism=none"},
      true};
  return insim::test::spawn_program(INSIM_MPIRUN, args, dir.path(), dir / ".mpi-stdout",
                                    dir / ".mpi-stderr", options);
}

// The processes mpirun started: the ranks (it starts them itself on its own machine, each in
// a process group of its own, so signalling mpirun's group does not reach them).
std::vector<pid_t> children_of(pid_t parent) {
  std::vector<pid_t> children;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    // /proc/PID/stat: "pid (command) state ppid ..."; the command may hold spaces.
    const std::string stat = insim::test::read_text(entry.path() / "stat");
    const auto close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(stat.substr(close + 1));
    std::string state;
    pid_t ppid = 0;
    if (rest >> state >> ppid && ppid == parent) children.push_back(std::stoi(name));
  }
  return children;
}

struct Ended {
  int exit_code = -1;  // 128 + signal when killed by one
  std::string out;
  std::string err;
};

// Waits for the job; a job still running after `limit` is killed (whole group) and fails.
Ended wait_for(pid_t pid, const ScratchFolder& dir, std::chrono::seconds limit = 60s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      for (const pid_t rank : children_of(pid)) ::kill(rank, SIGKILL);
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      FAIL("the MPI job hung");
    }
    std::this_thread::sleep_for(10ms);
  }
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
          insim::test::read_text(dir / ".mpi-stdout"), insim::test::read_text(dir / ".mpi-stderr")};
}

Ended run_mpirun(const std::vector<std::string>& insim_args, const ScratchFolder& dir) {
  return wait_for(spawn_mpirun(insim_args, dir), dir);
}

void wait_for_runs(const fs::path& db, std::int64_t runs) {
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  while (std::chrono::steady_clock::now() < deadline &&
         !(fs::exists(db) && insim::test::recorded_runs(db) >= runs)) {
    std::this_thread::sleep_for(5ms);
  }
}

// The ranks of a killed job die a moment after mpirun; until then rank 0 holds the database's
// writer lock (flock), and a resume would be refused as a second writer.
void wait_until_unlocked(const fs::path& db) {
  const int fd = ::open(db.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(10ms);
  }
  ::close(fd);
}

}  // namespace

TEST_CASE(
    "insim sweep --shard: shards merged with insim merge, or resumed into one file, equal "
    "the whole sweep row for row",
    "[sweep][shard]") {
  const Sweep sweep("cli-shard");
  const auto& dir = sweep.dir;
  const auto s0 = dir / "s0.sqlite";
  const auto s1 = dir / "s1.sqlite";
  auto args = sweep.sweep_args(s0);
  args.insert(args.end(), {"--shard", "0/2"});
  auto r = run_insim(args, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("5 runs this time") &&
                        Catch::Contains("shard 0/2 (5 of the 10 runs)") &&
                        Catch::Contains("the other 5 runs are for the other shards"));
  args = sweep.sweep_args(s1);
  args.insert(args.end(), {"--shard", "1/2"});
  r = run_insim(args, dir.path());
  REQUIRE(r.exit_code == 0);

  r = run_insim({"merge", (dir / "half.sqlite").string(), s0.string()}, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("5 still pending") && Catch::Contains("a shard is missing"));
  r = run_insim({"merge", (dir / "merged.sqlite").string(), s0.string(), s1.string()}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("of 10 runs done") && Catch::Contains(" 0 still pending"));
  CHECK(insim::sweep::comparable_contents(dir / "merged.sqlite") == sweep.expected);

  // Resuming shard 1 in shard 0's file does exactly the runs it lacks.
  args = sweep.sweep_args(s0);
  args.insert(args.end(), {"--resume", "--shard", "1/2"});
  r = run_insim(args, dir.path());
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("5 runs this time"));
  CHECK(all_recorded(r.out, 10));
  CHECK(insim::sweep::comparable_contents(s0) == sweep.expected);

  // Refused: a shard that does not exist, an existing output, another sweep's database.
  args = sweep.sweep_args(dir / "s2.sqlite");
  args.insert(args.end(), {"--shard", "2/2"});
  r = run_insim(args, dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("I/N") && Catch::Contains("2/2"));
  r = run_insim({"merge", s1.string(), s0.string()}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(s1.string()) && Catch::Contains("already exists"));
  dir.write("other.yaml", spec(5, 4));
  r = run_insim({"sweep", (dir / "other.yaml").string(), "--out", (dir / "other.sqlite").string(),
                 "--shard", "9/10"},
                dir.path());
  REQUIRE(r.exit_code == 0);
  r = run_insim(
      {"merge", (dir / "m.sqlite").string(), s1.string(), (dir / "other.sqlite").string()},
      dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("other.sqlite") && Catch::Contains("another sweep"));
  CHECK_FALSE(fs::exists(dir / "m.sqlite"));
}

TEST_CASE(
    "mpirun -n 2 insim sweep: the ranks share the runs and the database equals a single "
    "process's row for row",
    "[sweep][mpi]") {
  const Sweep sweep("cli-mpi");
  const auto db = sweep.dir / "mpi.sqlite";
  const Ended r = run_mpirun(sweep.sweep_args(db), sweep.dir);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(all_recorded(r.out, 10));
  // Both ranks did runs: "(2 ranks x 1 threads: 6 + 4 runs)".
  std::smatch by_rank;
  REQUIRE(
      std::regex_search(r.out, by_rank, std::regex(R"(2 ranks x 1 threads: (\d+) \+ (\d+) runs)")));
  CHECK(std::stoi(by_rank[1]) > 0);
  CHECK(std::stoi(by_rank[2]) > 0);
  CHECK(std::stoi(by_rank[1]) + std::stoi(by_rank[2]) == 10);
  CHECK(insim::sweep::comparable_contents(db) == sweep.expected);
}

TEST_CASE(
    "mpirun -n 2 insim sweep killed with SIGKILL, then insim sweep --resume without mpirun, "
    "equals the whole sweep",
    "[sweep][mpi]") {
  const Sweep sweep("cli-mpi-kill", true);
  const auto db = sweep.dir / "killed.sqlite";
  const pid_t job = spawn_mpirun(sweep.sweep_args(db), sweep.dir);
  wait_for_runs(db, 3);
  const auto ranks = children_of(job);
  REQUIRE(ranks.size() == 2);
  for (const pid_t rank : ranks) ::kill(rank, SIGKILL);  // the whole job, as a batch system does
  ::kill(job, SIGKILL);
  (void)wait_for(job, sweep.dir);
  wait_until_unlocked(db);
  const auto left = insim::test::recorded_runs(db);
  CHECK(left >= 3);
  CHECK(left < sweep.runs);
  auto args = sweep.sweep_args(db);
  args.push_back("--resume");
  const auto r = run_insim(args, sweep.dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(insim::sweep::comparable_contents(db) == sweep.expected);
}

TEST_CASE(
    "mpirun -n 2 insim sweep stopped with SIGTERM: every rank stops, the finished runs "
    "are kept, and --resume equals the whole sweep",
    "[sweep][mpi]") {
  const Sweep sweep("cli-mpi-term", true);
  const auto db = sweep.dir / "stopped.sqlite";
  // The ranks signalled, as a batch system does (scancel, a time limit): each exits 143.
  pid_t job = spawn_mpirun(sweep.sweep_args(db), sweep.dir);
  wait_for_runs(db, 2);
  const auto ranks = children_of(job);
  REQUIRE(ranks.size() == 2);
  for (const pid_t rank : ranks) ::kill(rank, SIGTERM);
  Ended stopped = wait_for(job, sweep.dir, 30s);
  INFO(stopped.out << stopped.err);
  CHECK(stopped.exit_code == 128 + SIGTERM);
  CHECK_THAT(stopped.err, Catch::Contains("stopped by SIGTERM") && Catch::Contains("--resume"));
  wait_until_unlocked(db);
  const auto left = insim::test::recorded_runs(db);
  CHECK(left >= 2);
  CHECK(left < sweep.runs);

  // mpirun itself signalled (Ctrl-C, kill): OpenMPI ends the job, SIGTERM to the ranks a second
  // later; the finished runs are kept, and the job ends (mpirun's exit code is its own).
  auto args = sweep.sweep_args(db);
  args.push_back("--resume");
  job = spawn_mpirun(args, sweep.dir);
  wait_for_runs(db, left + 1);
  REQUIRE(::kill(job, SIGTERM) == 0);
  (void)wait_for(job, sweep.dir, 30s);  // ends, whatever mpirun then says
  wait_until_unlocked(db);
  CHECK(insim::test::recorded_runs(db) > left);

  const Ended resumed = run_mpirun(args, sweep.dir);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(insim::sweep::comparable_contents(db) == sweep.expected);
}

TEST_CASE("mpirun -n 2 insim sweep with bad input: every rank exits 2, the error printed once",
          "[sweep][mpi]") {
  ScratchFolder dir("cli-mpi-bad");
  dir.write("base.yaml", base(52));
  const auto spec_file = dir.write("spec.yaml", spec(5)).string();
  dir.write("taken.sqlite", "someone's file");
  const Ended r = run_mpirun({"sweep", spec_file, "--out", "taken.sqlite"}, dir);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  const std::string message = "already exists";
  const auto first = r.err.find(message);
  REQUIRE(first != std::string::npos);
  CHECK(r.err.find(message, first + 1) == std::string::npos);
  CHECK(insim::test::read_text(dir / "taken.sqlite") == "someone's file");
}
