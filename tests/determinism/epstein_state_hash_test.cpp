#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <vector>

#include "engine/parallel.hpp"
#include "models/epstein/epstein_model.hpp"

using namespace insim::epstein;

namespace {

struct Trace {
  std::vector<std::uint64_t> hashes;  // after every step
  std::vector<double> rows;           // every observed row, concatenated
};

// A grid large enough that every parallel phase is split among threads, with schedules that
// move legitimacy and the cop count so that every code path runs.
Trace run(Activation activation, std::uint64_t seed, int threads, int steps) {
  insim::ThreadLimit limit(threads);
  EpsteinDef def;
  def.width = 120;
  def.height = 90;
  def.activation = activation;
  def.legitimacy = {ScheduleKind::linear, 0.85, 0.65, 5, 25};
  def.cop_density = {ScheduleKind::linear, 0.03, 0.05, 10, 20};
  EpsteinModel model(def, seed);
  Trace trace;
  std::vector<double> row(model.columns().size());
  for (int t = 0; t < steps; ++t) {
    model.step();
    trace.hashes.push_back(model.state_hash());
    model.observe(row);
    trace.rows.insert(trace.rows.end(), row.begin(), row.end());
  }
  return trace;
}

}  // namespace

TEST_CASE("epstein determinism: same state hash for 1, 2, 4 and 8 threads", "[determinism]") {
  for (Activation activation : {Activation::parallel, Activation::sequential}) {
    for (std::uint64_t seed : {1u, 77u, 123456789u}) {
      const int steps = activation == Activation::parallel ? 40 : 15;
      const Trace reference = run(activation, seed, 1, steps);
      for (int threads : {2, 4, 8}) {
        const Trace trace = run(activation, seed, threads, steps);
        REQUIRE(trace.hashes == reference.hashes);
        REQUIRE(trace.rows.size() == reference.rows.size());
        REQUIRE(std::memcmp(trace.rows.data(), reference.rows.data(),
                            trace.rows.size() * sizeof(double)) == 0);
      }
    }
  }
}

TEST_CASE("epstein determinism: the state hash tells seeds, steps and activations apart",
          "[determinism]") {
  const Trace a = run(Activation::parallel, 1, 2, 5);
  const Trace b = run(Activation::parallel, 2, 2, 5);
  const Trace c = run(Activation::sequential, 1, 2, 5);
  for (std::size_t t = 0; t < 5; ++t) {
    CHECK(a.hashes[t] != b.hashes[t]);
    CHECK(a.hashes[t] != c.hashes[t]);
    if (t > 0) CHECK(a.hashes[t] != a.hashes[t - 1]);
  }
}

TEST_CASE("epstein determinism: the state hash covers statuses, not only positions",
          "[determinism]") {
  // Two models with the same placement, one citizen's status differing.
  EpsteinDef def;
  def.width = def.height = 20;
  def.citizen_vision = def.cop_vision = 3;
  Layout quiet, active;
  quiet.citizens.push_back({5, 5, 0.5, 0.5, false});
  active.citizens.push_back({5, 5, 0.5, 0.5, true});
  CHECK(EpsteinModel(def, 1, quiet).state_hash() != EpsteinModel(def, 1, active).state_hash());
  Layout other_h = quiet;
  other_h.citizens[0].hardship = 0.25;
  CHECK(EpsteinModel(def, 1, quiet).state_hash() != EpsteinModel(def, 1, other_h).state_hash());
}
