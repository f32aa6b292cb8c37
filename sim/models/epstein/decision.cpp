#include "models/epstein/decision.hpp"

#include <cmath>

namespace insim::epstein {

std::int64_t round_half_even_ratio(std::int64_t c, std::int64_t a) {
  const std::int64_t q = c / a;
  const std::int64_t twice_rest = 2 * (c % a);
  if (twice_rest > a) return q + 1;
  if (twice_rest == a) return q + (q % 2);  // a tie goes to the even neighbour
  return q;
}

namespace {
double probability_of(double k, double f) { return 1.0 - std::exp(-k * f); }
}  // namespace

double arrest_probability(ArrestRule rule, double k, std::int64_t cops, std::int64_t actives) {
  switch (rule) {
    case ArrestRule::floor:
      return probability_of(k, static_cast<double>(cops / actives));
    case ArrestRule::round:
      return probability_of(k, static_cast<double>(round_half_even_ratio(cops, actives)));
    case ArrestRule::continuous:
      return probability_of(k, static_cast<double>(cops) / static_cast<double>(actives));
  }
  return 0.0;
}

ArrestProbability::ArrestProbability(ArrestRule rule, double k, std::int64_t max_cops)
    : rule_(rule), k_(k) {
  by_ratio_.resize(static_cast<std::size_t>(max_cops) + 1);
  for (std::size_t f = 0; f < by_ratio_.size(); ++f)
    by_ratio_[f] = probability_of(k, static_cast<double>(f));
}

}  // namespace insim::epstein
