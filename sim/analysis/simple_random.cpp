#include "analysis/simple_random.hpp"

#include "analysis/streams.hpp"

namespace insim::analysis {

UnitDesign simple_random(std::size_t n, std::size_t d, std::uint64_t seed) {
  require_design_size("simple random design", n, d);
  UnitDesign design(n, d);
  for (std::size_t i = 0; i < n; ++i) {
    rng::CounterRng g = draws(seed, Stream::simple_random, i, 0);
    for (std::size_t j = 0; j < d; ++j) design(i, j) = g.uniform();
  }
  return design;
}

}  // namespace insim::analysis
