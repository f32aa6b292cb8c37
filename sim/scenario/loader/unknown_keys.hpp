#pragma once
// Keys in the file that no declared field reads: misspellings, or a section that does not apply
// (a `sahel:` section in an Epstein scenario). Each is reported with what was probably meant.
#include <vector>

#include "core/error.hpp"
#include "scenario/loader/declared_paths.hpp"
#include "scenario/loader/yaml_tree.hpp"

namespace insim::scenario {

// Values placed by --set are skipped: an unknown --set path is reported as such.
void report_unknown_keys(const YamlNode& root, const DeclaredPaths& declared,
                         std::vector<Diagnostic>& problems);

}  // namespace insim::scenario
