#include "calibrate/abc_smc.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "rng/counter_rng.hpp"
#include "stats/summary.hpp"

namespace insim::calibrate {

namespace {

// One counter-based stream per purpose (docs/determinism.md); step = generation, entity =
// candidate. Beside analysis/streams.hpp's 0x5e01-0x5e07.
enum class Stream : std::uint64_t {
  prior_draw = 0x5e20,  // generation 0: one uniform per parameter
  parent = 0x5e21,      // generation t >= 1: which particle of t - 1 is moved
  perturb = 0x5e22,     // one standard normal per parameter
  run_seed = 0x5e23,    // word r: the seed of replicate r
};

rng::CounterRng draws(std::uint64_t seed, Stream s, CandidateId id) {
  return {seed, rng::stream_id(s), id.generation, id.index};
}

// A population in the working coordinates: row i of `work` is particle i (d values).
struct Population {
  std::size_t d = 0;
  std::vector<double> work;
  std::vector<double> weights;     // normalised
  std::vector<double> cumulative;  // running sum of weights, last = 1
  [[nodiscard]] std::size_t size() const { return weights.size(); }
  [[nodiscard]] const double* row(std::size_t i) const { return work.data() + i * d; }
};

// The Gaussian kernel N(0, Sigma), Sigma = 2 x the population's weighted covariance (Beaumont et
// al. 2009, section 3), through its lower Cholesky factor: a move is L z with z standard normal,
// and (x' Sigma^-1 x) = |L^-1 x|^2.
struct Kernel {
  std::size_t d = 0;
  std::vector<double> lower;  // d x d, row-major

