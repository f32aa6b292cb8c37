// The Simulation contract: step() and observe() do not allocate in steady state. Counts every
// global operator new in this test program; TBB's own task memory does not go through it.
#include <catch2/catch.hpp>
#include <vector>

#include "engine/parallel.hpp"
#include "models/epstein/epstein_model.hpp"
#include "support/allocation_counter.hpp"  // the one file of this program that counts

using insim::test::g_allocations;

using namespace insim::epstein;

TEST_CASE("epstein: step() and observe() allocate nothing once running", "[epstein]") {
  for (Activation activation : {Activation::sequential, Activation::parallel}) {
    insim::ThreadLimit limit(2);
    EpsteinDef def;
    def.width = def.height = 60;
    def.activation = activation;
    def.legitimacy = {ScheduleKind::linear, 0.85, 0.6, 0, 100};
    def.cop_density = {ScheduleKind::linear, 0.05, 0.03, 20, 60};
    const long at_start = g_allocations.load();
    EpsteinModel model(def, 5);
    REQUIRE(g_allocations.load() > at_start);  // the counter sees the model's own arrays
    std::vector<double> row(model.columns().size());
    for (int t = 0; t < 5; ++t) model.step();  // let TBB start its workers
    const long before = g_allocations.load();
    for (int t = 0; t < 150; ++t) {
      model.step();
      model.observe(row);
    }
    CHECK(g_allocations.load() - before == 0);
    CHECK(model.counts().jailed > 0);
  }
}
