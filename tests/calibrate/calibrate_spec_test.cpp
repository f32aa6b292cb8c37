// A bad calibration spec is refused at its line and column, naming the key, before any run.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "calibrate/calibrate_runner.hpp"
#include "core/error.hpp"
#include "support/scratch_folder.hpp"

using insim::test::ScratchFolder;

namespace {

// A year of the baseline at 2,000 people per agent.
constexpr const char* kBase =
    "extends: " INSIM_SOURCE_DIR
    "/scenarios/sahel/baseline.yaml\n"
    "name: \"short\"\nrun:\n  steps: 52\nsahel:\n  world:\n    people_per_agent: 2000\n";

struct SpecLines {
  std::string parameter =
      "{path: sahel.civilians.flee_rate, distribution: log_uniform, low: 0.001, high: 0.025}";
  std::string observed =
      "{name: displaced, columns: [displaced], from: 2012-06-01, to: 2012-12-31, aggregate: "
      "mean, observed: {value: 100000, source: \"test\"}}";
  std::string check = "{check: deaths-2012}";
  std::string abc = "{particles: 4, generations: 1}";
};

// Line n of the spec is lines[n - 1]: the tests below expect errors at these lines.
std::string spec(const SpecLines& l) {
  const std::vector<std::string> lines{"calibrate:",
                                       "  scenario: base.yaml",
                                       "  targets_file: " INSIM_SOURCE_DIR
                                       "/scenarios/sahel/validation/targets.yaml",
                                       "  parameters:",
                                       "    - " + l.parameter,  // line 5
                                       "  targets:",
                                       "    - " + l.observed,  // line 7
                                       "    - " + l.check,     // line 8
                                       "  abc: " + l.abc};     // line 9
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

// The message of the InputError that calibrating `lines` throws.
std::string refusal(const SpecLines& lines) {
  ScratchFolder dir("calibrate-spec");
  dir.write("base.yaml", kBase);
  dir.write("spec.yaml", spec(lines));
  insim::calibrate::CalibrateOptions o;
  o.spec = dir / "spec.yaml";
  o.out_dir = dir / "out";
  try {
    (void)insim::calibrate::run_calibration(o);
  } catch (const insim::InputError& e) {
    CHECK(!std::filesystem::exists(dir / "out" / "particles.csv"));
    return e.what();
  }
  FAIL("the spec was accepted");
  return {};
}

}  // namespace

TEST_CASE("calibrate spec: an unknown key is refused at its line with the key", "[calibrate]") {
  SpecLines l;
  l.abc = "{particels: 4, generations: 1}";
  const std::string e = refusal(l);
  CHECK_THAT(e, Catch::Contains("spec.yaml:9:") && Catch::Contains("particels"));
}

TEST_CASE("calibrate spec: a bad prior is refused at its line", "[calibrate]") {
  SpecLines l;
  l.parameter = "{path: sahel.civilians.flee_rate, distribution: log_uniform, low: 0, high: 0.025}";
  CHECK_THAT(refusal(l), Catch::Contains("spec.yaml:5:") &&
                             Catch::Contains("calibrate.parameters[0].low") &&
                             Catch::Contains("log_uniform needs low > 0"));
  l.parameter = "{path: sahel.civilians.flee_rate, distribution: values, values: [0.1, 0.2]}";
  CHECK_THAT(refusal(l), Catch::Contains("spec.yaml:5:") && Catch::Contains("list of values"));
}

TEST_CASE(
    "calibrate spec: a parameter the base does not have, or a prior reaching values it "
    "refuses, is refused at its line",
    "[calibrate]") {
  SpecLines l;
  l.parameter = "{path: sahel.civilians.flee_rat, distribution: uniform, low: 0.001, high: 0.025}";
  CHECK_THAT(refusal(l), Catch::Contains("spec.yaml:5:") &&
                             Catch::Contains("sahel.civilians.flee_rat is not a number"));
  l.parameter = "{path: sahel.civilians.refugee_share, distribution: uniform, low: 0.1, high: 3}";
  CHECK_THAT(refusal(l), Catch::Contains("spec.yaml:5:") &&
                             Catch::Contains("calibrate.parameters[0].high") &&
                             Catch::Contains("refuses"));
}

TEST_CASE("calibrate spec: an unknown column or check is refused at the target's line",
          "[calibrate]") {
  SpecLines l;
  l.observed =
      "{name: displaced, columns: [displacd], from: 2012-06-01, to: 2012-12-31, aggregate: mean, "
      "observed: {value: 100000, source: \"test\"}}";
  CHECK_THAT(refusal(l), Catch::Contains("spec.yaml:7:") && Catch::Contains("displacd") &&
                             Catch::Contains("calibrate.targets[0].columns"));
  l = SpecLines{};
  l.check = "{check: deaths-2031}";
  CHECK_THAT(refusal(l), Catch::Contains("spec.yaml:8:") &&
                             Catch::Contains("no check 'deaths-2031'") &&
                             Catch::Contains("deaths-2012"));
  l.check = "{checks: some}";
  CHECK_THAT(refusal(l),
             Catch::Contains("spec.yaml:8:") && Catch::Contains("all, patterns or targets"));
}

TEST_CASE("calibrate spec: an observed value needs its source, and a target one form",
          "[calibrate]") {
  SpecLines l;
  l.observed = "{name: d, columns: [displaced], observed: 100000}";
  CHECK_THAT(refusal(l), Catch::Contains("spec.yaml:7:") && Catch::Contains("needs its source"));
  l.observed = "{name: d, columns: [displaced], observed: {value: 1, source: s}, check: P1a}";
  CHECK_THAT(refusal(l), Catch::Contains("a target is one of"));
  l = SpecLines{};
  l.check = "{check: displaced}";
  l.observed = "{name: displaced, columns: [displaced], observed: {value: 1, source: s}}";
  CHECK_THAT(refusal(l), Catch::Contains("no check 'displaced'"));
}

TEST_CASE(
    "calibrate spec: a check no run can measure is refused at its line after the first "
    "batch",
    "[calibrate]") {
  SpecLines l;
  l.check = "{check: deaths-2015}";  // the runs end in 2012
  CHECK_THAT(refusal(l), Catch::Contains("spec.yaml:8:") && Catch::Contains("deaths-2015") &&
                             Catch::Contains("could not be measured"));
}
