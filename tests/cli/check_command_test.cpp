// `insim check`: the validation table on the real Sahel baseline, kept short (1,000 people per
// agent, two runs), and its refusals.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "cli/insim_process.hpp"
#include "output/csv_test_reader.hpp"
#include "support/scratch_folder.hpp"

using insim::test::cli_data;
using insim::test::read_text;
using insim::test::run_insim;
using insim::test::ScratchFolder;

namespace {
std::string baseline() {
  return (std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios/sahel/baseline.yaml").string();
}
}  // namespace

TEST_CASE("insim check: prints every check and a summary, and writes the same rows as CSV and JSON",
          "[sahel]") {
  ScratchFolder dir("cli-check");
  const auto csv = dir / "table.csv";
  const auto json = dir / "table.json";
  const auto r =
      run_insim({"check", baseline(), "--runs", "2", "--set", "sahel.world.people_per_agent=1000",
                 "--csv", csv.string(), "--json", json.string()},
                dir.path());
  INFO(r.err);
  CHECK((r.exit_code == 0 || r.exit_code == 1));
  CHECK(r.err.empty());  // no progress bar when stderr is not a terminal
  CHECK_THAT(r.out, Catch::Contains("2 runs, seeds 1-2"));
  CHECK_THAT(r.out, Catch::Contains("\nPatterns (MODEL.md)\n"));
  CHECK_THAT(r.out, Catch::Contains("\nCalibration targets 2012-2019\n"));
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, std::regex(R"(\n(\d+) of (\d+) checks pass\n$)")));
  const int passed = std::stoi(m[1]);
  const int total = std::stoi(m[2]);
  CHECK(r.exit_code == (passed == total ? 0 : 1));

  const auto rows = insim::test::parse_csv(read_text(csv));
  REQUIRE(rows.size() == static_cast<std::size_t>(total) + 1);
  CHECK(rows[0][1] == "id");
  const auto j = nlohmann::json::parse(read_text(json));
  CHECK(j["checks"] == total);
  CHECK(j["passed"] == passed);
  CHECK(j["seeds"] == nlohmann::json::array({1, 2}));

  std::vector<std::string> ids;
  for (const auto& g : j["groups"])
    for (const auto& c : g["checks"]) {
      ids.push_back(c["id"]);
      CHECK(c["values"].size() == 2);
    }
  REQUIRE(ids.size() == static_cast<std::size_t>(total));
  for (std::size_t i = 0; i < ids.size(); ++i) {
    INFO(ids[i]);
    CHECK(rows[i + 1][1] == ids[i]);
    CHECK(std::regex_search(r.out, std::regex("\n  " + ids[i] + " ")));
  }
  for (const char* id : {"P1a",
                         "P1b",
                         "P2",
                         "P3",
                         "P4a",
                         "P4b",
                         "P5",
                         "P6",
                         "P7",
                         "P8a",
                         "P8b",
                         "P9",
                         "P10",
                         "P11a",
                         "P11b",
                         "deaths-2012",
                         "deaths-2019",
                         "rank",
                         "idp-2012-06-15",
                         "idp-2019-12-31"}) {
    INFO(id);
    CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
  }
}

TEST_CASE("insim check: a scenario of another model is refused, exit 2") {
  ScratchFolder dir("cli-check-epstein");
  const auto r = run_insim({"check", cli_data("small.yaml").string()}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("Sahel scenarios only"));
  CHECK_THAT(r.err, Catch::Contains("epstein"));
}

TEST_CASE("insim check: a missing targets file or a bad --runs is bad input, exit 2") {
  ScratchFolder dir("cli-check-bad");
  auto r = run_insim({"check", baseline(), "--targets", (dir / "none.yaml").string()}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("none.yaml"));
  r = run_insim({"check", baseline(), "--runs", "0"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--runs"));
}
