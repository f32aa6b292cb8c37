// Issue 6, acceptance 4: `insim run`, `insim compare` and `insim sweep` stopped (SIGTERM) or
// killed (SIGKILL) at random moments never leave a partial output. Every output file present is
// complete: CSV rows as wide as the header and a final newline, JSON that parses, an HTML page,
// SVG and PNG figures that end as they must, a sweep database that passes quick_check with every
// finished run's metrics. A run's or comparison's manifest.json is renamed into place last, so
// when it is there every output it lists is there too. After SIGTERM no temporary file remains;
// after SIGKILL temporary files (hidden names) may remain, never under an output's name.
//
// The moments are drawn from a seed printed with the test's output; rerun one with
// INSIM_INTERRUPT_SEED=<seed>.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "cli/insim_process.hpp"
#include "rng/counter_rng.hpp"
#include "support/scratch_folder.hpp"

namespace fs = std::filesystem;
using insim::test::read_text;
using insim::test::ScratchFolder;
using namespace std::chrono_literals;

namespace {

using Clock = std::chrono::steady_clock;

// The baseline for one year at 2,000 people per agent: a fraction of a second per run.
constexpr const char* kBase =
    "extends: " INSIM_SOURCE_DIR
    "/scenarios/sahel/baseline.yaml\n"
    "name: \"short\"\nrun:\n  steps: 52\nsahel:\n  world:\n    people_per_agent: 2000\n";
constexpr const char* kAlternative =
    "extends: base.yaml\nname: \"abusive\"\nsahel:\n  actors:\n    jnim:\n      abuse: 1.5\n";
constexpr const char* kSpec =
    "sweep:\n  scenario: base.yaml\n  design: latin_hypercube\n  samples: 6\n  replicates: 1\n"
    "  seed: 3\n  parameters:\n"
    "    - {path: sahel.actors.jnim.abuse, distribution: uniform, low: 0.1, high: 2.0}\n"
    "  metrics:\n"
    "    - {name: killed, columns: [civilians_killed_by_jnim], from: 2012-01-01, to: 2012-12-31}\n"
    "    - {name: displaced, columns: [displaced], from: 2012-06-01, to: 2012-12-31, "
    "aggregate: mean}\n"
    "  series: [deaths_total]\n";

std::uint64_t interrupt_seed() {
  if (const char* given = std::getenv("INSIM_INTERRUPT_SEED"))
    return std::strtoull(given, nullptr, 10);
  return static_cast<std::uint64_t>(Clock::now().time_since_epoch().count());
}

// A delay in [0, limit] for attempt i of command `stream`, from the test's seed.
std::chrono::milliseconds random_delay(std::uint64_t seed, std::uint64_t stream, std::uint64_t i,
                                       std::chrono::milliseconds limit) {
  insim::rng::CounterRng g(seed, stream, i, 0);
  return std::chrono::milliseconds(g.below(static_cast<std::uint64_t>(limit.count()) + 1));
}

struct Ended {
  int status = 0;
  std::chrono::milliseconds took{};
};

// Starts `insim ARGS` in `work`, sends `signal` after `delay` (0: never) and waits for it to end.
Ended run_and_interrupt(const std::vector<std::string>& args, const fs::path& work, int signal,
                        std::chrono::milliseconds delay) {
  const auto start = Clock::now();
  const pid_t pid = insim::test::spawn_insim(args, work, work / ".stdout", work / ".stderr");
  if (signal != 0) {
    // Wait until the moment, unless it ends first; the child is not reaped before the signal,
    // so its pid cannot be another process's.
    int status = 0;
    while (Clock::now() - start < delay) {
      if (::waitpid(pid, &status, WNOHANG) == pid)
        return {status,
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start)};
      std::this_thread::sleep_for(1ms);
    }
    ::kill(pid, signal);
  }
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  return {status, std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start)};
}

std::string describe(int status) {
  if (WIFEXITED(status)) return "exit " + std::to_string(WEXITSTATUS(status));
  return "signal " + std::to_string(WTERMSIG(status));
}

