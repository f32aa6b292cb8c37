#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "engine/parallel.hpp"
#include "models/sahel/sahel_model.hpp"
#include "run/scenario_loading.hpp"

using insim::sahel::CivilianStatus;
using insim::sahel::SahelModel;

namespace {

// The historical baseline, coarse (500 people per agent, ~32,000 agents) and cut at 300 weeks
// (2012-01 to 2017-10): the rebellion, the occupation of the north, Serval, Barkhane and the
// spread to the centre. Recruitment and combat are turned up so that, even at this scale, every
// civilian status occurs (supporters, fighters, the displaced, refugees, the dead) and every
// branch of phase 5 runs: the test is about threads, not about the calibration.
constexpr std::int64_t kSteps = 300;

insim::sahel::SahelDef coarse_baseline() {
  const std::vector<insim::scenario::Override> overrides{{"sahel.world.people_per_agent", "500"},
                                                         {"sahel.civilians.join_rate", "0.05"},
                                                         {"sahel.combat.contact_rate", "0.5"}};
  return insim::load_scenario_file(std::string(INSIM_SOURCE_DIR) + "/scenarios/sahel/baseline.yaml",
                                   overrides)
      .def.sahel;
}

struct Trace {
  std::vector<std::uint64_t> hashes;  // after every step
  std::vector<double> rows;           // observe(), every step, concatenated
  std::vector<double> places;         // observe_places(), every step, concatenated
  std::vector<insim::FinalTable> tables;
  std::array<std::int64_t, 6> statuses{};  // agents by CivilianStatus at the end
  std::array<std::int64_t, 6> most{};      // the most agents in each status at any step
  int concurrency = 0;                     // threads the loops could actually use
};

// `threads` threads for real, even on a machine with fewer cores: ThreadLimit only caps TBB, whose
// default arena has one slot per core; an arena of `threads` slots oversubscribes, so the chunks
// of the parallel loops really are taken by 4 threads, in any order.
Trace run(const insim::sahel::SahelDef& def, std::uint64_t seed, int threads) {
  insim::ThreadLimit limit(threads);
  oneapi::tbb::task_arena arena(threads);
  Trace trace;
  arena.execute([&] {
    trace.concurrency = oneapi::tbb::this_task_arena::max_concurrency();
    SahelModel model(def, seed);
    std::vector<double> row(model.columns().size());
    std::vector<double> places(model.places().size() * model.place_columns().size());
    for (std::int64_t t = 0; t < kSteps; ++t) {
      model.step();
      trace.hashes.push_back(model.state_hash());
      model.observe(row);
      trace.rows.insert(trace.rows.end(), row.begin(), row.end());
      model.observe_places(places);
      trace.places.insert(trace.places.end(), places.begin(), places.end());
      std::array<std::int64_t, 6> now{};
      for (std::uint8_t s : model.state().world.civilians.status) ++now[s];
      for (std::size_t k = 0; k < now.size(); ++k) trace.most[k] = std::max(trace.most[k], now[k]);
    }
    trace.tables = model.final_tables();
    for (std::uint8_t s : model.state().world.civilians.status) ++trace.statuses[s];
  });
  return trace;
}

// Bit for bit: NaN equals NaN with the same bits, -0.0 differs from 0.0.
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

std::int64_t most(const Trace& t, CivilianStatus s) { return t.most[static_cast<std::size_t>(s)]; }

}  // namespace

TEST_CASE("sahel determinism: the baseline gives the same bits for 1, 2 and 4 threads",
          "[determinism][sahel]") {
  const auto def = coarse_baseline();
  for (std::uint64_t seed : {1u, 20120117u}) {
    const Trace reference = run(def, seed, 1);
    INFO("seed " << seed);
    REQUIRE(reference.concurrency == 1);
    // The run must reach the conflict, or most of phase 5 would not run.
    INFO("most supporters " << most(reference, CivilianStatus::supporter) << ", fighters "
                            << most(reference, CivilianStatus::fighter) << ", displaced "
                            << most(reference, CivilianStatus::displaced) << ", refugees "
                            << most(reference, CivilianStatus::refugee) << ", dead "
                            << most(reference, CivilianStatus::dead));
    for (auto status : {CivilianStatus::supporter, CivilianStatus::fighter,
                        CivilianStatus::displaced, CivilianStatus::refugee, CivilianStatus::dead})
      REQUIRE(most(reference, status) > 0);
    REQUIRE(reference.tables.size() == 2);
    REQUIRE(reference.tables[0].rows.size() >= 10);  // events.csv: the timeline to 2017

    for (int threads : {2, 4}) {
      INFO(threads << " threads");
      const Trace trace = run(def, seed, threads);
      REQUIRE(trace.concurrency == threads);
      for (std::size_t t = 0; t < trace.hashes.size(); ++t) {
        INFO("step " << t + 1);
        REQUIRE(trace.hashes[t] == reference.hashes[t]);
      }
      CHECK(same_bits(trace.rows, reference.rows));
      CHECK(same_bits(trace.places, reference.places));
      REQUIRE(trace.tables.size() == reference.tables.size());
      for (std::size_t k = 0; k < trace.tables.size(); ++k) {
        INFO(trace.tables[k].file);
        CHECK(trace.tables[k].header == reference.tables[k].header);
        CHECK(trace.tables[k].rows == reference.tables[k].rows);
      }
      CHECK(trace.statuses == reference.statuses);
    }
  }
}

TEST_CASE("sahel determinism: the state hash tells seeds and steps apart", "[determinism][sahel]") {
  const auto def = coarse_baseline();
  SahelModel a(def, 1);
  SahelModel b(def, 2);
  std::vector<std::uint64_t> seen;
  for (std::int64_t t = 0; t < 60; ++t) {
    a.step();
    b.step();
    CHECK(a.state_hash() != b.state_hash());
    seen.push_back(a.state_hash());
  }
  // Legitimacy moves every week, so no two weeks of one run share a hash.
  std::sort(seen.begin(), seen.end());
  CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
}
