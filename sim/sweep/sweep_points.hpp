#pragma once
// The points of a sweep: the spec's design in the unit hypercube, then each parameter's value
// through its distribution. Kept with the design so that analysis (Sobol' indices, Morris
// effects) can read the points back in the order the estimators expect.
#include <optional>
#include <vector>

#include "analysis/morris_design.hpp"
#include "analysis/saltelli_design.hpp"
#include "analysis/unit_design.hpp"
#include "sweep/sweep_def.hpp"

namespace insim::sweep {

struct SweepPoints {
  analysis::UnitDesign unit;  // rows = points, dims = parameters
  std::vector<double> values;  // points x parameters, row-major
  [[nodiscard]] std::size_t count() const { return unit.rows; }
  [[nodiscard]] double value(std::size_t point, std::size_t parameter) const {
    return values[point * unit.dims + parameter];
  }
};

// Deterministic in the spec (design, samples, seed): the same spec gives the same points.
// Throws InputError naming the spec's key when the design cannot be made (e.g. Sobol' with more
// than 16 parameters).
[[nodiscard]] SweepPoints sweep_points(const SweepDef& def, const std::string& spec_file);

}  // namespace insim::sweep
