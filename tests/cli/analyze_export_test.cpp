// insim analyze sensitivity and insim export on the database of a tiny real sweep of the Sahel
// baseline: they exit 0 and say what they did; a bad metric exits 2 naming the metrics.
#include <catch2/catch.hpp>
#include <string>

#include "cli/insim_process.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/csv_rows.hpp"

using insim::test::read_text;
using insim::test::run_insim;
using insim::test::ScratchFolder;

namespace {

// One year of the baseline at 2,000 people per agent: a fraction of a second per run.
constexpr const char* kBase =
    "extends: " INSIM_SOURCE_DIR
    "/scenarios/sahel/baseline.yaml\n"
    "name: \"short\"\nrun:\n  steps: 52\nsahel:\n  world:\n    people_per_agent: 2000\n";

// Saltelli's scheme with N = 4 base samples over 2 parameters: 4 x (2 + 2) = 16 runs.
constexpr const char* kSpec =
    "sweep:\n  scenario: base.yaml\n  design: sobol\n  samples: 4\n  seed: 2\n"
    "  parameters:\n"
    "    - {path: sahel.actors.jnim.abuse, distribution: uniform, low: 0.1, high: 2.0}\n"
    "    - {path: sahel.civilians.flee_rate, distribution: log_uniform, low: 0.001, high: "
    "0.025}\n"
    "  metrics:\n"
    "    - {name: displaced, columns: [displaced], from: 2012-01-01, to: 2012-12-31, "
    "aggregate: mean}\n"
    "    - {name: killed, columns: [civilians_killed_by_jnim], from: 2012-01-01, to: "
    "2012-12-31}\n"
    "  series: [deaths_total]\n";

}  // namespace

TEST_CASE("insim analyze sensitivity and insim export read a real sobol sweep's database",
          "[sweep][cli]") {
  ScratchFolder dir("cli-analyze");
  dir.write("base.yaml", kBase);
  dir.write("spec.yaml", kSpec);
  const auto db = (dir / "r.sqlite").string();
  auto r =
      run_insim({"sweep", (dir / "spec.yaml").string(), "--out", db, "--threads", "2"}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE_THAT(r.out, Catch::Contains("16 of 16 done, 0 failed"));

  const auto csv = dir / "out" / "indices.csv";
  const auto svg = dir / "out" / "indices.svg";
  r = run_insim({"analyze", "sensitivity", db, "--metric", "displaced", "--csv", csv.string(),
                 "--svg", svg.string(), "--resamples", "200"},
                dir.path());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("Sobol' indices of displaced"));
  CHECK_THAT(r.out, Catch::Contains("used: 4 of 4 base samples"));
  CHECK_THAT(r.out, Catch::Contains("sahel.actors.jnim.abuse") &&
                        Catch::Contains("sahel.civilians.flee_rate"));
  CHECK_THAT(r.out, Catch::Contains("Matter most for displaced") ||
                        Catch::Contains("does not vary") || Catch::Contains("No parameter"));
  const auto rows = insim::test::csv_rows(read_text(csv));
  REQUIRE(rows.size() == 3);
  CHECK(rows[1][0] == "sahel.actors.jnim.abuse");
  CHECK(rows[2][0] == "sahel.civilians.flee_rate");
  const std::string chart = read_text(svg);
  CHECK(chart.rfind("<svg", 0) == 0);
  CHECK_THAT(chart, Catch::Contains("flee_rate") && Catch::EndsWith("</svg>\n"));

  r = run_insim({"analyze", "sensitivity", db, "--metric", "deaths"}, dir.path());
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("no metric 'deaths'") &&
                        Catch::Contains("its metrics are: displaced, killed"));

  const auto out = dir / "csv";
  r = run_insim({"export", db, "--csv", out.string()}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("16 points, 16 runs (16 with metrics)"));
  CHECK(insim::test::csv_rows(read_text(out / "points.csv")).size() == 17);
  CHECK(insim::test::csv_rows(read_text(out / "runs.csv")).size() == 17);
  const auto metrics = insim::test::csv_rows(read_text(out / "metrics.csv"));
  REQUIRE(metrics.size() == 17);
  CHECK(metrics[0] ==
        std::vector<std::string>{"run_id", "point_id", "replicate", "displaced", "killed"});
  // 53 recorded states (steps 0..52) of one column for each of the 16 runs.
  CHECK(insim::test::csv_rows(read_text(out / "series.csv")).size() == 1 + 16 * 53);
}
