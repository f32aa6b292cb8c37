#include "scenario/loader/key_path.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace insim::scenario {

namespace {
bool is_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}
}  // namespace

std::optional<std::vector<PathStep>> split_path(std::string_view path, std::string& why) {
  std::vector<PathStep> steps;
  std::size_t i = 0;
  while (true) {
    PathStep step;
    const std::size_t begin = i;
    while (i < path.size() && is_key_char(path[i])) ++i;
    step.key = std::string(path.substr(begin, i - begin));
    if (step.key.empty()) {
      why = i < path.size() ? "unexpected '" + std::string(1, path[i]) + "' at position " +
                                  std::to_string(i + 1)
                            : "a key name is missing at the end";
      return std::nullopt;
    }
    while (i < path.size() && path[i] == '[') {
      const std::size_t digits = i + 1;
      std::size_t close = path.find(']', digits);
      std::size_t index = 0;
      const auto [end, ec] =
          std::from_chars(path.data() + digits, path.data() + std::min(close, path.size()), index);
      if (close == std::string_view::npos || close == digits || ec != std::errc{} ||
          end != path.data() + close) {
        why = "a list index is written [n] with n a whole number from 0, e.g. events[2]";
        return std::nullopt;
      }
      step.indices.push_back(index);
      i = close + 1;
    }
    steps.push_back(std::move(step));
    if (i == path.size()) return steps;
    if (path[i] != '.') {
      why = "unexpected '" + std::string(1, path[i]) + "' at position " + std::to_string(i + 1);
      return std::nullopt;
    }
    ++i;
  }
}

std::string join_steps(const std::vector<PathStep>& steps, std::size_t count,
                       std::size_t last_indices) {
  std::string out;
  for (std::size_t s = 0; s < count && s < steps.size(); ++s) {
    if (!out.empty()) out += '.';
    out += steps[s].key;
    const std::size_t n = s + 1 == count ? last_indices : steps[s].indices.size();
    for (std::size_t i = 0; i < n && i < steps[s].indices.size(); ++i)
      out += '[' + std::to_string(steps[s].indices[i]) + ']';
  }
  return out;
}

std::vector<std::string> ancestors_of(std::string_view path) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < path.size(); ++i)
    if (path[i] == '.' || path[i] == '[') out.emplace_back(path.substr(0, i));
  return out;
}

std::string_view first_key(std::string_view rest) {
  return rest.substr(0, rest.find_first_of(".["));
}

}  // namespace insim::scenario
