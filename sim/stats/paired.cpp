#include "stats/paired.hpp"

#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace insim::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Means, variances and covariance of the pairs (a_i, b_i) that have no NaN, by two passes around
// the first pair (shifted data): pairs that are all equal give exactly zero variance.
struct PairMoments {
  std::size_t n = 0;
  double mean_a = 0.0, mean_b = 0.0;
  double var_a = 0.0, var_b = 0.0, cov_ab = 0.0;  // sample (n - 1) moments
  double mean_d = 0.0, var_d = 0.0;               // of d_i = a_i - b_i
};

bool usable(double a, double b) { return !std::isnan(a) && !std::isnan(b); }

PairMoments moments(std::span<const double> a, std::span<const double> b) {
  PairMoments m;
  double shift_a = 0.0, shift_b = 0.0, shift_d = 0.0;
  double sum_a = 0.0, sum_b = 0.0, sum_d = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!usable(a[i], b[i])) continue;
    const double d = a[i] - b[i];
    if (m.n == 0) shift_a = a[i], shift_b = b[i], shift_d = d;
    sum_a += a[i] - shift_a;
    sum_b += b[i] - shift_b;
    sum_d += d - shift_d;
    ++m.n;
  }
  if (m.n == 0) return m;
  const auto n = static_cast<double>(m.n);
  m.mean_a = shift_a + sum_a / n;
  m.mean_b = shift_b + sum_b / n;
  m.mean_d = shift_d + sum_d / n;
  if (m.n < 2) return m;
  double saa = 0.0, sbb = 0.0, sab = 0.0, sdd = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!usable(a[i], b[i])) continue;
    const double da = a[i] - m.mean_a;
    const double db = b[i] - m.mean_b;
    const double dd = (a[i] - b[i]) - m.mean_d;
    saa += da * da;
    sbb += db * db;
    sab += da * db;
    sdd += dd * dd;
  }
  m.var_a = saa / (n - 1.0);
  m.var_b = sbb / (n - 1.0);
  m.cov_ab = sab / (n - 1.0);
  m.var_d = sdd / (n - 1.0);
  return m;
}

// Fieller's interval for the ratio R = E[a] / E[b] of paired means: the R for which
// abar - R bbar is not significantly different from 0, i.e.
//   (abar - R bbar)^2 <= q (s_aa - 2 R s_ab + R^2 s_bb),  q = t^2 / n.
// Chosen over the delta method because it is exact for normal means rather than a first-order
// approximation, it is asymmetric as ratio intervals should be (the delta method's symmetric
// interval under-covers when the base mean is noisy), and it says honestly when the data bound
// no ratio: when bbar itself is not significantly different from 0 the set is unbounded, and we
// report the relative difference as undefined instead of inventing finite limits.
// Returns false when the interval is unbounded.
bool fieller_ratio(const PairMoments& m, double t, double& low, double& high) {
  const double q = t * t / static_cast<double>(m.n);
  const double a = m.mean_a, b = m.mean_b;
  const double lead = b * b - q * m.var_b;  // coefficient of R^2
  if (!(lead > 0.0)) return false;
  const double half_linear = a * b - q * m.cov_ab;  // minus half the coefficient of R
  // The discriminant (half_linear^2 - lead * (a^2 - q s_aa)), expanded so that the a^2 b^2
  // terms cancel algebraically instead of numerically. Both brackets are >= 0 in exact
  // arithmetic (a variance; Cauchy-Schwarz), so rounding below 0 is clamped.
  const double spread = m.var_a * b * b - 2.0 * m.cov_ab * a * b + m.var_b * a * a;
  const double det = m.var_a * m.var_b - m.cov_ab * m.cov_ab;
  const double disc = std::max(0.0, q * (spread - q * std::max(0.0, det)));
  const double root = std::sqrt(disc);
  // Roots (half_linear -+ root) / lead, the one prone to cancellation taken from the product
  // of the roots, (a^2 - q s_aa) / lead.
  const double constant = a * a - q * m.var_a;
  const double big = half_linear + std::copysign(root, half_linear);
  double r1 = big / lead;
  double r2 = big != 0.0 ? constant / big : r1;
  if (r1 > r2) std::swap(r1, r2);
  low = r1;
  high = r2;
  return true;
}

}  // namespace

double student_t_quantile(double p, double df) {
  if (!(p > 0.0 && p < 1.0)) throw std::invalid_argument("t quantile: p must be in (0, 1)");
  if (!(df > 0.0) || std::isinf(df)) {
    throw std::invalid_argument("t quantile: degrees of freedom must be positive and finite");
  }
  return boost::math::quantile(boost::math::students_t_distribution<double>(df), p);
}

PairedDifference paired_difference(std::span<const double> base,
                                   std::span<const double> alternative, double level) {
  if (base.size() != alternative.size()) {
    throw std::invalid_argument("paired difference: base and alternative differ in size");
  }
  if (base.size() < 2) throw std::invalid_argument("paired difference: needs at least 2 pairs");
  if (!(level > 0.0 && level < 1.0)) {
    throw std::invalid_argument("paired difference: level must be in (0, 1)");
  }
  const PairMoments m = moments(alternative, base);
  PairedDifference r;
  r.n = m.n;
  r.level = level;
  if (m.n < 2) {  // NaN in too many runs: nothing can be estimated
    r.base_mean = m.n == 1 ? m.mean_b : kNaN;
    r.alternative_mean = m.n == 1 ? m.mean_a : kNaN;
    r.absolute = {m.n == 1 ? m.mean_d : kNaN, kNaN, kNaN};
    r.relative = {kNaN, kNaN, kNaN};
    return r;
  }
  r.base_mean = m.mean_b;
  r.alternative_mean = m.mean_a;
  const double t = student_t_quantile(0.5 + level / 2.0, static_cast<double>(m.n - 1));
  const double half = t * std::sqrt(m.var_d / static_cast<double>(m.n));
  r.absolute = {m.mean_d, m.mean_d - half, m.mean_d + half};
  r.spans_zero = r.absolute.low <= 0.0 && r.absolute.high >= 0.0;
  double low = 0.0, high = 0.0;
  if (m.mean_b != 0.0 && fieller_ratio(m, t, low, high)) {
    r.relative_defined = true;
    r.relative = {m.mean_a / m.mean_b - 1.0, low - 1.0, high - 1.0};
  } else {
    r.relative = {kNaN, kNaN, kNaN};
  }
  return r;
}

}  // namespace insim::stats
