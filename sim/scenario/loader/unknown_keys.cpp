#include "scenario/loader/unknown_keys.hpp"

#include <fmt/format.h>

namespace insim::scenario {

namespace {
void visit(const YamlNode& node, const std::string& path, const DeclaredPaths& declared,
           std::vector<Diagnostic>& problems) {
  if (node.where.file == "--set") return;
  if (declared.is_field(path)) return;  // its contents are the field's to judge
  if (!path.empty() && !declared.is_container(path) && !declared.is_list(path)) {
    problems.push_back({node.key_where.file, node.key_where.line, node.key_where.column, "",
                        fmt::format("unknown key '{}'{}", path, declared.explain_unknown(path))});
    return;
  }
  if (node.kind == YamlNode::Kind::mapping) {
    for (const auto& e : node.entries)
      visit(e.value, path.empty() ? e.key : path + '.' + e.key, declared, problems);
  } else if (node.kind == YamlNode::Kind::sequence) {
    for (std::size_t i = 0; i < node.items.size(); ++i)
      visit(node.items[i], fmt::format("{}[{}]", path, i), declared, problems);
  }
}
}  // namespace

void report_unknown_keys(const YamlNode& root, const DeclaredPaths& declared,
                         std::vector<Diagnostic>& problems) {
  visit(root, "", declared, problems);
}

}  // namespace insim::scenario
