#include <catch2/catch.hpp>

#include "cli/insim_process.hpp"
#include "support/scratch_folder.hpp"

using insim::test::cli_data;
using insim::test::run_insim;
using insim::test::ScratchFolder;

TEST_CASE("insim run: peak memory does not grow with the number of steps") {
  ScratchFolder dir("cli-memory");
  auto peak_kib = [&](const std::string& steps) {
    const auto r =
        run_insim({"run", cli_data("small.yaml").string(), "--out", "o" + steps, "--threads", "1",
                   "--steps", steps, "--set", "epstein.width=16", "--set", "epstein.height=16"},
                  dir.path());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.peak_rss_kib;
  };
  const long short_run = peak_kib("200");
  const long long_run = peak_kib("50000");
  // 50,000 rows are several MB of CSV text and ~3 MB of doubles: keeping either in memory
  // would show; a streaming writer stays within allocator noise.
  INFO("peak RSS: " << short_run << " KiB for 200 steps, " << long_run << " KiB for 50000");
  CHECK(long_run - short_run < 1024);
}
