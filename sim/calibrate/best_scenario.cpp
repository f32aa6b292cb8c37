#include "calibrate/best_scenario.hpp"

#include <fmt/format.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace insim::calibrate {

namespace {

// A section of the file: its keys in first-seen order, each a value or a section.
struct Node {
  std::string key;
  const BestValue* value = nullptr;
  std::vector<std::unique_ptr<Node>> children;

  Node& child(const std::string& k) {
    for (auto& c : children)
      if (c->key == k) return *c;
    children.push_back(std::make_unique<Node>());
    children.back()->key = k;
    return *children.back();
  }
};

std::vector<std::string> split_path(const std::string& path) {
  if (path.find_first_of("[]") != std::string::npos) {
    throw std::invalid_argument(fmt::format(
        "{}: best.yaml cannot set one element of a list (a scenario that extends another "
        "replaces the whole list); fit a parameter outside a list",
        path));
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    const std::size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot - start));
    if (parts.back().empty()) throw std::invalid_argument(fmt::format("malformed path '{}'", path));
    if (dot == std::string::npos) return parts;
    start = dot + 1;
  }
}

void write(std::string& out, const Node& n, int depth) {
  const std::string indent(static_cast<std::size_t>(2 * depth), ' ');
  if (n.value) {
    if (!n.children.empty())
      throw std::invalid_argument(fmt::format("{} is both a value and a section", n.value->path));
    out += fmt::format("{}{}: {{value: {}, source: {}}}\n", indent, n.key, n.value->value,
                       yaml_quoted(n.value->source));
    return;
  }
  out += fmt::format("{}{}:\n", indent, n.key);
  for (const auto& c : n.children) write(out, *c, depth + 1);
}

}  // namespace

std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string best_scenario_yaml(const std::string& extends, const std::string& name,
                               const std::string& comment, std::span<const BestValue> values) {
  Node root;
  for (const BestValue& v : values) {
    Node* n = &root;
    for (const std::string& part : split_path(v.path)) {
      if (n->value)
        throw std::invalid_argument(fmt::format("{} is both a value and a section", v.path));
      n = &n->child(part);
    }
    if (n->value || !n->children.empty())
      throw std::invalid_argument(fmt::format("{} is set twice or is a section", v.path));
    n->value = &v;
  }
  std::string out;
  std::size_t start = 0;
  while (start < comment.size()) {  // each line of the comment as a YAML comment
    const std::size_t end = comment.find('\n', start);
    out += "# " + comment.substr(start, end - start) + "\n";
    if (end == std::string::npos) break;
    start = end + 1;
  }
  out += fmt::format("extends: {}\n", yaml_quoted(extends));
  out += fmt::format("name: {}\n", yaml_quoted(name));
  for (const auto& c : root.children) write(out, *c, 0);
  return out;
}

}  // namespace insim::calibrate
