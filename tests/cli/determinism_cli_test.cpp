#include <catch2/catch.hpp>

#include "cli/insim_process.hpp"
#include "support/scratch_folder.hpp"

using insim::test::cli_data;
using insim::test::read_text;
using insim::test::run_insim;
using insim::test::ScratchFolder;

TEST_CASE("insim run: timeseries.csv is bit-identical for 1, 2, 4 and 8 threads") {
  const std::string activation = GENERATE(as<std::string>{}, "sequential", "parallel");
  ScratchFolder dir("cli-threads-" + activation);
  std::string reference;
  for (const std::string threads : {"1", "2", "4", "8"}) {
    const std::string out = "threads-" + threads;
    const auto r = run_insim({"run", cli_data("small.yaml").string(), "--out", out, "--threads",
                              threads, "--steps", "150", "--set", "epstein.width=80", "--set",
                              "epstein.height=80", "--set", "epstein.activation=" + activation},
                             dir.path());
    INFO(activation << " activation, " << threads << " threads: " << r.err);
    REQUIRE(r.exit_code == 0);
    const std::string csv = read_text(dir / out / "timeseries.csv");
    REQUIRE(csv.size() > 150 * 4);
    if (reference.empty()) {
      reference = csv;
    } else {
      CHECK(csv == reference);
    }
    CHECK_THAT(read_text(dir / out / "manifest.json"),
               Catch::Contains("\"threads\": " + threads + ","));
  }
}