  // |L^-1 x|^2, by forward substitution into `y` (d values of scratch).
  [[nodiscard]] double mahalanobis2(const double* x, double* y) const {
    double s = 0.0;
    for (std::size_t r = 0; r < d; ++r) {
      double v = x[r];
      for (std::size_t c = 0; c < r; ++c) v -= lower[r * d + c] * y[c];
      y[r] = v / lower[r * d + r];
      s += y[r] * y[r];
    }
    return s;
  }
};

// Cholesky factor of the symmetric matrix `a` (d x d); false when it is not positive definite.
bool cholesky(std::vector<double> a, std::size_t d, std::vector<double>& lower) {
  lower.assign(d * d, 0.0);
  for (std::size_t j = 0; j < d; ++j) {
    double diag = a[j * d + j];
    for (std::size_t k = 0; k < j; ++k) diag -= lower[j * d + k] * lower[j * d + k];
    if (!(diag > 0.0) || !std::isfinite(diag)) return false;
    lower[j * d + j] = std::sqrt(diag);
    for (std::size_t i = j + 1; i < d; ++i) {
      double v = a[i * d + j];
      for (std::size_t k = 0; k < j; ++k) v -= lower[i * d + k] * lower[j * d + k];
      lower[i * d + j] = v / lower[j * d + j];
    }
  }
  return true;
}

Kernel make_kernel(const Population& p, std::span<const Prior> priors) {
  const std::size_t d = p.d;
  std::vector<double> mean(d, 0.0);
  for (std::size_t i = 0; i < p.size(); ++i)
    for (std::size_t a = 0; a < d; ++a) mean[a] += p.weights[i] * p.row(i)[a];
  std::vector<double> sigma(d * d, 0.0);
  for (std::size_t i = 0; i < p.size(); ++i) {
    for (std::size_t a = 0; a < d; ++a) {
      for (std::size_t b = 0; b < d; ++b) {
        sigma[a * d + b] += 2.0 * p.weights[i] * (p.row(i)[a] - mean[a]) * (p.row(i)[b] - mean[b]);
      }
    }
  }
  // A parameter every particle agrees on would make Sigma singular: a spread of a billionth
  // of the prior's width keeps the kernel proper without moving anything measurably.
  for (std::size_t a = 0; a < d; ++a) {
    const double floor = 1e-9 * priors[a].work_width();
    sigma[a * d + a] += floor * floor;
  }
  Kernel k{d, {}};
  if (!cholesky(sigma, d, k.lower)) {
    // Rounding made the full matrix indefinite: per-parameter variances instead.
    k.lower.assign(d * d, 0.0);
    for (std::size_t a = 0; a < d; ++a) k.lower[a * d + a] = std::sqrt(sigma[a * d + a]);
  }
  return k;
}

struct Candidate {
  std::vector<double> work;
  std::vector<double> theta;
  bool in_support = true;
};

Candidate from_prior(std::span<const Prior> priors, std::uint64_t seed, CandidateId id) {
  Candidate c;
  rng::CounterRng r = draws(seed, Stream::prior_draw, id);
  for (const Prior& p : priors) {
    const double x = p.value(r.uniform());
    c.theta.push_back(x);
    c.work.push_back(p.to_work(x));
  }
  return c;
}

Candidate perturbed(std::span<const Prior> priors, const Population& prev, const Kernel& k,
                    std::uint64_t seed, CandidateId id) {
  const double u = draws(seed, Stream::parent, id).uniform();
  const auto parent =
      static_cast<std::size_t>(std::upper_bound(prev.cumulative.begin(), prev.cumulative.end(), u) -
                               prev.cumulative.begin());
  const double* from = prev.row(std::min(parent, prev.size() - 1));
  rng::CounterRng r = draws(seed, Stream::perturb, id);
  std::vector<double> z(k.d);
  for (double& v : z) v = r.normal();
  Candidate c;
  for (std::size_t a = 0; a < k.d; ++a) {
    double w = from[a];
    for (std::size_t b = 0; b <= a; ++b) w += k.lower[a * k.d + b] * z[b];
    c.work.push_back(w);
    c.in_support = c.in_support && priors[a].in_support(w);
    c.theta.push_back(priors[a].from_work(w));
  }
  return c;
}

bool acceptable(double distance, double tolerance) {
  return !std::isnan(distance) && distance < std::numeric_limits<double>::infinity() &&
         distance <= tolerance;
}

// Beaumont et al. (2009), eq. 3: w_i proportional to prior(theta_i) / sum_j W_j K(theta_i |
// theta_j), in logarithms (log-sum-exp) so that no term underflows.
std::vector<double> importance_weights(std::span<const Prior> priors, const Population& prev,
                                       const Kernel& k, const std::vector<double>& work,
                                       std::size_t n) {
  const std::size_t d = k.d;
  std::vector<double> log_w(n);
  oneapi::tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
    const double* x = work.data() + i * d;
    std::vector<double> diff(d), y(d), terms(prev.size());
    double top = -std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < prev.size(); ++j) {
      for (std::size_t a = 0; a < d; ++a) diff[a] = x[a] - prev.row(j)[a];
      terms[j] = prev.weights[j] > 0.0
                     ? std::log(prev.weights[j]) - 0.5 * k.mahalanobis2(diff.data(), y.data())
                     : -std::numeric_limits<double>::infinity();
      top = std::max(top, terms[j]);
    }
    double sum = 0.0;
    for (double t : terms) sum += std::exp(t - top);
    double log_prior = 0.0;
    for (std::size_t a = 0; a < d; ++a) log_prior += priors[a].log_density(x[a]);
    log_w[i] = log_prior - (top + std::log(sum));
  });
  const double top = *std::max_element(log_w.begin(), log_w.end());
  std::vector<double> w(n);
  double total = 0.0;
  for (std::size_t i = 0; i < n; ++i) total += (w[i] = std::exp(log_w[i] - top));
  for (double& v : w) v /= total;
  return w;
}

Population population_of(const Generation& g, std::vector<double> work, std::size_t d) {
  Population p{d, std::move(work), {}, {}};
  double running = 0.0;
  for (const Particle& q : g.particles) {
    p.weights.push_back(q.weight);
    p.cumulative.push_back(running += q.weight);
  }
  p.cumulative.back() = 1.0;  // a draw of u < 1 always finds a parent
  return p;
}

void require_options(std::span<const Prior> priors, const AbcOptions& o) {
  if (priors.empty()) throw std::invalid_argument("abc_smc: no parameters to fit");
  if (o.particles < 2) throw std::invalid_argument("abc_smc: particles must be at least 2");
  if (!(o.quantile > 0.0 && o.quantile < 1.0)) {
    throw std::invalid_argument(
        fmt::format("abc_smc: quantile must lie strictly between 0 and 1, got {}", o.quantile));
  }
  if (!(o.min_acceptance > 0.0 && o.min_acceptance <= 1.0)) {
    throw std::invalid_argument(
        fmt::format("abc_smc: min_acceptance must lie in (0, 1], got {}", o.min_acceptance));
  }
}

}  // namespace

