#pragma once
// `--set path=value`: placed into the merged tree before binding, so that a value set on the
// command line is read, checked and recorded exactly like one from a file (origin "--set").
#include <optional>
#include <string>

#include "scenario/loader/loader.hpp"
#include "scenario/loader/yaml_tree.hpp"

namespace insim::scenario {

// Sets the value at `o.path`, creating the sections it needs. Returns why it could not be placed
// (a value or a missing list in the way); whether the path names a field is known only after
// binding.
[[nodiscard]] std::optional<std::string> apply_override(YamlNode& root, const Override& o);

}  // namespace insim::scenario
