#include "models/sahel/apportion.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace insim::sahel {

std::vector<std::int64_t> apportion(std::int64_t total, std::span<const double> weights,
                                    std::span<const std::int64_t> lower) {
  const std::size_t n = weights.size();
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  const std::int64_t floor_total = std::accumulate(lower.begin(), lower.end(), std::int64_t{0});
  if (n == 0 || lower.size() != n || !(sum > 0.0) || total < floor_total)
    throw std::invalid_argument(
        "apportion: needs weights with a positive sum and total >= "
        "the sum of the lower bounds");
  std::vector<double> quota(n);
  std::vector<std::int64_t> count(n);
  std::int64_t assigned = 0;
  for (std::size_t i = 0; i < n; ++i) {
    quota[i] = static_cast<double>(total) * weights[i] / sum;
    count[i] = std::max(lower[i], static_cast<std::int64_t>(std::floor(quota[i])));
    assigned += count[i];
  }
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Largest remainders first (ties by index), for giving; most over-allocated first, for taking.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return quota[a] - static_cast<double>(count[a]) > quota[b] - static_cast<double>(count[b]);
  });
  for (std::size_t k = 0; assigned < total; k = (k + 1) % n, ++assigned) ++count[order[k]];
  while (assigned > total) {
    for (auto it = order.rbegin(); it != order.rend() && assigned > total; ++it) {
      if (count[*it] > lower[*it]) {
        --count[*it];
        --assigned;
      }
    }
  }
  return count;
}

}  // namespace insim::sahel
