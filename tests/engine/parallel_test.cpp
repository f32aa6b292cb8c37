#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <vector>

#include "engine/parallel.hpp"

TEST_CASE("deterministic_sum: same bits for 1, 2, 4 and 8 threads", "[parallel]") {
  // Terms of very different magnitudes, so that a different association order would change
  // the rounding of the result.
  const std::size_t n = 1'000'003;
  auto term = [](std::size_t i) { return std::ldexp(1.0 + static_cast<double>(i % 97), static_cast<int>(i % 60) - 30); };
  std::vector<double> scratch;
  double reference = 0;
  for (int threads : {1, 2, 4, 8}) {
    insim::ThreadLimit limit(threads);
    const double s = insim::deterministic_sum<double>(n, 4096, scratch, term);
    if (threads == 1) reference = s;
    REQUIRE(std::memcmp(&s, &reference, sizeof s) == 0);
  }
  // and the block order really is the fixed left-to-right fold of block sums
  double expected = 0;
  for (std::size_t b = 0; b * 4096 < n; ++b) {
    double block = 0;
    for (std::size_t i = b * 4096; i < std::min(n, (b + 1) * 4096); ++i) block += term(i);
    expected += block;
  }
  CHECK(std::memcmp(&expected, &reference, sizeof expected) == 0);
}
