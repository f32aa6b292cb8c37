#pragma once
// A design: n points in the unit hypercube, one row per model run, one column per parameter,
// stored row-major. Parameter values come from it through ParameterDistribution::value.
#include <cstddef>
#include <span>
#include <vector>

namespace insim::analysis {

struct UnitDesign {
  std::size_t rows = 0;
  std::size_t dims = 0;
  std::vector<double> values;  // rows * dims, row-major: values[i * dims + j]

  UnitDesign() = default;
  UnitDesign(std::size_t n, std::size_t d) : rows(n), dims(d), values(n * d, 0.0) {}

  [[nodiscard]] double operator()(std::size_t i, std::size_t j) const {
    return values[i * dims + j];
  }
  double& operator()(std::size_t i, std::size_t j) { return values[i * dims + j]; }
  [[nodiscard]] std::span<const double> row(std::size_t i) const {
    return {values.data() + i * dims, dims};
  }
};

// The argument checks every design shares: d >= 1 and n >= 1 with n * d small enough to store.
// `design` names the caller in the message. Throws std::invalid_argument.
void require_design_size(const char* design, std::size_t n, std::size_t d);

}  // namespace insim::analysis
