#include "calibrate/weighted_summary.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace insim::calibrate {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void require_weights(std::span<const double> values, std::span<const double> weights) {
  if (values.size() != weights.size()) {
    throw std::invalid_argument(
        fmt::format("weighted summary: {} values but {} weights", values.size(), weights.size()));
  }
  for (double w : weights) {
    if (!(w >= 0.0)) throw std::invalid_argument(fmt::format("weighted summary: weight {}", w));
  }
}

}  // namespace

double weighted_quantile(std::span<const double> values, std::span<const double> weights,
                         double p) {
  require_weights(values, weights);
  if (!(p >= 0.0 && p <= 1.0)) {
    throw std::invalid_argument(fmt::format("weighted quantile: p = {} is outside [0, 1]", p));
  }
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isnan(values[i]) && weights[i] > 0.0) order.push_back(i);
  }
  if (order.empty()) return kNaN;
  // Ties in value keep index order: the result does not depend on the sort's stability.
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return values[a] < values[b] || (values[a] == values[b] && a < b);
  });
  double total = 0.0;
  for (std::size_t i : order) total += weights[i];
  double before = 0.0;
  double last_place = 0.0, last_value = values[order.front()];
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::size_t i = order[k];
    const double place = (before + 0.5 * weights[i]) / total;
    if (p <= place) {
      if (k == 0 || values[i] == last_value) return values[i];
      const double f = (p - last_place) / (place - last_place);
      if (f <= 0.0) return last_value;  // also keeps an infinite neighbour out of 0 * inf
      return f >= 1.0 ? values[i] : last_value + f * (values[i] - last_value);
    }
    before += weights[i];
    last_place = place;
    last_value = values[i];
  }
  return last_value;
}

double weighted_mean(std::span<const double> values, std::span<const double> weights) {
  require_weights(values, weights);
  double sum = 0.0, total = 0.0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::isnan(values[i]) || weights[i] == 0.0) continue;
    sum += weights[i] * values[i];
    total += weights[i];
  }
  return total > 0.0 ? sum / total : kNaN;
}

WeightedSummary weighted_summary(std::span<const double> values, std::span<const double> weights) {
  return {weighted_mean(values, weights), weighted_quantile(values, weights, 0.05),
          weighted_quantile(values, weights, 0.5), weighted_quantile(values, weights, 0.95)};
}

}  // namespace insim::calibrate
