#pragma once
// Dotted key paths with list indices: "sahel.events[3].date".
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace insim::scenario {

struct PathStep {
  std::string key;                   // "events"
  std::vector<std::size_t> indices;  // {3} for "events[3]"
};

// Splits "a.b[2].c" into {a}, {b, [2]}, {c}. nullopt when malformed, with the reason in `why`.
[[nodiscard]] std::optional<std::vector<PathStep>> split_path(std::string_view path,
                                                              std::string& why);

// The path of the first `count` steps, the last of them with only its first `last_indices`
// indices: the section or list where a walk along `steps` stopped.
[[nodiscard]] std::string join_steps(const std::vector<PathStep>& steps, std::size_t count,
                                     std::size_t last_indices);

// The sections and lists that contain `path`, outermost first: "a", "a.b", "a.b[2]" for
// "a.b[2].c".
[[nodiscard]] std::vector<std::string> ancestors_of(std::string_view path);

// The name of the first step of `rest` ("events" for "events[3].date").
[[nodiscard]] std::string_view first_key(std::string_view rest);

}  // namespace insim::scenario