// One line per attempt in the test's output: what was sent when, and how the command ended.
void report(const char* command, std::size_t attempt, int signal, std::chrono::milliseconds delay,
            int status, std::size_t outputs) {
  std::cout << command << " attempt " << attempt << ": "
            << (signal == SIGKILL ? "SIGKILL" : "SIGTERM") << " after " << delay.count()
            << " ms -> " << describe(status) << ", " << outputs << " outputs" << std::endl;
}

// Fields of one CSV line, quotes understood ("a,b" is one field, "" a quote inside one).
std::size_t csv_fields(std::string_view line) {
  std::size_t fields = 1;
  bool quoted = false;
  for (char ch : line) {
    if (ch == '"')
      quoted = !quoted;
    else if (ch == ',' && !quoted)
      ++fields;
  }
  return fields;
}

// Why the file is not a complete output, or "" when it is.
std::string incomplete(const fs::path& file) {
  const std::string text = read_text(file);
  const std::string ext = file.extension().string();
  if (ext == ".csv") {
    if (text.empty() || text.back() != '\n') return "does not end with a newline";
    std::size_t begin = 0;
    std::size_t width = 0;
    std::size_t line_number = 0;
    std::string_view all(text);
    while (begin < all.size()) {
      const std::size_t end = all.find('\n', begin);
      const std::size_t n = csv_fields(all.substr(begin, end - begin));
      if (line_number++ == 0)
        width = n;
      else if (n != width)
        return "line " + std::to_string(line_number) + " has " + std::to_string(n) +
               " fields, the header " + std::to_string(width);
      begin = end + 1;
    }
    return "";
  }
  if (ext == ".json") return nlohmann::json::accept(text) ? "" : "is not JSON";
  if (ext == ".html") return text.ends_with("</html>\n") ? "" : "does not end with </html>";
  if (ext == ".svg") return text.ends_with("</svg>\n") ? "" : "does not end with </svg>";
  if (ext == ".png") {
    const bool ok = text.starts_with("\x89PNG\r\n\x1a\n") &&
                    text.ends_with(std::string_view("IEND\xae\x42\x60\x82", 8));
    return ok ? "" : "is not a whole PNG";
  }
  return "is not a known kind of output";
}

// Temporary entries (hidden names, at any depth) and the output files at their final names.
struct Folder {
  std::vector<std::string> temporary;
  std::vector<std::string> outputs;  // relative paths, sorted
};

Folder look_into(const fs::path& folder) {
  Folder f;
  if (!fs::exists(folder)) return f;
  for (auto it = fs::recursive_directory_iterator(folder); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string name = it->path().filename().string();
    const std::string relative = fs::relative(it->path(), folder).string();
    if (name.starts_with(".")) {
      f.temporary.push_back(relative);
      if (it->is_directory()) it.disable_recursion_pending();
    } else if (it->is_regular_file()) {
      f.outputs.push_back(relative);
    }
  }
  std::sort(f.outputs.begin(), f.outputs.end());
  return f;
}

// Every output present is complete, and if the manifest (renamed last) is there, so is every
// output it lists. Without the manifest there is no output at all after a stop; after SIGKILL
// neither, for `insim run`, whose outputs are renamed into place within microseconds
// (output::commit_all), but `insim compare` writes its figures and report before its tables and
// may be killed in between. Returns the outputs found.
enum class Renamed { together, figures_first };

std::vector<std::string> check_outputs(const fs::path& out, int signal, int status,
                                       Renamed renamed) {
  const Folder f = look_into(out);
  INFO((signal == SIGKILL   ? "SIGKILL"
        : signal == SIGTERM ? "SIGTERM"
                            : "no signal")
       << ", then " << describe(status));
  for (const auto& name : f.outputs) {
    const std::string why = incomplete(out / name);
    INFO(name << ": " << why);
    CHECK(why.empty());
  }
  const bool killed_by_signal = WIFSIGNALED(status);
  if (!killed_by_signal) CHECK(f.temporary.empty());  // a stop or a normal end cleans up
  if (fs::exists(out / "manifest.json")) {
    const auto manifest = nlohmann::json::parse(read_text(out / "manifest.json"));
    for (const auto& listed : manifest.at("outputs")) {
      const std::string name = listed.get<std::string>();
      INFO("listed in manifest.json: " << name);
      CHECK(fs::exists(out / name));
    }
  } else if (!killed_by_signal || renamed == Renamed::together) {
    CHECK(f.outputs.empty());  // nothing of this run was kept
  }
  return f.outputs;
}

