// insim analyze sensitivity's work on sweep databases of known functions: Ishigami's Sobol'
// indices, Morris on a linear function, replicates averaged, failed and pending runs left out
// and counted, and what is refused (other designs, unknown metrics, points that are not the
// design's).
#include "sweep/sensitivity_analysis.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "analysis_fixture.hpp"
#include "core/error.hpp"
#include "csv_rows.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/result_reader.hpp"
#include "sweep/sensitivity_chart.hpp"
#include "sweep/sensitivity_report.hpp"
#include "sweep/sqlite_connection.hpp"

using insim::InputError;
using insim::analysis::BootstrapOptions;
using insim::sweep::analyze_sensitivity;
using insim::sweep::ResultReader;
using insim::test::kPiText;
using insim::test::record_sweep;
using insim::test::ScratchFolder;
using insim::test::spec_sweep;
using insim::test::uniform_spec;

namespace {

constexpr double kPi = 3.14159265358979323846;

// Ishigami & Homma (1990) on x in [-pi, pi]^3, a = 7, b = 0.1, and its analytic indices
// (Saltelli et al. 2008, The Primer, 4.6): V1 = (1 + b pi^4/5)^2 / 2, V2 = a^2/8,
// V13 = b^2 pi^8 (1/18 - 1/50).
double ishigami(std::span<const double> x) {
  const double s2 = std::sin(x[1]);
  return std::sin(x[0]) + 7.0 * s2 * s2 + 0.1 * std::pow(x[2], 4) * std::sin(x[0]);
}
struct IshigamiIndices {
  double v1 = 0.5 * std::pow(1.0 + 0.1 * std::pow(kPi, 4) / 5.0, 2);
  double v2 = 49.0 / 8.0;
  double v13 = 0.01 * std::pow(kPi, 8) * (1.0 / 18.0 - 1.0 / 50.0);
  double v = v1 + v2 + v13;
  double first[3] = {v1 / v, v2 / v, 0.0};
  double total[3] = {(v1 + v13) / v, v2 / v, v13 / v};
};

}  // namespace

TEST_CASE(
    "analyze sensitivity: Ishigami's Sobol' indices from a sweep database are within 0.02 "
    "of the analytic values at N = 2^12",
    "[sweep][sensitivity][acceptance]") {
  ScratchFolder dir("sensitivity-ishigami");
  const auto s = spec_sweep(dir, uniform_spec("sobol", 4096, 3, -kPiText, kPiText));
  const auto db = dir / "r.sqlite";
  record_sweep(s, db, [](std::span<const double> x, std::int64_t) { return ishigami(x); });

  const ResultReader reader(db);
  const auto r = analyze_sensitivity(reader, "y", BootstrapOptions{500, 0.95, 7});
  REQUIRE(r.design == insim::sweep::Design::sobol);
  CHECK(r.units == 4096);
  CHECK(r.units_used == 4096);
  CHECK(r.outputs.points_without_value == 0);
  const IshigamiIndices exact;
  for (std::size_t i = 0; i < 3; ++i) {
    INFO("x" << i + 1 << ": S = " << r.sobol.first_order[i].estimate
             << ", ST = " << r.sobol.total[i].estimate);
    CHECK(std::abs(r.sobol.first_order[i].estimate - exact.first[i]) < 0.02);
    CHECK(std::abs(r.sobol.total[i].estimate - exact.total[i]) < 0.02);
    CHECK(r.sobol.first_order[i].low <= exact.first[i]);
    CHECK(r.sobol.first_order[i].high >= exact.first[i]);
    CHECK(r.sobol.total[i].low <= exact.total[i]);
    CHECK(r.sobol.total[i].high >= exact.total[i]);
  }
  // ST ranks x1 (0.56), x2 (0.44), x3 (0.24); S1 sums to 0.76: a quarter is interactions (x1 x3).
  const std::string summary = insim::sweep::importance_summary(r);
  CHECK_THAT(summary, Catch::Contains("x1 (0.56), x2 (0.44), x3 (0.24)"));
  CHECK_THAT(summary, Catch::Contains("about 24% of the variance of y comes from interactions"));
  const std::string text = insim::sweep::sensitivity_text(r, "r.sqlite");
  CHECK_THAT(text, Catch::Contains("used: 4096 of 4096 base samples"));
  CHECK_THAT(text, !Catch::Contains("mean over"));  // one replicate: nothing averaged
}

