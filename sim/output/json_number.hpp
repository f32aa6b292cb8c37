#pragma once
// Numbers in JSON outputs follow the CSV's spelling rule (number_format.hpp): integral values
// as JSON integers, other reals as doubles (nlohmann prints the shortest round-trip text).
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>

#include "output/number_format.hpp"

namespace insim::output {

[[nodiscard]] inline nlohmann::ordered_json json_number(double value) {
  if (value == std::trunc(value) && std::fabs(value) <= kLargestExactInteger) {
    return static_cast<std::int64_t>(value);
  }
  return value;  // NaN and infinities become null
}

// 64-bit hashes as fixed-width hex text: JSON readers often hold numbers as doubles.
[[nodiscard]] std::string hex_hash(std::uint64_t hash);

}  // namespace insim::output
