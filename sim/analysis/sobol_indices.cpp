#include "analysis/sobol_indices.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "analysis/streams.hpp"
#include "engine/parallel.hpp"

namespace insim::analysis {
namespace {

// Estimates on the n groups group_at(0..n-1) (repeats allowed), summed in that order: first[i]
// and total[i] receive S_i and ST_i; returns V(Y).
template <class GroupAt>
double estimate(std::span<const double> y, std::size_t d, std::size_t n, GroupAt group_at,
                double* first, double* total) {
  const std::size_t size = d + 2;
  double sum = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    const double* g = y.data() + group_at(k) * size;
    sum += g[0] + g[d + 1];
  }
  const double mean = sum / static_cast<double>(2 * n);
  double squares = 0.0;
  for (std::size_t k = 0; k < n; ++k) {
    const double* g = y.data() + group_at(k) * size;
    const double da = g[0] - mean, db = g[d + 1] - mean;
    squares += da * da + db * db;
  }
  const double variance = squares / static_cast<double>(2 * n);
  if (!(variance > 0.0)) {  // constant outputs: no variance to apportion
    for (std::size_t i = 0; i < d; ++i) first[i] = total[i] = std::nan("");
    return variance;
  }
  for (std::size_t i = 0; i < d; ++i) {
    double v_first = 0.0, v_total = 0.0;
    for (std::size_t k = 0; k < n; ++k) {
      const double* g = y.data() + group_at(k) * size;
      const double f_a = g[0], f_ab = g[1 + i], f_b = g[d + 1];
      v_first += f_b * (f_ab - f_a);
      v_total += (f_a - f_ab) * (f_a - f_ab);
    }
    first[i] = v_first / static_cast<double>(n) / variance;
    total[i] = v_total / static_cast<double>(2 * n) / variance;
  }
  return variance;
}

}  // namespace

SobolIndices sobol_indices(std::span<const double> outputs, std::size_t parameters,
                           const BootstrapOptions& options) {
  require_bootstrap_options("Sobol' indices", options);
  const std::size_t d = parameters;
  if (d == 0) throw std::invalid_argument("Sobol' indices: the number of parameters must be >= 1");
  const std::size_t size = d + 2;
  if (outputs.size() % size != 0) {
    throw std::invalid_argument(fmt::format(
        "Sobol' indices: {} outputs is not a whole number of Saltelli groups of d + 2 = {} runs",
        outputs.size(), size));
  }
  std::vector<std::size_t> usable;
  for (std::size_t j = 0; j < outputs.size() / size; ++j) {
    bool finite = true;
    for (std::size_t k = 0; k < size; ++k) finite = finite && std::isfinite(outputs[j * size + k]);
    if (finite) usable.push_back(j);
  }
  const std::size_t n = usable.size();
  if (n < 2) {
    throw std::invalid_argument(fmt::format(
        "Sobol' indices: {} of {} base samples have all d + 2 outputs finite; at least 2 needed", n,
        outputs.size() / size));
  }

  SobolIndices result;
  result.base_samples_used = n;
  result.level = options.level;
  std::vector<double> first(d), total(d);
  result.variance = estimate(
      outputs, d, n, [&](std::size_t k) { return usable[k]; }, first.data(), total.data());

  // Resample b draws n base samples with replacement from (seed, sobol_bootstrap, b): each
  // resample writes only its own slots, so the result does not depend on the thread count.
  const std::size_t resamples = options.resamples;
  std::vector<double> first_reps(d * resamples), total_reps(d * resamples);
  parallel_for_each(0, resamples, 8, [&](std::size_t b) {
    std::vector<std::size_t> drawn(n);
    rng::CounterRng g = draws(options.seed, Stream::sobol_bootstrap, b, 0);
    for (std::size_t k = 0; k < n; ++k) drawn[k] = usable[g.below(n)];
    std::vector<double> f(d), t(d);
    (void)estimate(
        outputs, d, n, [&](std::size_t k) { return drawn[k]; }, f.data(), t.data());
    for (std::size_t i = 0; i < d; ++i) {
      first_reps[i * resamples + b] = f[i];
      total_reps[i * resamples + b] = t[i];
    }
  });
  for (std::size_t i = 0; i < d; ++i) {
    result.first_order.push_back(percentile_interval(
        first[i], std::span(first_reps).subspan(i * resamples, resamples), options.level));
    result.total.push_back(percentile_interval(
        total[i], std::span(total_reps).subspan(i * resamples, resamples), options.level));
  }
  return result;
}

}  // namespace insim::analysis