std::int64_t query(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  std::int64_t n = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return n;
}

// The database is whole: quick_check passes, the plan is there, every finished run has all its
// metrics. Returns the number of finished runs.
std::int64_t check_database(const fs::path& file) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  std::string check;
  if (sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    check = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  CHECK(check == "ok");
  CHECK(query(db, "SELECT count(*) FROM sweep") == 1);
  CHECK(query(db, "SELECT count(*) FROM points") == 6);
  const std::int64_t metrics = query(db, "SELECT count(*) FROM metric_definitions");
  CHECK(metrics == 2);
  CHECK(query(db,
              "SELECT count(*) FROM runs r WHERE r.status = 'done' AND (SELECT count(*) FROM "
              "metrics m WHERE m.run_id = r.run_id) != " +
                  std::to_string(metrics)) == 0);
  CHECK(query(db,
              "SELECT count(*) FROM runs r WHERE r.status = 'done' AND NOT EXISTS (SELECT 1 "
              "FROM series s WHERE s.run_id = r.run_id)") == 0);
  const std::int64_t done = query(db, "SELECT count(*) FROM runs WHERE status = 'done'");
  sqlite3_close(db);
  return done;
}

class Seed {
 public:
  Seed() : value_(interrupt_seed()) {
    std::cout << "random interrupt seed " << value_
              << " (rerun with INSIM_INTERRUPT_SEED=" << value_ << ")" << std::endl;
  }
  [[nodiscard]] std::uint64_t value() const { return value_; }

 private:
  std::uint64_t value_;
};

const std::vector<int> kSignals = {SIGTERM, SIGKILL, SIGTERM, SIGKILL, SIGTERM, SIGKILL};

}  // namespace

TEST_CASE("insim run: stopped or killed at random moments, no output is ever partial",
          "[cli][interrupt]") {
  const Seed seed;
  INFO("INSIM_INTERRUPT_SEED=" << seed.value());
  ScratchFolder dir("random-interrupt-run");
  dir.write("base.yaml", kBase);
  const auto args = [&](const std::string& out) {
    return std::vector<std::string>{"run", (dir / "base.yaml").string(), "--threads", "2", "--out",
                                    out};
  };
  const Ended whole = run_and_interrupt(args("whole"), dir.path(), 0, 0ms);
  REQUIRE(describe(whole.status) == "exit 0");
  const auto expected = check_outputs(dir / "whole", 0, whole.status, Renamed::together);
  REQUIRE(expected.size() == 6);  // timeseries, regions, events, yearly, summary, manifest
  for (std::size_t i = 0; i < kSignals.size(); ++i) {
    const std::string out = "out" + std::to_string(i);
    const auto delay = random_delay(seed.value(), 1, i, whole.took * 9 / 10);
    INFO("attempt " << i << ": signal " << kSignals[i] << " after " << delay.count() << " ms");
    const Ended e = run_and_interrupt(args(out), dir.path(), kSignals[i], delay);
    const auto found = check_outputs(dir / out, kSignals[i], e.status, Renamed::together);
    report("insim run", i, kSignals[i], delay, e.status, found.size());
    if (describe(e.status) == "exit 0") CHECK(found == expected);
    if (describe(e.status) == "exit 143") CHECK(!fs::exists(dir / out));  // the folder it made
    for (const auto& name : found) {
      if (name.ends_with(".csv"))
        CHECK(read_text(dir / out / name) == read_text(dir / "whole" / name));
    }
  }
}

