#pragma once
// A scenario file and the files it extends, merged into one tree: the child's mappings merge
// key by key over the parent's; its scalars and lists replace the parent's. Every node keeps the
// file and line it came from, so provenance survives the merge.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "scenario/loader/yaml_tree.hpp"

namespace insim::scenario {

struct ScenarioTree {
  YamlNode root;                   // a mapping, without the `extends` key
  std::vector<std::string> files;  // the file and every file it extends, child first
};

// nullopt when some file could not be read or parsed; the reasons are in `problems`, which may
// also receive problems that do not stop the loading (duplicate keys).
[[nodiscard]] std::optional<ScenarioTree> read_scenario_tree(const std::filesystem::path& file,
                                                             std::vector<Diagnostic>& problems);

// Merges `over` onto `base`. A value with its source ({value, source}) is one value, never
// merged key by key.
void merge_over(YamlNode& base, YamlNode&& over);

}  // namespace insim::scenario
