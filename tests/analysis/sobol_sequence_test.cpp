#include "analysis/sobol_sequence.hpp"

#include <array>
#include <boost/random/sobol.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <set>
#include <stdexcept>
#include <vector>

#include "analysis/sobol_direction_numbers.hpp"

using insim::analysis::joe_kuo_lines;
using insim::analysis::kSobolMaxDims;
using insim::analysis::sobol_sequence;
using insim::analysis::SobolOptions;

namespace {

// The points as 32-bit integers (exact: the points are multiples of 2^-32).
std::uint64_t bits(double u) { return static_cast<std::uint64_t>(std::ldexp(u, 32)); }

// Degree of dimension j's primitive polynomial (dimension 1, van der Corput: x, degree 1).
unsigned degree(std::size_t dim) { return dim == 1 ? 1 : joe_kuo_lines()[dim - 2].s; }

}  // namespace

TEST_CASE("sobol: the first points match the published sequence for d = 2 and 3",
          "[analysis][sobol]") {
  // Joe & Kuo's sobol.cc with new-joe-kuo-6.21201 (and SciPy's Sobol(scramble=False)), Gray-code
  // order, the origin first.
  const std::vector<std::array<double, 3>> published = {{0, 0, 0},
                                                        {0.5, 0.5, 0.5},
                                                        {0.75, 0.25, 0.25},
                                                        {0.25, 0.75, 0.75},
                                                        {0.375, 0.375, 0.625},
                                                        {0.875, 0.875, 0.125},
                                                        {0.625, 0.125, 0.875},
                                                        {0.125, 0.625, 0.375},
                                                        {0.1875, 0.3125, 0.9375},
                                                        {0.6875, 0.8125, 0.4375}};
  const auto x3 = sobol_sequence(published.size(), 3);
  const auto x2 = sobol_sequence(published.size(), 2);
  for (std::size_t i = 0; i < published.size(); ++i) {
    for (std::size_t j = 0; j < 3; ++j) CHECK(x3(i, j) == published[i][j]);
    for (std::size_t j = 0; j < 2; ++j) CHECK(x2(i, j) == published[i][j]);
  }
}

// Boost.Random's sobol engine carries its own copy of Joe & Kuo's table (up to 3667 dimensions)
// and its own recurrence: an independent check of every typed number. It starts at point 1,
// leaving out the origin.
TEST_CASE("sobol: all 32 dimensions equal Boost.Random's Joe-Kuo Sobol' points",
          "[analysis][sobol]") {
  const std::size_t n = 4096;
  const auto x = sobol_sequence(n, kSobolMaxDims);
  boost::random::sobol_engine<std::uint32_t, 32> boost_sobol(kSobolMaxDims);
  std::size_t differences = 0;
  for (std::size_t i = 1; i < n; ++i) {
    for (std::size_t j = 0; j < kSobolMaxDims; ++j) {
      const std::uint32_t expected = boost_sobol();
      if (bits(x(i, j)) != expected) {
        if (differences++ < 5) FAIL_CHECK("point " << i << ", dimension " << j + 1);
      }
    }
  }
  CHECK(differences == 0);
}

TEST_CASE("sobol: the typed Joe-Kuo lines are well formed and distinct", "[analysis][sobol]") {
  const auto lines = joe_kuo_lines();
  REQUIRE(lines.size() == kSobolMaxDims - 1);
  std::set<unsigned> polynomials;
  unsigned previous_degree = 1;
  for (const auto& line : lines) {
    CHECK(line.s >= previous_degree);  // the table lists polynomials by degree
    previous_degree = line.s;
    CHECK(line.a < (1u << (line.s - 1)));
    polynomials.insert((1u << line.s) | (line.a << 1) | 1u);
    for (unsigned k = 1; k <= 7; ++k) {
      const unsigned m = line.m[k - 1];
      if (k <= line.s) {
        CHECK(m % 2 == 1);     // m_k odd ...
        CHECK(m < (1u << k));  // ... and below 2^k
      } else {
        CHECK(m == 0);
      }
    }
  }
  CHECK(polynomials.size() == lines.size());
}

// Sobol' (1967), Niederreiter (1988): with distinct primitive polynomials of degrees s_j the
// sequence is a (t, d)-sequence with t = sum (s_j - 1), so the first 2^m points of dimensions
// (j, k) put exactly 2^t points in every box of 2^-q by 2^-(m-t-q). A wrong recurrence or a
// mistyped direction number breaks this for some pair.
TEST_CASE("sobol: every pair of the 32 dimensions is a (t, m, 2)-net with t = s_j + s_k - 2",
          "[analysis][sobol]") {
  constexpr unsigned m = 12;
  const std::size_t n = std::size_t{1} << m;
  const auto x = sobol_sequence(n, kSobolMaxDims);
  std::vector<int> boxes(n);
  for (std::size_t j = 0; j < kSobolMaxDims; ++j) {
    for (std::size_t k = j + 1; k < kSobolMaxDims; ++k) {
      const unsigned t = degree(j + 1) - 1 + degree(k + 1) - 1;
      if (t > m) continue;
      bool net = true;
      for (unsigned q = 0; q <= m - t; ++q) {
        const unsigned r = m - t - q;
        std::fill(boxes.begin(), boxes.end(), 0);
        for (std::size_t i = 0; i < n; ++i) {
          ++boxes[((bits(x(i, j)) >> (32 - q)) << r) | (bits(x(i, k)) >> (32 - r))];
        }
        for (std::size_t b = 0; b < (std::size_t{1} << (m - t)); ++b) {
          net = net && boxes[b] == (1 << t);
        }
      }
      INFO("dimensions " << j + 1 << " and " << k + 1 << ", t = " << t);
      CHECK(net);
    }
  }
}

TEST_CASE("sobol: in every dimension the first 2^m points fill each interval of width 2^-m once",
          "[analysis][sobol]") {
  const auto x = sobol_sequence(1024, kSobolMaxDims);
  for (std::size_t j = 0; j < kSobolMaxDims; ++j) {
    std::set<std::uint64_t> cells;
    for (std::size_t i = 0; i < 1024; ++i) cells.insert(bits(x(i, j)) >> 22);
    INFO("dimension " << j + 1);
    CHECK(cells.size() == 1024);
  }
}

TEST_CASE("sobol: a digital shift is reproducible per seed, differs between seeds, keeps strata",
          "[analysis][sobol]") {
  const auto a = sobol_sequence(256, 4, SobolOptions{true, 9});
  const auto b = sobol_sequence(256, 4, SobolOptions{true, 9});
  const auto c = sobol_sequence(256, 4, SobolOptions{true, 10});
  const auto plain = sobol_sequence(256, 4);
  CHECK(a.values == b.values);
  CHECK(a.values != c.values);
  CHECK(a.values != plain.values);
  CHECK(a(0, 0) != 0.0);  // the origin moves
  for (std::size_t j = 0; j < 4; ++j) {
    std::set<std::uint64_t> cells;
    for (std::size_t i = 0; i < 256; ++i) cells.insert(bits(a(i, j)) >> 24);
    CHECK(cells.size() == 256);
  }
}

TEST_CASE("sobol: d = 0, d > 32 or n = 0 are refused with a clear message",
          "[analysis][sobol][errors]") {
  CHECK_THROWS_WITH(sobol_sequence(8, 0), Catch::Contains("d must be at least 1"));
  CHECK_THROWS_WITH(sobol_sequence(8, 33),
                    Catch::Contains("d = 33") && Catch::Contains("at most 32"));
  CHECK_THROWS_AS(sobol_sequence(0, 2), std::invalid_argument);
}
