#include <catch2/catch.hpp>
#include <filesystem>

#include "run/scenario_loading.hpp"
#include "scenario/schema.hpp"
#include "sweep/sweep_def.hpp"
#include "sweep/sweep_points.hpp"

namespace {

const std::filesystem::path kSweeps =
    std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios/sahel/sweeps";

}  // namespace

TEST_CASE("sweep specs: every example in scenarios/sahel/sweeps loads, names numbers of its base "
          "and makes its points",
          "[sweep]") {
  std::size_t specs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(kSweeps)) {
    if (entry.path().extension() != ".yaml") continue;
    ++specs;
    INFO(entry.path().string());
    insim::sweep::SweepDef def;
    (void)insim::scenario::load(entry.path(), {}, [&def](insim::scenario::Schema& s) {
      insim::scenario::Schema::Section section(s, "sweep");
      insim::sweep::describe(s, def);
    });
    const auto base = insim::load_scenario_file(entry.path().parent_path() / def.scenario);
    for (const auto& p : def.parameters) {
      INFO(p.path);
      const bool found = std::any_of(base.info.fields.begin(), base.info.fields.end(),
                                     [&](const auto& f) { return f.path == p.path; });
      CHECK(found);
    }
    const auto points = insim::sweep::sweep_points(def, entry.path().string());
    CHECK(points.count() == static_cast<std::size_t>(def.samples));
    for (std::size_t i = 0; i < points.count(); ++i) {
      for (std::size_t j = 0; j < def.parameters.size(); ++j) {
        CHECK(points.value(i, j) >= def.parameters[j].low);
        CHECK(points.value(i, j) <= def.parameters[j].high);
      }
    }
  }
  CHECK(specs >= 1);
}
