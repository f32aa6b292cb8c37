#pragma once
// Approximate Bayesian computation by sequential Monte Carlo: the population Monte Carlo sampler
// of Beaumont, Cornuet, Marin & Robert (2009, Biometrika 96:983) with the tolerance schedule
// of Toni, Welch, Strelkowa, Ipsen & Stumpf (2009, J. R. Soc. Interface 6:187) taken adaptively
// (Del Moral, Doucet & Jasra 2012): docs/calibrate.md gives the equations.
//
// Generation 0 draws candidates from the prior and accepts every one with a finite distance.
// Generation t >= 1 has tolerance eps_t = the `quantile` of generation t-1's distances; its
// candidates are a parent drawn by weight from generation t-1, moved by a Gaussian kernel with
// twice the parents' weighted covariance (in each prior's working coordinate, prior.hpp); one
// outside the prior's support is rejected without a run; one with distance <= eps_t is accepted
// with weight prior(theta) / sum_j w_j K(theta | theta_j).
//
// Reproducible whatever the thread count: candidate k of generation t is a pure function of
// (seed, t, k) and the previous population; candidates are evaluated in parallel batches and
// accepted in candidate order until the population is full, so the batches and the threads
// change only how much work is wasted past the last accepted candidate, never the result.
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <vector>

#include "calibrate/prior.hpp"

namespace insim::calibrate {

struct CandidateId {
  std::uint64_t generation = 0;
  std::uint64_t index = 0;  // in the generation's candidate order
};

// What the model (or a test's stand-in) makes of one candidate.
struct Evaluation {
  double distance = std::numeric_limits<double>::quiet_NaN();  // NaN: undefined, rejected
  std::vector<double> simulated;  // the target values behind the distance (fit.csv); may be empty
};

// theta: the candidate's parameter values (prior order), inside every prior's [low, high].
// Called from several threads at once; must depend on nothing but its arguments.
using EvaluateFn = std::function<Evaluation(std::span<const double> theta, CandidateId id)>;

struct Particle {
  std::vector<double> theta;
  double weight = 0.0;  // normalised: a generation's weights sum to 1
  double distance = 0.0;
  std::vector<double> simulated;
  std::uint64_t candidate = 0;
};

struct Generation {
  std::uint64_t index = 0;
  double tolerance = std::numeric_limits<double>::infinity();
  // Candidates drawn until the population was full (up to and including the last one accepted);
  // of those, `simulated` were inside the prior's support and evaluated, and `undefined` of
  // those had no distance. Independent of batches and threads.
  std::uint64_t candidates = 0;
  std::uint64_t simulated = 0;
  std::uint64_t undefined = 0;
  std::vector<Particle> particles;  // in acceptance (candidate) order

  [[nodiscard]] double acceptance_rate() const {
    return candidates == 0
               ? 0.0
               : static_cast<double>(particles.size()) / static_cast<double>(candidates);
  }
};

enum class StopReason { generations, acceptance };

struct AbcResult {
  std::vector<Generation> generations;  // complete populations, generation 0 first
  StopReason stop = StopReason::generations;
  // When the acceptance rate fell below the floor: the generation given up (its tolerance,
  // the candidates tried, and how many of them it had accepted), not part of the result.
  Generation abandoned;
};

struct AbcOptions {
  std::size_t particles = 100;
  std::size_t generations = 5;  // after generation 0
  double quantile = 0.5;
  double min_acceptance = 0.02;  // a generation may try particles / min_acceptance candidates
  std::uint64_t seed = 1;
  // Candidates evaluated together at least; more when the acceptance rate is low. A batch's size
  // changes only the waste, not the result.
  std::size_t min_batch = 8;
  // After each batch, in batch order, on the calling thread: e.g. to stop (by throwing) or to
  // inspect the first evaluations. `first` is the id of batch[0].
  std::function<void(CandidateId first, std::span<const Evaluation> batch)> after_batch;
  // After each complete generation.
  std::function<void(const Generation&)> on_generation;
};

// Throws std::invalid_argument for empty priors, particles < 2, quantile outside (0, 1) or
// min_acceptance outside (0, 1]; std::runtime_error when generation 0 cannot find `particles`
// candidates with a finite distance within its budget of candidates.
[[nodiscard]] AbcResult abc_smc(std::span<const Prior> priors, const AbcOptions& options,
                                const EvaluateFn& evaluate);

// The seed of replicate r of candidate `id`'s runs: a pure function of (seed, generation,
// index, r), below 2^53 so that it is a valid run.seed.
[[nodiscard]] std::uint64_t run_seed(std::uint64_t seed, CandidateId id, std::uint64_t replicate);

}  // namespace insim::calibrate
