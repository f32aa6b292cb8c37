#include "scenario/loader/override.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "core/error.hpp"
#include "scenario/loader/key_path.hpp"

namespace insim::scenario {

namespace {
const Location kCommandLine{"--set", 0, 0};

// The value as a YAML scalar: plain text, unless it is quoted ("0.5" or '0.5'), which makes it
// text even if it reads as a number.
YamlNode scalar_of(const std::string& value) {
  YamlNode node;
  node.kind = YamlNode::Kind::scalar;
  node.where = node.key_where = kCommandLine;
  node.scalar = value;
  const bool quoted = value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
                      value.back() == value.front();
  if (quoted) {
    try {
      const YAML::Node parsed = YAML::Load(value);
      if (parsed.IsScalar()) {
        node.scalar = parsed.Scalar();
        node.quoted = true;
      }
    } catch (const YAML::Exception&) {
      // Not valid quoted YAML: keep the text as written.
    }
  }
  return node;
}

}  // namespace

Override parse_override(std::string_view arg) {
  const auto fail = [&](const std::string& why) {
    throw InputError(Diagnostic{"--set", 0, 0, "",
                                fmt::format("malformed --set '{}': {}; write --set "
                                            "path.to.key=value, e.g. --set "
                                            "epstein.legitimacy.initial=0.7",
                                            arg, why)});
  };
  const std::size_t eq = arg.find('=');
  if (eq == std::string_view::npos) fail("there is no '='");
  Override o{std::string(arg.substr(0, eq)), std::string(arg.substr(eq + 1))};
  if (o.path.empty()) fail("the path before '=' is empty");
  std::string why;
  if (!split_path(o.path, why)) fail("bad path: " + why);
  return o;
}

namespace {
// Walks `steps` from `root`. With `write` false nothing changes: the walk only finds whether the
// value can be placed, so that a refused --set leaves no empty sections behind to be read.
std::optional<std::string> place(YamlNode& root, const std::vector<PathStep>& steps,
                                 const Override& o, bool write) {
  YamlNode* node = &root;  // null once the walk is past what exists (and is not writing)
  for (std::size_t s = 0; s < steps.size(); ++s) {
    const PathStep& step = steps[s];
    if (node != nullptr) {
      if (node->kind == YamlNode::Kind::null && write) node->kind = YamlNode::Kind::mapping;
      if (node->kind == YamlNode::Kind::null) {
        node = nullptr;
      } else if (node->kind != YamlNode::Kind::mapping) {
        return fmt::format("'{}' is a single value in the scenario, not a section",
                           join_steps(steps, s, SIZE_MAX));
      } else if (YamlNode* child = node->find(step.key)) {
        node = child;
      } else if (write) {
        YamlEntry& entry = node->entries.emplace_back();
        entry.key = step.key;
        entry.value.where = entry.value.key_where = kCommandLine;
        node = &entry.value;
      } else {
        node = nullptr;
      }
    }
    for (std::size_t i = 0; i < step.indices.size(); ++i) {
      const std::string list = join_steps(steps, s + 1, i);
      if (node == nullptr || node->kind != YamlNode::Kind::sequence)
        return fmt::format("the scenario file has no list '{}' whose elements could be changed",
                           list);
      if (step.indices[i] >= node->items.size())
        return fmt::format("the list '{}' has {} element{}", list, node->items.size(),
                           node->items.size() == 1 ? "" : "s");
      node = &node->items[step.indices[i]];
    }
  }
  if (node == nullptr) return std::nullopt;
  // A value replaces a value (or a value with its source), never a whole section or list.
  if ((node->kind == YamlNode::Kind::mapping && !is_sourced_value(*node)) ||
      node->kind == YamlNode::Kind::sequence)
    return fmt::format("'{}' is a {} in the scenario file, not a single value", o.path,
                       node->kind == YamlNode::Kind::mapping ? "section" : "list");
  if (write) *node = scalar_of(o.value);
  return std::nullopt;
}
}  // namespace

std::optional<std::string> apply_override(YamlNode& root, const Override& o) {
  std::string why;
  const auto steps = split_path(o.path, why);
  if (!steps) return "malformed path: " + why;
  if (auto refused = place(root, *steps, o, false)) return refused;
  return place(root, *steps, o, true);
}

}  // namespace insim::scenario
