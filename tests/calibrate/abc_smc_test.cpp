// ABC-SMC on stand-in models whose posterior is known: y = theta + noise with a flat prior
// gives theta | y_obs ~ Normal(y_obs, sigma^2); a log-uniform prior is flat in ln theta, so
// y = ln theta + noise gives ln theta | y_obs ~ Normal(y_obs, sigma^2).
#include "calibrate/abc_smc.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>

#include "calibrate/weighted_summary.hpp"
#include "engine/parallel.hpp"
#include "rng/counter_rng.hpp"

using namespace insim::calibrate;

namespace {

constexpr double kSigma = 0.5;
constexpr double kObserved1 = 1.3;
const double kObserved2 = std::log(2.0);

insim::sweep::ParameterDef parameter(insim::sweep::Distribution d, double low, double high) {
  insim::sweep::ParameterDef p;
  p.path = "toy";
  p.distribution = d;
  p.low = low;
  p.high = high;
  return p;
}

std::vector<Prior> toy_priors() {
  return {Prior(parameter(insim::sweep::Distribution::uniform, -10.0, 10.0)),
          Prior(parameter(insim::sweep::Distribution::log_uniform, 0.01, 100.0))};
}

// The noise of a candidate's "run": a pure function of its id, as a model run's seed would be.
Evaluation toy(std::span<const double> theta, CandidateId id) {
  insim::rng::CounterRng r(run_seed(7, id, 0), 1, 0, 0);
  const double y1 = theta[0] + kSigma * r.normal();
  const double y2 = std::log(theta[1]) + kSigma * r.normal();
  const double d1 = y1 - kObserved1, d2 = y2 - kObserved2;
  return {std::sqrt(0.5 * (d1 * d1 + d2 * d2)), {y1, y2}};
}

AbcOptions toy_options() {
  AbcOptions o;
  o.particles = 1000;
  o.generations = 9;
  o.quantile = 0.5;
  o.min_acceptance = 0.005;
  o.seed = 11;
  return o;
}

WeightedSummary summary_of(const Generation& g, std::size_t j, bool log) {
  std::vector<double> values, weights;
  for (const Particle& p : g.particles) {
    values.push_back(log ? std::log(p.theta[j]) : p.theta[j]);
    weights.push_back(p.weight);
  }
  return weighted_summary(values, weights);
}

double weighted_sd(const Generation& g, std::size_t j, bool log) {
  const double mean = summary_of(g, j, log).mean;
  double s = 0.0;
  for (const Particle& p : g.particles) {
    const double x = log ? std::log(p.theta[j]) : p.theta[j];
    s += p.weight * (x - mean) * (x - mean);
  }
  return std::sqrt(s);
}

}  // namespace

TEST_CASE(
    "abc-smc: recovers the known posterior of a noisy model with flat and log-uniform "
    "priors",
    "[calibrate]") {
  const auto priors = toy_priors();
  const AbcResult r = abc_smc(priors, toy_options(), toy);
  REQUIRE(r.generations.size() == 10);
  const Generation& last = r.generations.back();
  REQUIRE(last.particles.size() == 1000);
  INFO("final tolerance " << last.tolerance);
  CHECK(last.tolerance < 0.25);

  // Normal(1.3, 0.5^2): mean, sd, and the 90% interval 1.3 -+ 1.645 x 0.5. The mean's Monte Carlo
  // error is about 0.5 / sqrt(ESS) ~ 0.02. The tolerance left widens the ABC posterior: the
  // accepted (y - y_obs) fill a disc of radius eps sqrt(2), whose variance per coordinate,
  // eps^2 / 2, adds to sigma^2. Without the importance weights the sd comes out near 0.43.
  const double sd = std::sqrt(kSigma * kSigma + 0.5 * last.tolerance * last.tolerance);
  const WeightedSummary a = summary_of(last, 0, false);
  INFO("theta1 mean " << a.mean << " p5 " << a.p5 << " p95 " << a.p95 << ", ABC sd " << sd);
  CHECK(a.mean == Approx(kObserved1).margin(0.07));
  CHECK(weighted_sd(last, 0, false) == Approx(sd).epsilon(0.08));
  CHECK(a.p5 == Approx(kObserved1 - 1.645 * kSigma).margin(0.12));
  CHECK(a.p95 == Approx(kObserved1 + 1.645 * kSigma).margin(0.12));

  const WeightedSummary b = summary_of(last, 1, true);
  INFO("ln theta2 mean " << b.mean << " p5 " << b.p5 << " p95 " << b.p95);
  CHECK(b.mean == Approx(kObserved2).margin(0.07));
  CHECK(weighted_sd(last, 1, true) == Approx(sd).epsilon(0.08));
  CHECK(b.p5 == Approx(kObserved2 - 1.645 * kSigma).margin(0.12));
  CHECK(b.p95 == Approx(kObserved2 + 1.645 * kSigma).margin(0.12));

  double total = 0.0;
  for (const Particle& p : last.particles) total += p.weight;
  CHECK(total == Approx(1.0).epsilon(1e-12));
}

TEST_CASE("abc-smc: each generation's tolerance is below the last, and its particles within it",
          "[calibrate]") {
  const AbcResult r = abc_smc(toy_priors(), toy_options(), toy);
  REQUIRE(r.generations.size() == 10);
  CHECK(std::isinf(r.generations[0].tolerance));
  for (std::size_t t = 1; t < r.generations.size(); ++t) {
    const Generation& g = r.generations[t];
    INFO("generation " << t << " tolerance " << g.tolerance);
    CHECK(g.tolerance < r.generations[t - 1].tolerance);
    for (const Particle& p : g.particles) CHECK(p.distance <= g.tolerance);
  }
}

