// Recording a step allocates nothing once running, dates and regions.csv included: memory does
// not grow with the number of steps. Counts every global operator new in this test program.
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <new>

#include "cli/dated_regions_model.hpp"
#include "run/runner.hpp"
#include "support/scratch_folder.hpp"

namespace {
std::atomic<long> g_allocations{0};

void* counted_malloc(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace

// Every plain form, so that allocation and release always pair malloc with free.
void* operator new(std::size_t size) { return counted_malloc(size); }
void* operator new[](std::size_t size) { return counted_malloc(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

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
