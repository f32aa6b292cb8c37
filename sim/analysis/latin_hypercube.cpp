#include "analysis/latin_hypercube.hpp"

#include <cmath>
#include <utility>
#include <vector>

#include "analysis/streams.hpp"

namespace insim::analysis {

UnitDesign latin_hypercube(std::size_t n, std::size_t d, std::uint64_t seed) {
  require_design_size("Latin hypercube", n, d);
  UnitDesign design(n, d);
  std::vector<std::size_t> stratum(n);
  for (std::size_t j = 0; j < d; ++j) {
    // Fisher-Yates shuffle of 0..n-1, one stream per column.
    for (std::size_t i = 0; i < n; ++i) stratum[i] = i;
    rng::CounterRng g = draws(seed, Stream::lhs_permutation, 0, j);
    for (std::size_t i = n; i > 1; --i) std::swap(stratum[i - 1], stratum[g.below(i)]);
    for (std::size_t i = 0; i < n; ++i) design(i, j) = static_cast<double>(stratum[i]);
  }
  const auto count = static_cast<double>(n);
  for (std::size_t i = 0; i < n; ++i) {
    rng::CounterRng g = draws(seed, Stream::lhs_jitter, i, 0);
    for (std::size_t j = 0; j < d; ++j) {
      const double s = design(i, j);
      double u = (s + g.uniform()) / count;
      // Rounding can move (s + U) / n across a stratum edge; nudge it back so that
      // floor(u * n) == s holds in floating point too.
      while (u * count >= s + 1.0) u = std::nextafter(u, 0.0);
      while (u * count < s) u = std::nextafter(u, 1.0);
      design(i, j) = u;
    }
  }
  return design;
}

}  // namespace insim::analysis
