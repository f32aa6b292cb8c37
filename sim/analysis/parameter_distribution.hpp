#pragma once
// How a design's unit value u in [0, 1] becomes a parameter value: the marginal distributions a
// sweep spec can name. Each is the inverse of its cumulative distribution function, so that a
// uniform design gives parameter values with that distribution and u's order is kept (Morris
// moves and Latin hypercube strata carry over).
#include <cstddef>
#include <span>
#include <vector>

#include "analysis/unit_design.hpp"

namespace insim::analysis {

class ParameterDistribution {
 public:
  enum class Kind { uniform, log_uniform, truncated_normal, discrete };

  // Uniform on [low, high]; low < high, both finite.
  [[nodiscard]] static ParameterDistribution uniform(double low, double high);
  // log(x) uniform on [log low, log high]: for rates and scales spanning orders of magnitude;
  // 0 < low < high.
  [[nodiscard]] static ParameterDistribution log_uniform(double low, double high);
  // Normal(mean, sd^2) restricted to [low, high], by inverting its truncated CDF; sd > 0,
  // low < high, all finite, and the bounds must hold some probability.
  [[nodiscard]] static ParameterDistribution truncated_normal(double mean, double sd, double low,
                                                              double high);
  // One of the listed values, each with probability 1/m: value k for u in [k/m, (k+1)/m), the
  // last also for u = 1. At least one value, all finite.
  [[nodiscard]] static ParameterDistribution discrete(std::vector<double> values);

  // Throws std::invalid_argument unless 0 <= u <= 1. value(0) = low and value(1) = high exactly
  // for the continuous kinds.
  [[nodiscard]] double value(double u) const;

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] double low() const { return low_; }
  [[nodiscard]] double high() const { return high_; }
  [[nodiscard]] const std::vector<double>& values() const { return values_; }

 private:
  ParameterDistribution() = default;
  [[nodiscard]] double normal_value(double u) const;

  Kind kind_ = Kind::uniform;
  double low_ = 0.0, high_ = 1.0;
  double mean_ = 0.0, sd_ = 1.0;
  // Truncated normal on the standardised interval [a, b], mirrored to [-b, -a] when a > 0 so
  // that the CDF is evaluated in the lower tail, where it keeps its precision.
  bool mirrored_ = false;
  double cdf_low_ = 0.0, cdf_mass_ = 1.0;
  std::vector<double> values_;
};

// The index floor(u * count) of u's value among `count` equally likely values, count - 1 for
// u = 1. Throws std::invalid_argument for count = 0 or u outside [0, 1].
[[nodiscard]] std::size_t discrete_index(double u, std::size_t count);

// Parameter values of every design point: result[i * d + j] = distributions[j].value(u_ij),
// row-major like the design. Throws std::invalid_argument when d != distributions.size().
[[nodiscard]] std::vector<double> parameter_values(
    const UnitDesign& design, std::span<const ParameterDistribution> distributions);

}  // namespace insim::analysis
