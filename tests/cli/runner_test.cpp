// The runner in-process: what the command line cannot easily provoke (a run failing midway).
#include "run/runner.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "support/scratch_folder.hpp"

using insim::LoadedScenario;
using insim::run_scenario;
using insim::RunOptions;
using insim::test::entries;
using insim::test::read_text;
using insim::test::ScratchFolder;

namespace {
LoadedScenario tiny_scenario() {
  LoadedScenario s;
  s.def.name = "tiny";
  s.def.run.steps = 40;
  s.def.epstein.width = 16;
  s.def.epstein.height = 16;
  s.info.files = {"tiny.yaml"};
  s.info.hash = "0123456789abcdef";
  s.info.fields = {
      {"run.seed", "1", "integer", "", "", insim::scenario::SourceKind::unstated, "default"}};
  return s;
}

RunOptions failing_at(std::int64_t step, std::filesystem::path out) {
  RunOptions o;
  o.threads = 1;
  o.out_dir = std::move(out);
  o.progress = [step](std::int64_t done, std::int64_t) {
    if (done == step) throw std::runtime_error("interrupted");
  };
  return o;
}
}  // namespace

TEST_CASE("runner: a run that fails midway leaves no file and no folder it made") {
  ScratchFolder dir("runner-midway");
  CHECK_THROWS_WITH(run_scenario(tiny_scenario(), failing_at(20, dir / "a" / "b")), "interrupted");
  CHECK(entries(dir.path()).empty());
}

TEST_CASE("runner: a failed run leaves the previous run's files as they were") {
  ScratchFolder dir("runner-previous");
  RunOptions ok;
  ok.threads = 1;
  ok.out_dir = dir.path();
  run_scenario(tiny_scenario(), ok);
  const std::string csv = read_text(dir / "timeseries.csv");
  const std::string manifest = read_text(dir / "manifest.json");

  LoadedScenario other = tiny_scenario();
  other.def.run.seed = 99;
  CHECK_THROWS(run_scenario(other, failing_at(39, dir.path())));
  CHECK(read_text(dir / "timeseries.csv") == csv);
  CHECK(read_text(dir / "manifest.json") == manifest);
  CHECK(entries(dir.path()) ==
        std::vector<std::string>{"manifest.json", "summary.json", "timeseries.csv"});
}

TEST_CASE("runner: seed and steps options replace the scenario's and are recorded") {
  ScratchFolder dir("runner-options");
  RunOptions o;
  o.threads = 1;
  o.out_dir = dir.path();
  o.seed = 5;
  o.steps = 12;
  const auto r = run_scenario(tiny_scenario(), o);
  CHECK(r.seed == 5);
  CHECK(r.steps == 12);
  CHECK(r.recorded_rows == 13);
  const auto m = nlohmann::json::parse(read_text(dir / "manifest.json"));
  CHECK(m["seed"] == 5);
  CHECK(m["steps"] == 12);
  CHECK(m["parameters"][0]["value"] == "5");
  CHECK(m["parameters"][0]["origin"] == "run option");
}

TEST_CASE("runner: out-of-range options are refused before any file is made") {
  ScratchFolder dir("runner-bad-options");
  RunOptions o;
  o.out_dir = dir / "out";
  o.steps = 0;
  CHECK_THROWS_AS(run_scenario(tiny_scenario(), o), insim::InputError);
  o.steps.reset();
  o.seed = -1;
  CHECK_THROWS_AS(run_scenario(tiny_scenario(), o), insim::InputError);
  o.seed.reset();
  o.threads = -2;
  CHECK_THROWS_AS(run_scenario(tiny_scenario(), o), insim::InputError);
  CHECK(entries(dir.path()).empty());
}
