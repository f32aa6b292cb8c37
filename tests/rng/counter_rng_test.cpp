#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <set>
#include <vector>

#include "rng/counter_rng.hpp"

using insim::rng::CounterRng;

namespace {
// Pearson chi-square statistic of observed counts against equal expected counts.
double chi_square_uniform(const std::vector<std::uint64_t>& counts, double total) {
  const double expected = total / static_cast<double>(counts.size());
  double chi2 = 0;
  for (auto c : counts) chi2 += (static_cast<double>(c) - expected) * (static_cast<double>(c) - expected) / expected;
  return chi2;
}
}  // namespace

TEST_CASE("rng: the same key gives the same numbers", "[rng]") {
  CounterRng a(42, 7, 100, 12345), b(42, 7, 100, 12345);
  for (int i = 0; i < 1000; ++i) REQUIRE(a.next_u64() == b.next_u64());
}

TEST_CASE("rng: word(k) is the k-th number of the stream, and draw() agrees", "[rng]") {
  CounterRng stream(9, 1, 2, 3);
  const CounterRng fixed(9, 1, 2, 3);
  for (std::uint64_t k = 0; k < 37; ++k) {
    const auto w = stream.next_u64();
    REQUIRE(w == fixed.word(k));
    REQUIRE(w == insim::rng::draw(9, 1, 2, 3, k));
  }
}

TEST_CASE("rng: changing any part of the key changes the numbers", "[rng]") {
  const auto base = insim::rng::draw(1, 2, 3, 4, 0);
  CHECK(insim::rng::draw(2, 2, 3, 4, 0) != base);  // seed
  CHECK(insim::rng::draw(1, 3, 3, 4, 0) != base);  // stream
  CHECK(insim::rng::draw(1, 2, 4, 4, 0) != base);  // step
  CHECK(insim::rng::draw(1, 2, 3, 5, 0) != base);  // entity
  CHECK(insim::rng::draw(1, 2, 3, 4, 1) != base);  // draw index
}

TEST_CASE("rng: streams of neighbouring keys are uncorrelated", "[rng]") {
  // Correlation between uniform draws of adjacent entities (and adjacent steps) must be near
  // zero: |r| < 4 / sqrt(n) holds with overwhelming probability for independent streams.
  const int n = 20000;
  for (int variant = 0; variant < 3; ++variant) {
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < n; ++i) {
      CounterRng a(5, 1, variant == 1 ? 0 : i, variant == 1 ? i : 0);
      CounterRng b(5, variant == 2 ? 2 : 1, variant == 1 ? 1 : i, variant == 1 ? i : (variant == 2 ? 0 : 1));
      const double x = a.uniform(), y = b.uniform();
      sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
    }
    const double cov = sxy / n - (sx / n) * (sy / n);
    const double r = cov / std::sqrt((sxx / n - sx * sx / n / n) * (syy / n - sy * sy / n / n));
    INFO("variant " << variant << " r = " << r);
    CHECK(std::abs(r) < 4.0 / std::sqrt(n));
  }
}

TEST_CASE("rng: uniform() is uniform on 0 to 1 (chi-square, 100 bins)", "[rng]") {
  const int n = 200000, bins = 100;
  std::vector<std::uint64_t> counts(bins);
  for (int i = 0; i < n; ++i) {
    CounterRng r(11, 3, 0, i);  // one draw per entity: the way models use it
    const double u = r.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    ++counts[static_cast<int>(u * bins)];
  }
  // 99 degrees of freedom: the 0.999 quantile is 148.2.
  CHECK(chi_square_uniform(counts, n) < 148.2);
}

TEST_CASE("rng: below(n) is uniform on 0..n-1 (chi-square), also for n not a power of two", "[rng]") {
  for (std::uint64_t n : {2ull, 7ull, 31ull, 1000ull}) {
    std::vector<std::uint64_t> counts(n);
    CounterRng r(3, 4, 5, 6);
    const std::uint64_t draws = 2000 * n;
    for (std::uint64_t i = 0; i < draws; ++i) {
      const auto v = r.below(n);
      REQUIRE(v < n);
      ++counts[v];
    }
    // Critical values at 0.999 for df = n-1: 10.83 (1), 22.46 (6), 59.70 (30), 1106.97 (999).
    const double critical = n == 2 ? 10.83 : n == 7 ? 22.46 : n == 31 ? 59.70 : 1106.97;
    INFO("n = " << n);
    CHECK(chi_square_uniform(counts, static_cast<double>(draws)) < critical);
  }
}

TEST_CASE("rng: bernoulli(p) hits p", "[rng]") {
  CounterRng r(8, 8, 8, 8);
  const int n = 100000;
  int hits = 0;
  for (int i = 0; i < n; ++i) hits += r.bernoulli(0.3);
  // Standard error sqrt(0.3*0.7/n) = 0.00145; allow 5 of them.
  CHECK(std::abs(hits / double(n) - 0.3) < 5 * 0.00145);
}

TEST_CASE("rng: exponential and normal have the right moments and deciles", "[rng]") {
  CounterRng r(13, 1, 0, 0);
  const int n = 200000;
  double se = 0, se2 = 0, sn = 0, sn2 = 0;
  std::vector<std::uint64_t> normal_bins(10);
  // Deciles of the standard normal: a chi-square over 10 equiprobable bins.
  const std::array<double, 9> deciles{-1.2815516, -0.8416212, -0.5244005, -0.2533471, 0.0,
                                      0.2533471,  0.5244005,  0.8416212,  1.2815516};
  for (int i = 0; i < n; ++i) {
    const double e = r.exponential(2.0);
    REQUIRE(e >= 0.0);
    se += e; se2 += e * e;
    const double z = r.normal();
    sn += z; sn2 += z * z;
    int bin = 0;
    while (bin < 9 && z >= deciles[bin]) ++bin;
    ++normal_bins[bin];
  }
  CHECK(std::abs(se / n - 0.5) < 0.005);                         // mean 1/rate
  CHECK(std::abs(se2 / n - (se / n) * (se / n) - 0.25) < 0.01);  // variance 1/rate^2
  CHECK(std::abs(sn / n) < 0.01);
  CHECK(std::abs(sn2 / n - 1.0) < 0.015);
  CHECK(chi_square_uniform(normal_bins, n) < 27.88);  // df 9, 0.999 quantile
}