TEST_CASE(
    "analyze sensitivity: Morris on a linear function ranks the parameters by their effect "
    "over their ranges",
    "[sweep][sensitivity][acceptance]") {
  ScratchFolder dir("sensitivity-morris");
  // y = 3 x1 - 2 x2 + 0.5 x3 + 0 x4 with ranges 1, 10, 100, 5: the effects over each range are
  // 3, -20, 50 and 0, so the ranking is x3, x2, x1, x4 (not the coefficients' order).
  std::string spec =
      "sweep:\n  scenario: base.yaml\n  design: morris\n  samples: 12\n  morris_levels: 4\n"
      "  seed: 5\n  parameters:\n"
      "    - {path: x1, distribution: uniform, low: 0, high: 1}\n"
      "    - {path: x2, distribution: uniform, low: 0, high: 10}\n"
      "    - {path: x3, distribution: uniform, low: -50, high: 50}\n"
      "    - {path: x4, distribution: uniform, low: 1, high: 6}\n"
      "  metrics:\n    - {name: y, columns: [c]}\n    - {name: z, columns: [c]}\n";
  const auto s = spec_sweep(dir, spec);
  const auto db = dir / "r.sqlite";
  record_sweep(s, db, [](std::span<const double> x, std::int64_t) {
    return 10.0 + 3.0 * x[0] - 2.0 * x[1] + 0.5 * x[2] + 0.0 * x[3];
  });
  const auto r = analyze_sensitivity(ResultReader(db), "y", BootstrapOptions{200, 0.95, 1});
  REQUIRE(r.design == insim::sweep::Design::morris);
  CHECK(r.units_used == 12);
  const double effect[4] = {3.0, -20.0, 50.0, 0.0};
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(r.morris.parameters[i].mu == Approx(effect[i]).margin(1e-9));
    CHECK(r.morris.parameters[i].mu_star == Approx(std::abs(effect[i])).margin(1e-9));
    CHECK(r.morris.parameters[i].sigma == Approx(0.0).margin(1e-9));
  }
  CHECK(insim::sweep::importance_order(r) == std::vector<std::size_t>{2, 1, 0, 3});
  const std::string summary = insim::sweep::importance_summary(r);
  CHECK_THAT(summary, Catch::Contains("x3 (50.0), x2 (20.0)"));
  CHECK_THAT(summary, Catch::Contains("Matter little (mu* below a tenth of the largest): x1 "
                                      "(3.0), x4 (0.0)"));
  CHECK_THAT(summary, Catch::Contains("y falls as these rise: x2"));
  const auto csv = insim::test::csv_rows(insim::sweep::sensitivity_csv(r));
  REQUIRE(csv.size() == 5);
  CHECK(csv[0] == std::vector<std::string>{"parameter", "mu_star", "mu_star_low", "mu_star_high",
                                           "mu", "sigma"});
  CHECK(csv[2][0] == "x2");
  CHECK(std::stod(csv[2][4]) == Approx(-20.0).margin(1e-9));
}

TEST_CASE("analyze sensitivity: with replicates a point's metric is the mean over them",
          "[sweep][sensitivity]") {
  ScratchFolder dir("sensitivity-replicates");
  const auto s1 = spec_sweep(dir, uniform_spec("sobol", 256, 3, -kPiText, kPiText));
  const auto one = dir / "one.sqlite";
  record_sweep(s1, one, [](std::span<const double> x, std::int64_t) { return ishigami(x); });
  // Replicates f + 2g, f - g, f - g: their mean is f, their median is not; g alone would make
  // x3 matter on its own, so a wrong reduction moves S3 far from that of f.
  const auto s3 = spec_sweep(dir, uniform_spec("sobol", 256, 3, -kPiText, kPiText, 3));
  const auto three = dir / "three.sqlite";
  record_sweep(s3, three, [](std::span<const double> x, std::int64_t replicate) {
    const double g = 5.0 * x[2];
    return ishigami(x) + (replicate == 0 ? 2.0 * g : -g);
  });
  const BootstrapOptions options{300, 0.95, 3};
  const auto a = analyze_sensitivity(ResultReader(one), "y", options);
  const auto b = analyze_sensitivity(ResultReader(three), "y", options);
  CHECK(b.replicates == 3);
  CHECK(b.units_used == 256);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(b.sobol.first_order[i].estimate == Approx(a.sobol.first_order[i].estimate).margin(1e-9));
    CHECK(b.sobol.total[i].estimate == Approx(a.sobol.total[i].estimate).margin(1e-9));
    CHECK(b.sobol.total[i].low == Approx(a.sobol.total[i].low).margin(1e-9));
    CHECK(b.sobol.total[i].high == Approx(a.sobol.total[i].high).margin(1e-9));
  }
  CHECK_THAT(insim::sweep::sensitivity_text(b, "three.sqlite"),
             Catch::Contains("is the mean over its 3 replicates"));
}