TEST_CASE("abc-smc: the result is the same bit for bit for 1 and 2 threads and any batch size",
          "[calibrate]") {
  AbcOptions o = toy_options();
  o.particles = 300;
  o.generations = 5;
  const auto priors = toy_priors();
  const auto run = [&](int threads, std::size_t batch) {
    const insim::ThreadLimit limit(threads);
    AbcOptions with = o;
    with.min_batch = batch;
    return abc_smc(priors, with, toy);
  };
  const AbcResult one = run(1, 8);
  for (const auto& [threads, batch] : {std::pair{2, 8}, std::pair{2, 1}, std::pair{1, 500}}) {
    INFO(threads << " threads, batches of at least " << batch);
    const AbcResult other = run(threads, static_cast<std::size_t>(batch));
    REQUIRE(other.generations.size() == one.generations.size());
    for (std::size_t t = 0; t < one.generations.size(); ++t) {
      const Generation& a = one.generations[t];
      const Generation& b = other.generations[t];
      CHECK(a.tolerance == b.tolerance);
      CHECK(a.candidates == b.candidates);
      CHECK(a.simulated == b.simulated);
      REQUIRE(a.particles.size() == b.particles.size());
      for (std::size_t i = 0; i < a.particles.size(); ++i) {
        CHECK(a.particles[i].candidate == b.particles[i].candidate);
        CHECK(a.particles[i].theta == b.particles[i].theta);
        CHECK(a.particles[i].weight == b.particles[i].weight);
        CHECK(a.particles[i].distance == b.particles[i].distance);
      }
    }
  }
}

TEST_CASE(
    "abc-smc: candidates outside the prior are never run, undefined distances never "
    "accepted",
    "[calibrate]") {
  const auto priors = toy_priors();
  std::atomic<int> outside{0};
  std::atomic<int> runs{0};
  // theta1 < 0 has no distance: the posterior is the toy's, cut at 0.
  const auto cut = [&](std::span<const double> theta, CandidateId id) {
    ++runs;
    if (theta[0] < -10.0 || theta[0] > 10.0 || theta[1] < 0.01 || theta[1] > 100.0) ++outside;
    Evaluation e = toy(theta, id);
    if (theta[0] < 0.0) e.distance = std::nan("");
    return e;
  };
  AbcOptions o = toy_options();
  o.particles = 300;
  o.generations = 4;
  const AbcResult r = abc_smc(priors, o, cut);
  CHECK(outside.load() == 0);
  std::uint64_t undefined = 0, simulated = 0, candidates = 0;
  for (const Generation& g : r.generations) {
    for (const Particle& p : g.particles) CHECK(p.theta[0] >= 0.0);
    undefined += g.undefined;
    simulated += g.simulated;
    candidates += g.candidates;
  }
  CHECK(undefined > 0);
  CHECK(simulated < candidates);  // some perturbed candidates fell outside [-10, 10] x [0.01, 100]
  CHECK(static_cast<std::uint64_t>(runs.load()) >= simulated);  // batches may run past the last
}

TEST_CASE(
    "abc-smc: stops when a generation would accept fewer than min_acceptance of its "
    "candidates",
    "[calibrate]") {
  AbcOptions o = toy_options();
  o.particles = 200;
  o.generations = 40;
  o.min_acceptance = 0.1;
  const AbcResult r = abc_smc(toy_priors(), o, toy);
  CHECK(r.stop == StopReason::acceptance);
  CHECK(r.generations.size() < 41);
  CHECK(r.generations.size() > 2);
  for (const Generation& g : r.generations) CHECK(g.acceptance_rate() >= 0.1);
  CHECK(r.abandoned.index == r.generations.size());
  CHECK(r.abandoned.candidates == 2000);  // the budget: particles / min_acceptance
  CHECK(r.abandoned.particles.size() < 200);
}

TEST_CASE("abc-smc: a run seed depends on the seed, generation, candidate and replicate only",
          "[calibrate]") {
  const std::uint64_t a = run_seed(5, {1, 2}, 0);
  CHECK(a == run_seed(5, {1, 2}, 0));
  CHECK(a != run_seed(6, {1, 2}, 0));
  CHECK(a != run_seed(5, {2, 2}, 0));
  CHECK(a != run_seed(5, {1, 3}, 0));
  CHECK(a != run_seed(5, {1, 2}, 1));
  for (std::uint64_t k = 0; k < 100; ++k) CHECK(run_seed(5, {3, k}, 2) < (std::uint64_t{1} << 53));
}

TEST_CASE("abc-smc: bad options are refused", "[calibrate]") {
  const auto priors = toy_priors();
  AbcOptions o = toy_options();
  o.quantile = 1.0;
  CHECK_THROWS_AS(abc_smc(priors, o, toy), std::invalid_argument);
  o = toy_options();
  o.min_acceptance = 0.0;
  CHECK_THROWS_AS(abc_smc(priors, o, toy), std::invalid_argument);
  o = toy_options();
  o.particles = 1;
  CHECK_THROWS_AS(abc_smc(priors, o, toy), std::invalid_argument);
  CHECK_THROWS_AS(abc_smc({}, toy_options(), toy), std::invalid_argument);
  const auto never = [](std::span<const double>, CandidateId) { return Evaluation{}; };
  CHECK_THROWS_WITH(abc_smc(priors, toy_options(), never),
                    Catch::Contains("only 0 of") && Catch::Contains("generation 0"));
}
