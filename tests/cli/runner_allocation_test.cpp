// Recording a step allocates nothing once running, dates and regions.csv included: memory does
// not grow with the number of steps. Counts every global operator new in this test program.
#include <catch2/catch.hpp>

#include "cli/dated_regions_model.hpp"
#include "run/runner.hpp"
#include "support/scratch_folder.hpp"
#include "support/allocation_counter.hpp"  // the one file of this program that counts

using insim::test::g_allocations;

TEST_CASE("runner: recording dated rows and regions allocates nothing once running", "[run]") {
  insim::test::ScratchFolder dir("runner-allocation");
  auto scenario = insim::test::dated_regions_scenario();
  scenario.def.run.steps = 2000;
  scenario.def.run.record_every = 1;  // every step writes timeseries and regions rows
  auto options = insim::test::dated_regions_options(dir.path());
  long at_step_10 = -1;
  long at_step_1990 = -1;
  options.progress = [&](std::int64_t done, std::int64_t) {
    if (done == 10) at_step_10 = g_allocations.load();
    if (done == 1990) at_step_1990 = g_allocations.load();
  };
  const long before = g_allocations.load();
  const auto r = insim::run_scenario(scenario, options);
  REQUIRE(at_step_10 > before);  // the counter sees the run's own set-up
  CHECK(at_step_1990 - at_step_10 == 0);
  CHECK(r.recorded_rows == 2001);
}
