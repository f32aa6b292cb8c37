#include "scenario/loader/scenario_tree.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace insim::scenario {

namespace {

namespace fs = std::filesystem;

// Where a file was asked for: the top-level file (no `extends`), or a parent named by the
// `extends:` value at `at` in the child.
struct Request {
  fs::path path;
  const YamlNode* extends_value = nullptr;
  std::string extends_text;
};

std::string label_of(const fs::path& p) { return p.lexically_normal().generic_string(); }

std::optional<std::string> read_text(const Request& request, std::vector<Diagnostic>& problems) {
  const std::string label = label_of(request.path);
  std::string reason;
  std::error_code ec;
  std::string text;
  if (fs::is_directory(request.path, ec)) {
    reason = std::strerror(EISDIR);
  } else {
    std::ifstream in(request.path, std::ios::binary);
    if (!in) {
      reason = std::strerror(errno);
    } else {
      std::ostringstream buffer;
      buffer << in.rdbuf();
      if (in.bad()) reason = std::strerror(errno);
      text = buffer.str();
    }
  }
  if (reason.empty()) return text;
  if (request.extends_value == nullptr) {
    problems.push_back(
        {label, 0, 0, "", fmt::format("cannot open scenario file '{}': {}", label, reason)});
  } else {
    const Location& at = request.extends_value->where;
    problems.push_back({at.file, at.line, at.column, "extends",
                        fmt::format("cannot open the scenario '{}' that this file extends "
                                    "(looked for '{}'): {}; the path is relative to this "
                                    "file's folder",
                                    request.extends_text, label, reason)});
  }
  return std::nullopt;
}

std::string chain_text(const std::vector<std::string>& labels, const std::string& last) {
  std::string out;
  for (const auto& l : labels) out += l + " -> ";
  return out + last;
}

std::optional<ScenarioTree> read_parent(const Request& request, const YamlNode& parent_ref,
                                        std::vector<std::pair<fs::path, std::string>>& chain,
                                        std::vector<Diagnostic>& problems);

// Reads `request` and what it extends. `chain` holds the files being read, outermost first.
std::optional<ScenarioTree> read_chain(const Request& request,
                                       std::vector<std::pair<fs::path, std::string>>& chain,
                                       std::vector<Diagnostic>& problems) {
  const std::string label = label_of(request.path);
  const auto text = read_text(request, problems);
  if (!text) return std::nullopt;

  ScenarioTree tree;
  if (!parse_yaml(*text, label, tree.root, problems)) return std::nullopt;
  if (tree.root.kind == YamlNode::Kind::null) {
    problems.push_back({label, 0, 0, "", "the scenario file is empty"});
    return std::nullopt;
  }
  if (tree.root.kind != YamlNode::Kind::mapping) {
    problems.push_back({label, tree.root.where.line, tree.root.where.column, "",
                        "the top level of a scenario file must be a mapping of keys, such as "
                        "'model: epstein', got " +
                            describe_found(tree.root)});
    return std::nullopt;
  }
  tree.files.push_back(label);

  auto& entries = tree.root.entries;
  const auto extends = std::find_if(entries.begin(), entries.end(),
                                    [](const auto& e) { return e.key == "extends"; });
  if (extends == entries.end()) return tree;
  const YamlNode parent_refs = std::move(extends->value);
  entries.erase(extends);

  // `extends: base.yaml` or `extends: [world.yaml, timeline.yaml]`: the parents merge in the
  // order written, each over the one before, and this file over them all.
  std::vector<const YamlNode*> refs;
  if (parent_refs.kind == YamlNode::Kind::sequence) {
    for (const auto& item : parent_refs.items) refs.push_back(&item);
  } else {
    refs.push_back(&parent_refs);
  }
  if (refs.empty()) {
    problems.push_back({label, parent_refs.where.line, parent_refs.where.column, "extends",
                        "expected the path of the scenario file this one extends, or a list of "
                        "them, got an empty list"});
    return std::nullopt;
  }
  std::optional<ScenarioTree> base;
  for (const YamlNode* ref : refs) {
    auto parent = read_parent(request, *ref, chain, problems);
    if (!parent) return std::nullopt;
    if (!base) {
      base = std::move(parent);
    } else {
      merge_over(base->root, std::move(parent->root));
      base->files.insert(base->files.end(), parent->files.begin(), parent->files.end());
    }
  }
  merge_over(base->root, std::move(tree.root));
  base->files.insert(base->files.begin(), label);
  return base;
}

// Reads the parent that `parent_ref` (one `extends:` value of `request`) names.
std::optional<ScenarioTree> read_parent(const Request& request, const YamlNode& parent_ref,
                                        std::vector<std::pair<fs::path, std::string>>& chain,
                                        std::vector<Diagnostic>& problems) {
  const std::string label = label_of(request.path);
  if (parent_ref.kind != YamlNode::Kind::scalar || parent_ref.scalar.empty()) {
    problems.push_back({label, parent_ref.where.line, parent_ref.where.column, "extends",
                        "expected the path of the scenario file this one extends, got " +
                            describe_found(parent_ref)});
    return std::nullopt;
  }
  Request parent{request.path.parent_path() / parent_ref.scalar, &parent_ref, parent_ref.scalar};
  std::error_code ec;
  fs::path identity = fs::weakly_canonical(parent.path, ec);
  if (ec) identity = parent.path.lexically_normal();
  for (const auto& [seen, seen_label] : chain) {
    if (seen != identity) continue;
    std::vector<std::string> labels;
    for (const auto& link : chain) labels.push_back(link.second);
    problems.push_back({label, parent_ref.where.line, parent_ref.where.column, "extends",
                        "extends cycle: " + chain_text(labels, label_of(parent.path)) +
                            "; a scenario cannot extend itself, directly or through others"});
    return std::nullopt;
  }
  chain.emplace_back(identity, label_of(parent.path));
  auto base = read_chain(parent, chain, problems);
  chain.pop_back();
  return base;
}

}  // namespace

void merge_over(YamlNode& base, YamlNode&& over) {
  const bool merge_keys = base.kind == YamlNode::Kind::mapping &&
                          over.kind == YamlNode::Kind::mapping && !is_sourced_value(base) &&
                          !is_sourced_value(over);
  if (!merge_keys) {
    base = std::move(over);
    return;
  }
  for (auto& entry : over.entries) {
    if (YamlNode* existing = base.find(entry.key))
      merge_over(*existing, std::move(entry.value));
    else
      base.entries.push_back(std::move(entry));
  }
  base.where = over.where;
  base.key_where = over.key_where;
}

std::optional<ScenarioTree> read_scenario_tree(const fs::path& file,
                                               std::vector<Diagnostic>& problems) {
  std::error_code ec;
  fs::path identity = fs::weakly_canonical(file, ec);
  if (ec) identity = file.lexically_normal();
  std::vector<std::pair<fs::path, std::string>> chain{{identity, label_of(file)}};
  return read_chain(Request{file, nullptr, ""}, chain, problems);
}

}  // namespace insim::scenario