std::uint64_t run_seed(std::uint64_t seed, CandidateId id, std::uint64_t replicate) {
  return draws(seed, Stream::run_seed, id).word(replicate) >> 11;
}

AbcResult abc_smc(std::span<const Prior> priors, const AbcOptions& options,
                  const EvaluateFn& evaluate) {
  require_options(priors, options);
  const std::size_t d = priors.size();
  const std::size_t n = options.particles;
  const auto budget =
      static_cast<std::uint64_t>(std::ceil(static_cast<double>(n) / options.min_acceptance));
  AbcResult result;
  Population prev;
  Kernel kernel;
  double expected_rate = 1.0;

  for (std::uint64_t t = 0; t <= options.generations; ++t) {
    Generation gen;
    gen.index = t;
    if (t > 0) {
      std::vector<double> sorted;
      for (const Particle& p : result.generations.back().particles) sorted.push_back(p.distance);
      std::sort(sorted.begin(), sorted.end());
      gen.tolerance = stats::quantile_sorted(sorted, options.quantile);
      kernel = make_kernel(prev, priors);
    }
    std::vector<double> work;  // accepted particles' working coordinates, row by row
    std::uint64_t next = 0;
    while (gen.particles.size() < n && next < budget) {
      const std::size_t needed = n - gen.particles.size();
      const double rate = std::max(expected_rate, options.min_acceptance);
      const auto wanted = static_cast<std::uint64_t>(std::ceil(static_cast<double>(needed) / rate));
      const std::uint64_t size =
          std::min(std::max<std::uint64_t>(wanted, options.min_batch), budget - next);
      std::vector<Candidate> batch(size);
      for (std::uint64_t i = 0; i < size; ++i) {
        const CandidateId id{t, next + i};
        batch[i] = t == 0 ? from_prior(priors, options.seed, id)
                          : perturbed(priors, prev, kernel, options.seed, id);
      }
      std::vector<Evaluation> evaluations(size);
      oneapi::tbb::parallel_for(std::uint64_t{0}, size, [&](std::uint64_t i) {
        if (batch[i].in_support) evaluations[i] = evaluate(batch[i].theta, {t, next + i});
      });
      if (options.after_batch) options.after_batch({t, next}, evaluations);
      for (std::uint64_t i = 0; i < size && gen.particles.size() < n; ++i) {
        gen.candidates = next + i + 1;
        if (!batch[i].in_support) continue;
        ++gen.simulated;
        Evaluation& e = evaluations[i];
        if (std::isnan(e.distance)) ++gen.undefined;
        if (!acceptable(e.distance, gen.tolerance)) continue;
        gen.particles.push_back(
            {batch[i].theta, 0.0, e.distance, std::move(e.simulated), next + i});
        work.insert(work.end(), batch[i].work.begin(), batch[i].work.end());
      }
      next += size;
      // The next batch's size from what this generation has accepted so far: only the waste
      // depends on it.
      expected_rate = gen.particles.empty()
                          ? expected_rate / 2.0
                          : static_cast<double>(gen.particles.size()) / static_cast<double>(next);
    }
    if (gen.particles.size() < n) {
      if (t == 0) {
        throw std::runtime_error(fmt::format(
            "calibration: only {} of {} draws from the prior gave a distance (the others' runs "
            "left a target undefined or infinite); generation 0 needs {}",
            gen.particles.size(), gen.candidates, n));
      }
      result.stop = StopReason::acceptance;
      result.abandoned = std::move(gen);
      break;
    }
    if (t == 0) {
      for (Particle& p : gen.particles) p.weight = 1.0 / static_cast<double>(n);
    } else {
      const std::vector<double> w = importance_weights(priors, prev, kernel, work, n);
      for (std::size_t i = 0; i < n; ++i) gen.particles[i].weight = w[i];
    }
    expected_rate = gen.acceptance_rate();
    prev = population_of(gen, std::move(work), d);
    if (options.on_generation) options.on_generation(gen);
    result.generations.push_back(std::move(gen));
  }
  return result;
}

}  // namespace insim::calibrate
