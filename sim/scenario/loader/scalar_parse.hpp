#pragma once
// Strict reading of scalar text into numbers and booleans. Stricter than YAML 1.1 (which
// yaml-cpp follows) so that a typo never becomes a value: integers are digits only, numbers
// follow the YAML 1.2 core schema and must be finite, booleans are `true` or `false` only.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace insim::scenario {

// YAML 1.2 core float syntax: [-+]? ( . [0-9]+ | [0-9]+ ( . [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
[[nodiscard]] bool looks_numeric(std::string_view text);

[[nodiscard]] std::optional<std::int64_t> parse_integer(std::string_view text);  // [-+]?[0-9]+
[[nodiscard]] std::optional<double> parse_real(std::string_view text);   // finite numbers only
[[nodiscard]] std::optional<bool> parse_boolean(std::string_view text);  // true | false

// Why `text` was refused, when there is more to say than "expected X, got Y": " (...)" or "".
[[nodiscard]] std::string integer_hint(std::string_view text);
[[nodiscard]] std::string real_hint(std::string_view text);
[[nodiscard]] std::string boolean_hint(std::string_view text);

// Shortest text that reads back to the same double ("0.1", "1e-05", "2").
[[nodiscard]] std::string format_real(double value);

}  // namespace insim::scenario
