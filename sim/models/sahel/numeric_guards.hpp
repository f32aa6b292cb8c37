#pragma once
// Numeric guards (docs/numeric-guards.md): what must hold of the Sahel state after every step.
// People are never negative (an unsigned count that went below zero wraps to billions, so counts
// are checked against the agents a locality started with), shares and probabilities stay in
// [0, 1], and no NaN or infinity reaches a value the model records. The checks are always
// compiled, so tests can feed them broken states; the model runs them after every step only in
// a build configured with -DINSIM_NUMERIC_GUARDS=ON (the ASan CI stage), where they cost 1.5% of
// a baseline step at 100 people per agent (docs/numeric-guards.md).
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>

#include "models/sahel/state.hpp"

namespace insim::sahel {

#ifdef INSIM_NUMERIC_GUARDS
inline constexpr bool kNumericGuards = true;
#else
inline constexpr bool kNumericGuards = false;
#endif

// An impossible value: the message names the quantity, where (actor, region, locality,
// community), the value, what was expected and the step after which it was found.
class NumericGuardError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// Shares and probabilities may overshoot [0, 1] by float rounding, never by more.
inline constexpr double kShareTolerance = 1e-6;

// Throws NumericGuardError for the first value of `s` out of its range, after step `step`.
void check_numeric_invariants(const State& s, std::int64_t step);

// Throws NumericGuardError when a recorded value is NaN or infinite: `row` has one value per
// column, `place_values` one per (place, place column), row-major by place.
void check_finite_outputs(std::span<const std::string> columns, std::span<const double> row,
                          std::span<const std::string> places,
                          std::span<const std::string> place_columns,
                          std::span<const double> place_values, std::int64_t step);

}  // namespace insim::sahel
