#include "analysis/parameter_distribution.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <boost/math/special_functions/erf.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <utility>

namespace insim::analysis {
namespace {

constexpr double kSqrt2 = 1.41421356237309504880;

// Standard normal CDF and its inverse through erfc, accurate in the lower tail.
double normal_cdf(double z) { return 0.5 * std::erfc(-z / kSqrt2); }
double normal_quantile(double p) { return -kSqrt2 * boost::math::erfc_inv(2.0 * p); }

void require_bounds(const char* kind, double low, double high) {
  if (!std::isfinite(low) || !std::isfinite(high)) {
    throw std::invalid_argument(
        fmt::format("{} parameter: bounds must be finite numbers, got [{}, {}]", kind, low, high));
  }
  if (!(low < high)) {
    throw std::invalid_argument(fmt::format(
        "{} parameter: low ({}) must be below high ({}); for a fixed value leave the parameter "
        "out of the sweep or list the value as a discrete choice",
        kind, low, high));
  }
}

void require_unit(double u) {
  if (!(u >= 0.0 && u <= 1.0)) {
    throw std::invalid_argument(
        fmt::format("parameter mapping: the unit value u = {} is outside [0, 1]", u));
  }
}

}  // namespace

ParameterDistribution ParameterDistribution::uniform(double low, double high) {
  require_bounds("uniform", low, high);
  ParameterDistribution p;
  p.kind_ = Kind::uniform;
  p.low_ = low;
  p.high_ = high;
  return p;
}

ParameterDistribution ParameterDistribution::log_uniform(double low, double high) {
  require_bounds("log-uniform", low, high);
  if (!(low > 0.0)) {
    throw std::invalid_argument(fmt::format(
        "log-uniform parameter: low ({}) must be above 0, since the logarithm of the bounds is "
        "taken; use a uniform parameter for ranges that include 0",
        low));
  }
  ParameterDistribution p;
  p.kind_ = Kind::log_uniform;
  p.low_ = low;
  p.high_ = high;
  return p;
}

ParameterDistribution ParameterDistribution::truncated_normal(double mean, double sd, double low,
                                                              double high) {
  require_bounds("truncated normal", low, high);
  if (!std::isfinite(mean) || !std::isfinite(sd) || !(sd > 0.0)) {
    throw std::invalid_argument(fmt::format(
        "truncated normal parameter: mean ({}) must be finite and sd ({}) finite and above 0", mean,
        sd));
  }
  ParameterDistribution p;
  p.kind_ = Kind::truncated_normal;
  p.low_ = low;
  p.high_ = high;
  p.mean_ = mean;
  p.sd_ = sd;
  double a = (low - mean) / sd;
  double b = (high - mean) / sd;
  p.mirrored_ = a > 0.0;
  if (p.mirrored_) a = -std::exchange(b, -a);
  p.cdf_low_ = normal_cdf(a);
  p.cdf_mass_ = normal_cdf(b) - p.cdf_low_;
  if (!(p.cdf_mass_ > 0.0)) {
    throw std::invalid_argument(fmt::format(
        "truncated normal parameter: the bounds [{}, {}] lie so far in the tail of "
        "Normal({}, {}^2) that they hold no probability in double precision; move the mean or "
        "widen sd",
        low, high, mean, sd));
  }
  return p;
}

ParameterDistribution ParameterDistribution::discrete(std::vector<double> values) {
  if (values.empty()) {
    throw std::invalid_argument("discrete parameter: list at least one value");
  }
  for (std::size_t k = 0; k < values.size(); ++k) {
    if (!std::isfinite(values[k])) {
      throw std::invalid_argument(fmt::format(
          "discrete parameter: value {} (at index {}) is not a finite number", values[k], k));
    }
  }
  ParameterDistribution p;
  p.kind_ = Kind::discrete;
  p.low_ = *std::min_element(values.begin(), values.end());
  p.high_ = *std::max_element(values.begin(), values.end());
  p.values_ = std::move(values);
  return p;
}

double ParameterDistribution::value(double u) const {
  require_unit(u);
  switch (kind_) {
    case Kind::uniform:
      // (1 - u) low + u high hits both bounds exactly, unlike low + u (high - low).
      return std::clamp((1.0 - u) * low_ + u * high_, low_, high_);
    case Kind::log_uniform:
      if (u == 0.0) return low_;
      if (u == 1.0) return high_;
      return std::clamp(std::exp((1.0 - u) * std::log(low_) + u * std::log(high_)), low_, high_);
    case Kind::truncated_normal:
      return normal_value(u);
    case Kind::discrete:
      return values_[discrete_index(u, values_.size())];
  }
  throw std::logic_error("ParameterDistribution: unknown kind");
}

double ParameterDistribution::normal_value(double u) const {
  if (u == 0.0) return low_;
  if (u == 1.0) return high_;
  // x = mean + sd * Phi^-1(Phi(a) + u (Phi(b) - Phi(a))); in the mirrored case the interval is
  // [-b, -a] and u runs the other way.
  const double w = mirrored_ ? 1.0 - u : u;
  const double p = cdf_low_ + w * cdf_mass_;
  if (!(p > 0.0)) return mirrored_ ? high_ : low_;  // underflow at the far end of a tail
  if (!(p < 1.0)) return mirrored_ ? low_ : high_;
  const double z = normal_quantile(p);
  return std::clamp(mean_ + sd_ * (mirrored_ ? -z : z), low_, high_);
}

std::size_t discrete_index(double u, std::size_t count) {
  if (count == 0) throw std::invalid_argument("discrete_index: no values to choose from");
  require_unit(u);
  const auto k = static_cast<std::size_t>(u * static_cast<double>(count));
  return std::min(k, count - 1);
}

std::vector<double> parameter_values(const UnitDesign& design,
                                     std::span<const ParameterDistribution> distributions) {
  if (design.dims != distributions.size()) {
    throw std::invalid_argument(fmt::format(
        "parameter_values: the design has {} columns but {} parameter distributions were given",
        design.dims, distributions.size()));
  }
  std::vector<double> out(design.values.size());
  for (std::size_t i = 0; i < design.rows; ++i) {
    for (std::size_t j = 0; j < design.dims; ++j) {
      out[i * design.dims + j] = distributions[j].value(design(i, j));
    }
  }
  return out;
}

}  // namespace insim::analysis
