#pragma once
// A citizen's decision (Epstein 2002, Model I): grievance G = H (1 - L); estimated arrest
// probability P = 1 - exp(-k f(C / A)); net risk N = R P; active iff G - N > T.
#include <cstdint>
#include <vector>

#include "models/epstein/epstein_def.hpp"

namespace insim::epstein {

// round(c / a) with ties to even (Python's round, which Mesa uses): 5/2 -> 2, 7/2 -> 4.
// Exact integer arithmetic; a > 0, c >= 0.
[[nodiscard]] std::int64_t round_half_even_ratio(std::int64_t c, std::int64_t a);

// P for C cops and A actives seen (A >= 1, since it always counts the citizen itself).
[[nodiscard]] double arrest_probability(ArrestRule rule, double k, std::int64_t cops,
                                        std::int64_t actives);

// A: the actives a citizen counts, from the other actives in its vision and its own status.
[[nodiscard]] inline std::int64_t actives_seen(SelfCount self_count, std::int64_t other_actives,
                                               bool self_active) {
  return 1 + other_actives + (self_count == SelfCount::twice && self_active ? 1 : 0);
}

// The activation rule G - N > T.
[[nodiscard]] inline bool decides_active(double grievance, double risk_aversion,
                                         double arrest_probability, double threshold) {
  return grievance - risk_aversion * arrest_probability > threshold;
}

// arrest_probability() with the exponentials of the integer rules (floor, round) precomputed:
// there, P depends on the integer f(C/A) <= C only. Same bits as arrest_probability().
class ArrestProbability {
 public:
  ArrestProbability(ArrestRule rule, double k, std::int64_t max_cops);
  [[nodiscard]] double operator()(std::int64_t cops, std::int64_t actives) const {
    switch (rule_) {
      case ArrestRule::floor:
        return by_ratio_[static_cast<std::size_t>(cops / actives)];
      case ArrestRule::round:
        return by_ratio_[static_cast<std::size_t>(round_half_even_ratio(cops, actives))];
      case ArrestRule::continuous:
        return arrest_probability(rule_, k_, cops, actives);
    }
    return 0.0;
  }

 private:
  ArrestRule rule_;
  double k_;
  std::vector<double> by_ratio_;  // 1 - exp(-k f) for f = 0 .. max_cops
};

}  // namespace insim::epstein