TEST_CASE("insim compare: stopped or killed at random moments, no output is ever partial",
          "[cli][interrupt]") {
  const Seed seed;
  INFO("INSIM_INTERRUPT_SEED=" << seed.value());
  ScratchFolder dir("random-interrupt-compare");
  dir.write("base.yaml", kBase);
  dir.write("abusive.yaml", kAlternative);
  const auto args = [&](const std::string& out) {
    return std::vector<std::string>{"compare",
                                    (dir / "base.yaml").string(),
                                    (dir / "abusive.yaml").string(),
                                    "--runs",
                                    "2",
                                    "--validation-runs",
                                    "0",
                                    "--threads",
                                    "2",
                                    "--out",
                                    out};
  };
  const Ended whole = run_and_interrupt(args("whole"), dir.path(), 0, 0ms);
  INFO(read_text(dir / ".stderr"));
  REQUIRE(describe(whole.status) == "exit 0");
  const auto expected = check_outputs(dir / "whole", 0, whole.status, Renamed::figures_first);
  REQUIRE(expected.size() > 6);  // report.html, figures, five tables and the manifest
  for (std::size_t i = 0; i < kSignals.size(); ++i) {
    const std::string out = "out" + std::to_string(i);
    const auto delay = random_delay(seed.value(), 2, i, whole.took * 9 / 10);
    INFO("attempt " << i << ": signal " << kSignals[i] << " after " << delay.count() << " ms");
    const Ended e = run_and_interrupt(args(out), dir.path(), kSignals[i], delay);
    const auto found = check_outputs(dir / out, kSignals[i], e.status, Renamed::figures_first);
    report("insim compare", i, kSignals[i], delay, e.status, found.size());
    if (describe(e.status) == "exit 0") CHECK(found == expected);
    for (const char* table : {"summary.csv", "runs.csv", "differences.csv"}) {
      if (fs::exists(dir / out / table))
        CHECK(read_text(dir / out / table) == read_text(dir / "whole" / table));
    }
  }
}

TEST_CASE("insim sweep: stopped or killed at random moments, the database is never partial",
          "[cli][interrupt]") {
  const Seed seed;
  INFO("INSIM_INTERRUPT_SEED=" << seed.value());
  ScratchFolder dir("random-interrupt-sweep");
  dir.write("base.yaml", kBase);
  dir.write("spec.yaml", kSpec);
  const auto args = [&](const std::string& db) {
    return std::vector<std::string>{"sweep",     (dir / "spec.yaml").string(),
                                    "--threads", "2",
                                    "--out",     (dir / db / "results.sqlite").string()};
  };
  const Ended whole = run_and_interrupt(args("whole"), dir.path(), 0, 0ms);
  INFO(read_text(dir / ".stderr"));
  REQUIRE(describe(whole.status) == "exit 0");
  CHECK(check_database(dir / "whole" / "results.sqlite") == 6);
  for (std::size_t i = 0; i < kSignals.size(); ++i) {
    const std::string out = "out" + std::to_string(i);
    const auto delay = random_delay(seed.value(), 3, i, whole.took * 9 / 10);
    INFO("attempt " << i << ": signal " << kSignals[i] << " after " << delay.count() << " ms");
    const Ended e = run_and_interrupt(args(out), dir.path(), kSignals[i], delay);
    INFO(describe(e.status) << "; stderr: " << read_text(dir / ".stderr"));
    const Folder f = look_into(dir / out);
    report("insim sweep", i, kSignals[i], delay, e.status, f.outputs.size());
    // Only the database at its final name, and after a stop not even SQLite's side files.
    for (const auto& name : f.outputs)
      CHECK((name == "results.sqlite" || name.starts_with("results.sqlite-")));
    if (!WIFSIGNALED(e.status)) {
      CHECK(f.temporary.empty());
      CHECK(f.outputs.size() <= 1);
    }
    if (fs::exists(dir / out / "results.sqlite")) {
      const std::int64_t done = check_database(dir / out / "results.sqlite");
      if (describe(e.status) == "exit 0") CHECK(done == 6);
    }
  }
}
