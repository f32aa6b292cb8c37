#include <catch2/catch.hpp>
#include <string>

#include "sahel_support.hpp"
#include "support/scratch_folder.hpp"

using Catch::Contains;
using insim::test::load_world;
using insim::test::ScratchFolder;
using insim::test::world_problems;
namespace sc = insim::scenario;

namespace {

// Two regions and one community: the smallest valid world, with `patch` replacing parts.
std::string small_world(const std::string& a_neighbours = "[B]",
                        const std::string& b_neighbours = "[A]",
                        const std::string& shares =
                            "[{region: A, share: 1}, {region: B, "
                            "share: 1}]") {
  return "sahel:\n  world:\n    regions:\n"
         "      - {name: A, population_1998: 100, population_2009: 150, neighbours: " +
         a_neighbours +
         "}\n"
         "      - {name: B, population_1998: 200, population_2009: 250, neighbours: " +
         b_neighbours + "}\n    communities:\n      - {name: X, shares: " + shares + "}\n";
}

}  // namespace

TEST_CASE("sahel world: world.yaml loads and every value it sets names its source",
          "[sahel][world]") {
  const auto w = load_world(insim::test::sahel_world_file());
  CHECK(w.def.regions.size() == 9);
  CHECK(w.def.communities.size() == 12);
  CHECK(w.def.regions[0].name == "Kayes");
  CHECK(w.def.regions[3].name == "Ségou");
  CHECK(w.def.regions[6].population_2009 == 542304);
  const std::size_t from_file = insim::test::count_sourced_values(w.info);
  CHECK(from_file > 250);
}

TEST_CASE("sahel world: regional community shares reproduce the cited national shares",
          "[sahel][world]") {
  const auto w = load_world(insim::test::sahel_world_file());
  double total = 0.0;
  for (const auto& r : w.def.regions) total += static_cast<double>(r.population_2009);
  for (const auto& c : w.def.communities) {
    double people = 0.0;
    for (const auto& s : c.shares)
      for (const auto& r : w.def.regions)
        if (r.name == s.region) people += s.share * static_cast<double>(r.population_2009);
    INFO(c.name);
    CHECK(people / total == Approx(c.national_share).margin(0.001));
  }
}

TEST_CASE("sahel world: a misspelt neighbour is named with the valid regions",
          "[sahel][world][errors]") {
  ScratchFolder dir;
  const auto problems = world_problems(dir.write("w.yaml", small_world("[Bb]", "[A]")));
  INFO(insim::InputError(problems).what());
  bool found = false;
  for (const auto& d : problems) {
    if (d.key_path != "sahel.world.regions[0].neighbours[0]") continue;
    found = true;
    CHECK_THAT(d.message, Contains("unknown region 'Bb' among the neighbours of 'A'"));
    CHECK_THAT(d.message, Contains("the regions are: A, B"));
    CHECK(d.line == 4);
  }
  CHECK(found);
}

TEST_CASE("sahel world: adjacency that is not symmetric is refused", "[sahel][world][errors]") {
  ScratchFolder dir;
  const auto problems = world_problems(dir.write("w.yaml", small_world("[B]", "[]")));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "sahel.world.regions[0].neighbours[0]");
  CHECK(problems[0].message ==
        "adjacency must be symmetric: 'A' lists 'B' as a neighbour but 'B' does not list 'A'");
}

TEST_CASE("sahel world: community shares of a region must sum to 1", "[sahel][world][errors]") {
  ScratchFolder dir;
  const auto problems = world_problems(dir.write(
      "w.yaml", small_world("[B]", "[A]", "[{region: A, share: 1}, {region: B, share: 0.9}]")));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].key_path == "sahel.world.communities");
  CHECK_THAT(problems[0].message, Contains("the community shares of region 'B' must sum to 1"));
  CHECK_THAT(problems[0].message, Contains("got 0.9"));
  // Within the tolerance passes.
  CHECK_NOTHROW(load_world(dir.write(
      "ok.yaml",
      small_world("[B]", "[A]", "[{region: A, share: 1}, {region: B, share: 0.9999999}]"))));
}

TEST_CASE("sahel world: an unknown region in community shares is refused",
          "[sahel][world][errors]") {
  ScratchFolder dir;
  const auto problems = world_problems(dir.write(
      "w.yaml", small_world("[B]", "[A]", "[{region: A, share: 1}, {region: C, share: 1}]")));
  INFO(insim::InputError(problems).what());
  REQUIRE(problems.size() == 2);  // C is unknown, and so B's shares sum to 0
  CHECK(problems[1].key_path == "sahel.world.communities[0].shares[1].region");
  CHECK_THAT(problems[1].message, Contains("unknown region 'C' in the shares of 'X'"));
  CHECK(problems[1].line == 7);
}