TEST_CASE(
    "analyze sensitivity: failed, pending and NaN runs leave their Saltelli groups out and "
    "are counted",
    "[sweep][sensitivity]") {
  ScratchFolder dir("sensitivity-failed");
  const auto s = spec_sweep(dir, uniform_spec("sobol", 64, 3, -kPiText, kPiText, 2));
  const auto db = dir / "r.sqlite";
  // Groups are 5 points of 2 runs: runs 10g .. 10g + 9 belong to group g.
  const auto failed = [](std::int64_t run) { return run == 31 || run == 104 || run == 105; };
  const auto pending = [](std::int64_t run) { return run == 200; };
  const std::int64_t nan_run = 307;
  record_sweep(
      s, db, [&](std::span<const double> x, std::int64_t) { return ishigami(x); }, pending, failed);
  {  // a done run whose metric is not a number (its window saw nothing): stored as NULL
    insim::sweep::Connection c(db, insim::sweep::Connection::Mode::read_write);
    c.exec(
        fmt::format("UPDATE metrics SET value = NULL WHERE run_id = {} AND name = 'y'", nan_run));
  }
  const auto r = analyze_sensitivity(ResultReader(db), "y", BootstrapOptions{200, 0.95, 1});
  CHECK(r.units == 64);
  CHECK(r.units_used == 60);  // groups 3, 10, 20 and 30 are out
  CHECK(r.outputs.runs_failed == 3);
  CHECK(r.outputs.runs_pending == 1);
  CHECK(r.outputs.runs_without_value == 1);
  CHECK(r.outputs.points_without_value == 4);  // runs 104 and 105 are one point's replicates
  // The same as the estimator given NaN for those points.
  std::vector<double> outputs;
  for (std::size_t p = 0; p < s.points.count(); ++p) outputs.push_back(ishigami(s.values(p)));
  for (const std::size_t p : {15u, 52u, 100u, 153u}) {
    outputs[p] = std::numeric_limits<double>::quiet_NaN();
  }
  const auto direct = insim::analysis::sobol_indices(outputs, 3, BootstrapOptions{200, 0.95, 1});
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(r.sobol.first_order[i].estimate == Approx(direct.first_order[i].estimate));
    CHECK(r.sobol.total[i].estimate == Approx(direct.total[i].estimate));
  }
  const std::string text = insim::sweep::sensitivity_text(r, "r.sqlite");
  CHECK_THAT(text, Catch::Contains("used: 60 of 64 base samples; left out: the base samples of 4 "
                                   "points (3 runs failed, 1 run pending, 1 run without a value "
                                   "of y)"));
}

TEST_CASE("analyze sensitivity: too few complete groups is refused with what is missing",
          "[sweep][sensitivity]") {
  ScratchFolder dir("sensitivity-too-few");
  const auto s = spec_sweep(dir, uniform_spec("sobol", 4, 2, 0.0, 1.0));
  const auto db = dir / "r.sqlite";
  record_sweep(
      s, db, [](std::span<const double> x, std::int64_t) { return x[0]; },
      [](std::int64_t run) { return run >= 4; });  // only the first group is complete
  try {
    (void)analyze_sensitivity(ResultReader(db), "y", {});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("r.sqlite") && Catch::Contains("12 pending") &&
                             Catch::Contains("--resume"));
  }
}

TEST_CASE(
    "analyze sensitivity: a latin_hypercube sweep is refused, naming the designs that "
    "support it",
    "[sweep][sensitivity]") {
  ScratchFolder dir("sensitivity-lhs");
  const auto s = spec_sweep(dir, uniform_spec("latin_hypercube", 10, 2, 0.0, 1.0));
  const auto db = dir / "r.sqlite";
  record_sweep(s, db, [](std::span<const double> x, std::int64_t) { return x[0]; });
  try {
    (void)analyze_sensitivity(ResultReader(db), "y", {});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("r.sqlite") && Catch::Contains("latin_hypercube") &&
                             Catch::Contains("'sobol'") && Catch::Contains("'morris'"));
  }
}

TEST_CASE("analyze sensitivity: an unknown metric is refused with the list of metrics",
          "[sweep][sensitivity]") {
  ScratchFolder dir("sensitivity-metric");
  const auto s = spec_sweep(dir, uniform_spec("sobol", 4, 2, 0.0, 1.0));
  const auto db = dir / "r.sqlite";
  record_sweep(s, db, [](std::span<const double> x, std::int64_t) { return x[0]; });
  try {
    (void)analyze_sensitivity(ResultReader(db), "killed", {});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(),
               Catch::Contains("no metric 'killed'") && Catch::Contains("its metrics are: y, z"));
  }
}

