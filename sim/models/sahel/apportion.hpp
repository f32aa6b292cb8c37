#pragma once
// Integer shares of a total in proportion to weights (Hamilton's largest-remainder method),
// each share at least its lower bound. Serial and exact: the same counts on every machine.
#include <cstdint>
#include <span>
#include <vector>

namespace insim::sahel {

// counts[i] >= lower[i], sum(counts) == total, and counts[i] within 1 of total * w[i] / sum(w)
// wherever the lower bounds do not bind. Requires total >= sum(lower) and sum(weights) > 0.
[[nodiscard]] std::vector<std::int64_t> apportion(std::int64_t total,
                                                  std::span<const double> weights,
                                                  std::span<const std::int64_t> lower);

}  // namespace insim::sahel
