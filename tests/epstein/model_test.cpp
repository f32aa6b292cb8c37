#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "models/epstein/epstein_model.hpp"
#include "models/epstein/outbursts.hpp"

using namespace insim::epstein;

TEST_CASE("epstein: the random start places the NetLogo counts, quiet, with H and R in 0 to 1",
          "[epstein]") {
  EpsteinDef def;  // 40 x 40, citizen density 0.7, cop density 0.04
  EpsteinModel m(def, 8);
  CHECK(m.citizen_count() == 1120);
  CHECK(m.cop_count() == 64);
  CHECK(m.agent_count() == 1184);
  CHECK(m.counts().quiet == 1120);
  CHECK(m.counts().active == 0);
  double h_sum = 0, r_sum = 0;
  for (std::int32_t c = 0; c < m.citizen_count(); ++c) {
    REQUIRE(m.hardship(c) >= 0.0);
    REQUIRE(m.hardship(c) < 1.0);
    REQUIRE(m.risk_aversion(c) >= 0.0);
    REQUIRE(m.risk_aversion(c) < 1.0);
    h_sum += m.hardship(c);
    r_sum += m.risk_aversion(c);
  }
  CHECK(h_sum / 1120 == Approx(0.5).margin(0.03));
  CHECK(r_sum / 1120 == Approx(0.5).margin(0.03));
  // a different seed, a different arrangement
  EpsteinModel other(def, 9);
  CHECK(other.state_hash() != m.state_hash());
}

TEST_CASE("epstein: observed columns agree with the model's state", "[epstein]") {
  EpsteinDef def;
  def.legitimacy = {ScheduleKind::constant, 0.7, 0.7, 0, 0};
  EpsteinModel m(def, 3);
  const auto cols = m.columns();
  const std::vector<std::string> expected{"step",   "legitimacy", "cops",    "quiet",
                                          "active", "jailed",     "arrests", "mean_grievance"};
  REQUIRE(std::vector<std::string>(cols.begin(), cols.end()) == expected);
  std::vector<double> row(cols.size());
  for (int t = 1; t <= 50; ++t) {
    m.step();
    m.observe(row);
    std::int64_t active = 0, jailed = 0;
    double grievance = 0;
    for (std::int32_t c = 0; c < m.citizen_count(); ++c) {
      active += m.is_active(c);
      jailed += m.is_jailed(c);
      grievance += m.hardship(c) * (1.0 - 0.7);
    }
    REQUIRE(row[0] == t);
    REQUIRE(row[2] == m.cop_count());
    REQUIRE(row[4] == static_cast<double>(active));
    REQUIRE(row[5] == static_cast<double>(jailed));
    REQUIRE(row[3] == static_cast<double>(m.citizen_count() - active - jailed));
    REQUIRE(row[6] == static_cast<double>(m.last_arrests().size()));
    REQUIRE(row[7] == Approx(grievance / m.citizen_count()).epsilon(1e-12));
  }
}

TEST_CASE("epstein: outbursts are maximal runs above 50 actives, waits between them", "[epstein]") {
  OutburstTracker t;
  const std::int64_t series[] = {0, 10, 60, 70, 51, 50, 3, 2, 80, 40, 49, 55, 56, 0, 0};
  for (std::int64_t s = 0; s < 15; ++s) t.observe(s, series[s]);
  CHECK(t.outbursts() == 3);  // steps 2-4, 8, 11-12
  CHECK(t.peak_active() == 80);
  CHECK(t.peak_step() == 8);
  CHECK(t.waits() == 2);  // 5 -> 8 (3 steps), 9 -> 11 (2 steps)
  CHECK(t.mean_waiting_time() == 2.5);
  OutburstTracker none;
  none.observe(0, 10);
  CHECK(none.mean_waiting_time() == 0.0);
}

TEST_CASE("epstein: the summary reports the run's outbursts and arrests", "[epstein]") {
  EpsteinDef def;
  EpsteinModel m(def, 1);
  std::int64_t peak = 0, arrests = 0;
  for (int t = 0; t < 300; ++t) {
    m.step();
    peak = std::max<std::int64_t>(peak, m.counts().active);
    arrests += static_cast<std::int64_t>(m.last_arrests().size());
  }
  const auto summary = m.summary();
  auto value = [&](const std::string& key) {
    for (const auto& [k, v] : summary)
      if (k == key) return v;
    FAIL("no summary key " << key);
    return 0.0;
  };
  CHECK(value("peak_active") == static_cast<double>(peak));
  CHECK(value("total_arrests") == static_cast<double>(arrests));
  CHECK(value("outbursts") >= 1);
}

TEST_CASE("epstein: a layout with two agents on one cell is refused", "[epstein]") {
  EpsteinDef def;
  Layout layout;
  layout.citizens.push_back({3, 4, 0.5, 0.5, false});
  layout.cops.push_back({3, 4});
  CHECK_THROWS_WITH(EpsteinModel(def, 1, layout), Catch::Contains("shares its cell"));
  Layout outside;
  outside.citizens.push_back({40, 0, 0.5, 0.5, false});
  CHECK_THROWS_WITH(EpsteinModel(def, 1, outside), Catch::Contains("outside"));
}

TEST_CASE("epstein: more agents than cells is refused, naming the densities", "[epstein]") {
  EpsteinDef def;
  def.citizen_density = 0.9;
  def.cop_density = {ScheduleKind::linear, 0.04, 0.2, 10, 20};  // 0.9 + 0.2 > 1 later on
  try {
    EpsteinModel m(def, 1);
    FAIL("expected an InputError");
  } catch (const insim::InputError& e) {
    CHECK(e.diagnostics()[0].key_path == "epstein.cop_density");
    CHECK_THAT(e.what(), Catch::Contains("do not fit"));
  }
}
