#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/insim_process.hpp"
#include "support/scratch_folder.hpp"

using insim::test::cli_data;
using insim::test::read_text;
using insim::test::run_insim;
using insim::test::ScratchFolder;

TEST_CASE("insim run: the closing line names every file written, as the manifest lists them",
          "[cli]") {
  ScratchFolder dir("cli-closing-lines");
  const auto r =
      run_insim({"run", cli_data("small.yaml").string(), "--out", "o", "--steps", "5"}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  // A model without places or tables (Epstein): the same line as before regions.csv existed.
  CHECK_THAT(r.out, Catch::StartsWith("wrote timeseries.csv, summary.json, manifest.json in o\n"));
  const auto manifest = nlohmann::json::parse(read_text(dir / "o" / "manifest.json"));
  CHECK(manifest["outputs"] ==
        std::vector<std::string>{"timeseries.csv", "summary.json", "manifest.json"});
}