TEST_CASE("analyze sensitivity: stored points that are not the stored spec's design are refused",
          "[sweep][sensitivity]") {
  ScratchFolder dir("sensitivity-mismatch");
  const auto s = spec_sweep(dir, uniform_spec("sobol", 8, 2, 0.0, 1.0));
  const auto db = dir / "r.sqlite";
  record_sweep(s, db, [](std::span<const double> x, std::int64_t) { return x[0]; });
  {
    insim::sweep::Connection c(db, insim::sweep::Connection::Mode::read_write);
    c.exec("UPDATE point_values SET value = value + 0.01 WHERE point_id = 5 AND parameter = 'x2'");
  }
  try {
    (void)analyze_sensitivity(ResultReader(db), "y", {});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("point 5") && Catch::Contains("x2") &&
                             Catch::Contains("cannot be paired"));
  }
}

TEST_CASE("analyze sensitivity: an integer parameter's rounded values are the design's",
          "[sweep][sensitivity]") {
  ScratchFolder dir("sensitivity-integer");
  const auto s = spec_sweep(dir, uniform_spec("sobol", 16, 2, 0.0, 40.0), /*round=*/true);
  const auto db = dir / "r.sqlite";
  record_sweep(s, db, [](std::span<const double> x, std::int64_t) { return x[0] + 0.1 * x[1]; });
  const auto r = analyze_sensitivity(ResultReader(db), "y", BootstrapOptions{100, 0.95, 1});
  CHECK(r.units_used == 16);
  CHECK(r.sobol.total[0].estimate > r.sobol.total[1].estimate);
}

TEST_CASE(
    "analyze sensitivity: indices whose sums break sum S <= 1 <= sum ST are called noise, "
    "not interactions",
    "[sweep][sensitivity]") {
  insim::sweep::SensitivityResult r;
  r.design = insim::sweep::Design::sobol;
  r.metric = "killed";
  r.parameters = {"a", "b"};
  r.sobol.variance = 4.0;
  r.sobol.first_order = {{0.39, -2.8, 6.4}, {0.0, 0.0, 0.0}};
  r.sobol.total = {{0.70, 0.0, 2.0}, {0.0, 0.0, 0.0}};
  const std::string summary = insim::sweep::importance_summary(r);
  CHECK_THAT(summary, Catch::Contains("too noisy") && Catch::Contains("more base samples"));
  CHECK_THAT(summary, !Catch::Contains("interactions between"));
  r.sobol.total = {{0.80, 0.7, 0.9}, {0.35, 0.3, 0.4}};
  CHECK_THAT(insim::sweep::importance_summary(r),
             Catch::Contains("about 61% of the variance of killed comes from interactions"));
}

TEST_CASE(
    "analyze sensitivity: the CSV has a row per parameter and the chart a bar and whisker "
    "per index",
    "[sweep][sensitivity]") {
  ScratchFolder dir("sensitivity-outputs");
  const auto s = spec_sweep(dir, uniform_spec("sobol", 64, 3, -kPiText, kPiText));
  const auto db = dir / "r.sqlite";
  record_sweep(s, db, [](std::span<const double> x, std::int64_t) { return ishigami(x); });
  const auto r = analyze_sensitivity(ResultReader(db), "y", BootstrapOptions{100, 0.95, 1});

  const auto rows = insim::test::csv_rows(insim::sweep::sensitivity_csv(r));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0] == std::vector<std::string>{"parameter", "first_order", "first_order_low",
                                            "first_order_high", "total", "total_low",
                                            "total_high"});
  for (std::size_t i = 0; i < 3; ++i) {
    REQUIRE(rows[i + 1].size() == 7);
    CHECK(rows[i + 1][0] == fmt::format("x{}", i + 1));
    CHECK(std::stod(rows[i + 1][1]) == r.sobol.first_order[i].estimate);  // round trip
    CHECK(std::stod(rows[i + 1][6]) == r.sobol.total[i].high);
  }

  const std::string svg = insim::sweep::sensitivity_svg(r, "r.sqlite");
  const auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (auto at = svg.find(what); at != std::string::npos; at = svg.find(what, at + 1)) ++n;
    return n;
  };
  CHECK(svg.rfind("<svg", 0) == 0);
  CHECK(count("<rect class=\"bar\"") == 6);
  CHECK(count("data-index=\"S1\"") == 3);
  CHECK(count("data-index=\"ST\"") == 3);
  CHECK(count("class=\"whisker\"") == 6);
  CHECK(count("<g class=\"parameter\"") == 3);
  CHECK(count("<g ") == count("</g>"));
  CHECK_THAT(svg, Catch::Contains("Sobol&#39; sensitivity indices of y") ||
                      Catch::Contains("Sobol&apos; sensitivity indices of y"));
  CHECK_THAT(svg,
             Catch::Contains("class=\"x-label\"") && Catch::Contains("share of the variance of y"));
  // Most important first: x1's row comes before x3's.
  CHECK(svg.find("data-parameter=\"x1\"") < svg.find("data-parameter=\"x3\""));
}
