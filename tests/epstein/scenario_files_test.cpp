#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "models/epstein/epstein_model.hpp"
#include "models/scenario_def.hpp"
#include "scenario/loader/loader.hpp"

using namespace insim::epstein;
namespace fs = std::filesystem;

namespace {

const fs::path kFolder = fs::path(INSIM_SOURCE_DIR) / "scenarios" / "epstein";

insim::ScenarioDef load_def(const std::string& name,
                            insim::scenario::LoadResult* result = nullptr) {
  insim::ScenarioDef def;
  auto loaded = insim::scenario::load(kFolder / name, {},
                                      [&](insim::scenario::Schema& s) { describe(s, def); });
  if (result != nullptr) *result = std::move(loaded);
  return def;
}

}  // namespace

TEST_CASE(
    "epstein scenarios: every file loads, builds a model, and cites a source for each "
    "value it sets",
    "[epstein][scenarios]") {
  const std::vector<std::string> files{
      "netlogo_defaults.yaml",  "paper_run1.yaml",         "paper_run2.yaml",
      "paper_run3.yaml",        "paper_run4.yaml",         "paper_run5.yaml",
      "legitimacy_sudden.yaml", "legitimacy_gradual.yaml", "benchmark_1000.yaml"};
  for (const std::string& file : files) {
    INFO(file);
    insim::scenario::LoadResult result;
    insim::ScenarioDef def;
    REQUIRE_NOTHROW(def = load_def(file, &result));
    CHECK(def.model == insim::ModelKind::epstein);
    CHECK_FALSE(def.name.empty());
    CHECK_FALSE(def.description.empty());
    std::size_t from_files = 0;
    for (const auto& field : result.fields) {
      if (field.origin == "default") continue;
      if (field.path == "model" || field.path == "name" || field.path == "description") continue;
      ++from_files;
      INFO(field.path << " = " << field.value << " from " << field.origin);
      CHECK_FALSE(field.source.empty());
    }
    CHECK(from_files >= 5);
    if (def.epstein.width <= 100) {
      const EpsteinModel model(def.epstein, static_cast<std::uint64_t>(def.run.seed));
      CHECK(model.agent_count() > 0);
    }
  }
}

TEST_CASE("epstein scenarios: the legitimacy pair differs only in how the fall is spread",
          "[epstein][scenarios]") {
  const auto sudden = load_def("legitimacy_sudden.yaml");
  const auto gradual = load_def("legitimacy_gradual.yaml");
  CHECK(sudden.epstein.legitimacy.kind == ScheduleKind::drop);
  CHECK(gradual.epstein.legitimacy.kind == ScheduleKind::linear);
  for (const auto* d : {&sudden, &gradual}) {
    CHECK(d->epstein.legitimacy.initial == 0.9);
    CHECK(d->epstein.legitimacy.final_value == 0.7);
    CHECK(d->epstein.legitimacy.start == 80);
    CHECK(d->run.steps == 400);
  }
  CHECK(gradual.epstein.legitimacy.end == 180);
  // the rest is NetLogo's defaults in both
  const auto defaults = load_def("netlogo_defaults.yaml");
  for (const auto* d : {&sudden, &gradual}) {
    CHECK(d->epstein.cop_density.initial == defaults.epstein.cop_density.initial);
    CHECK(d->epstein.arrest_rule == defaults.epstein.arrest_rule);
    CHECK(d->epstein.max_jail_term == defaults.epstein.max_jail_term);
  }
}

TEST_CASE("epstein scenarios: the NetLogo defaults file matches the Def's defaults",
          "[epstein][scenarios]") {
  // EpsteinDef's defaults are documented as NetLogo's; the file states them with sources.
  const auto file = load_def("netlogo_defaults.yaml").epstein;
  const EpsteinDef code;
  CHECK(file.width == code.width);
  CHECK(file.height == code.height);
  CHECK(file.citizen_density == code.citizen_density);
  CHECK(file.cop_density.initial == code.cop_density.initial);
  CHECK(file.citizen_vision == code.citizen_vision);
  CHECK(file.legitimacy.initial == code.legitimacy.initial);
  CHECK(file.max_jail_term == code.max_jail_term);
  CHECK(file.jail_draw == code.jail_draw);
  CHECK(file.arrest_rule == code.arrest_rule);
  CHECK(file.self_count == code.self_count);
  CHECK(file.vision_shape == code.vision_shape);
  CHECK(file.activation == code.activation);
  CHECK(file.step_order == code.step_order);
}

TEST_CASE("epstein scenarios: the benchmark is NetLogo's densities on 1000 x 1000, in parallel",
          "[epstein][scenarios]") {
  const auto def = load_def("benchmark_1000.yaml").epstein;
  CHECK(def.width == 1000);
  CHECK(def.height == 1000);
  CHECK(def.activation == Activation::parallel);
  CHECK(def.citizen_density == 0.7);
  CHECK(def.cop_density.initial == 0.04);
}
