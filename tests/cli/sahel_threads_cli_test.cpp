#include <catch2/catch.hpp>
#include <string>

#include "cli/insim_process.hpp"
#include "support/scratch_folder.hpp"

using insim::test::read_text;
using insim::test::run_insim;
using insim::test::ScratchFolder;

// The Sahel baseline through the command line, coarse (500 people per agent) and cut at 300
// weeks (to 2017-10) to keep it cheap: every CSV it writes has the same bytes for 1 and 2
// threads (tests/determinism/sahel_threads_test.cpp checks 4 threads and every step's hash).
TEST_CASE("insim run: the Sahel baseline's CSV outputs are bit-identical for 1 and 2 threads",
          "[sahel]") {
  ScratchFolder dir("cli-sahel-threads");
  const std::string baseline = std::string(INSIM_SOURCE_DIR) + "/scenarios/sahel/baseline.yaml";
  for (const std::string threads : {"1", "2"}) {
    const auto r = run_insim({"run", baseline, "--out", "threads-" + threads, "--threads", threads,
                              "--steps", "300", "--set", "sahel.world.people_per_agent=500"},
                             dir.path());
    INFO(threads << " threads: " << r.err);
    REQUIRE(r.exit_code == 0);
  }
  for (const char* file : {"timeseries.csv", "regions.csv", "events.csv", "yearly.csv"}) {
    INFO(file);
    const std::string one = read_text(dir / "threads-1" / file);
    const std::string two = read_text(dir / "threads-2" / file);
    REQUIRE(one.size() > 100);  // written, with rows
    CHECK(one == two);
  }
  CHECK_THAT(read_text(dir / "threads-2" / "manifest.json"), Catch::Contains("\"threads\": 2,"));
}
