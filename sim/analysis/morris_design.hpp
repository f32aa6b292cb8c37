#pragma once
// Morris (1991) elementary-effects screening: r trajectories of d + 1 points on a p-level grid
// {0, 1/(p-1), ..., 1}; consecutive points differ in one parameter by Delta = p / (2 (p - 1)),
// and each parameter moves once per trajectory. Each trajectory has a random base point,
// random directions (up or down) and a random order of moves: the randomised orientation
// B* = (J x* + (Delta/2) ((2B - J) D* + J)) P* of Campolongo, Cariboni & Saltelli (2007).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/unit_design.hpp"

namespace insim::analysis {

struct MorrisDesign {
  std::size_t trajectories = 0;  // r
  std::size_t parameters = 0;    // d
  std::size_t levels = 0;        // p
  double delta = 0.0;            // p / (2 (p - 1))
  // r * (d + 1) rows; trajectory t is rows t * (d + 1) .. t * (d + 1) + d.
  UnitDesign points;
  // moved[t * d + s]: the parameter that changes between points s and s + 1 of trajectory t.
  std::vector<std::size_t> moved;

  [[nodiscard]] std::size_t row(std::size_t t, std::size_t s) const {
    return t * (parameters + 1) + s;
  }
};

// r >= 1 trajectories, d >= 1 parameters, p >= 2 levels and even (so that Delta is a whole
// number p/2 of grid steps). Throws std::invalid_argument otherwise.
[[nodiscard]] MorrisDesign morris_design(std::size_t trajectories, std::size_t parameters,
                                         std::size_t levels, std::uint64_t seed);

}  // namespace insim::analysis
