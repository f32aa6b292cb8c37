#pragma once
// Test functions of sensitivity analysis with analytic indices, on the unit hypercube.
#include <array>
#include <cmath>
#include <span>
#include <vector>

namespace insim::analysis::testing {

constexpr double kPi = 3.14159265358979323846;

// Ishigami & Homma (1990): f = sin x1 + a sin^2 x2 + b x3^4 sin x1, x_i uniform on [-pi, pi].
struct Ishigami {
  double a = 7.0, b = 0.1;

  [[nodiscard]] double operator()(std::span<const double> u) const {
    const double x1 = -kPi + 2.0 * kPi * u[0];
    const double x2 = -kPi + 2.0 * kPi * u[1];
    const double x3 = -kPi + 2.0 * kPi * u[2];
    const double s2 = std::sin(x2);
    return std::sin(x1) + a * s2 * s2 + b * std::pow(x3, 4) * std::sin(x1);
  }

  // Partial variances (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, 4.6):
  // V1 = (1 + b pi^4 / 5)^2 / 2, V2 = a^2 / 8, V3 = 0, V13 = b^2 pi^8 (1/18 - 1/50).
  [[nodiscard]] double v1() const { return 0.5 * std::pow(1.0 + b * std::pow(kPi, 4) / 5.0, 2); }
  [[nodiscard]] double v2() const { return a * a / 8.0; }
  [[nodiscard]] double v13() const { return b * b * std::pow(kPi, 8) * (1.0 / 18.0 - 1.0 / 50.0); }
  [[nodiscard]] double variance() const { return v1() + v2() + v13(); }
  [[nodiscard]] std::array<double, 3> first_order() const {
    return {v1() / variance(), v2() / variance(), 0.0};
  }
  [[nodiscard]] std::array<double, 3> total() const {
    return {(v1() + v13()) / variance(), v2() / variance(), v13() / variance()};
  }
};

// Sobol' g-function: prod_i (|4 u_i - 2| + a_i) / (1 + a_i). The smaller a_i, the more
// important u_i; V_i = 1 / (3 (1 + a_i)^2), V = prod (1 + V_i) - 1.
struct GFunction {
  std::vector<double> a;

  [[nodiscard]] double operator()(std::span<const double> u) const {
    double y = 1.0;
    for (std::size_t i = 0; i < a.size(); ++i)
      y *= (std::abs(4.0 * u[i] - 2.0) + a[i]) / (1.0 + a[i]);
    return y;
  }
  [[nodiscard]] double partial_variance(std::size_t i) const {
    return 1.0 / (3.0 * (1.0 + a[i]) * (1.0 + a[i]));
  }
  [[nodiscard]] double variance() const {
    double p = 1.0;
    for (std::size_t i = 0; i < a.size(); ++i) p *= 1.0 + partial_variance(i);
    return p - 1.0;
  }
  [[nodiscard]] double first_order(std::size_t i) const { return partial_variance(i) / variance(); }
  // ST_i = V_i prod_{k != i} (1 + V_k) / V.
  [[nodiscard]] double total(std::size_t i) const {
    double p = partial_variance(i);
    for (std::size_t k = 0; k < a.size(); ++k) {
      if (k != i) p *= 1.0 + partial_variance(k);
    }
    return p / variance();
  }
};

// Model outputs for every row of a design.
template <class F>
std::vector<double> evaluate(const F& f, std::size_t rows, std::size_t dims,
                             const std::vector<double>& values) {
  std::vector<double> y(rows);
  for (std::size_t r = 0; r < rows; ++r) y[r] = f(std::span(values.data() + r * dims, dims));
  return y;
}

}  // namespace insim::analysis::testing
