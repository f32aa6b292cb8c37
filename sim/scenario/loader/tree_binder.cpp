#include "scenario/loader/tree_binder.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "scenario/loader/key_path.hpp"
#include "scenario/loader/scalar_parse.hpp"
#include "scenario/loader/suggest.hpp"

namespace insim::scenario {

namespace {
bool is_plain_scalar(const YamlNode& n) { return n.kind == YamlNode::Kind::scalar && !n.quoted; }

// A number or boolean written in quotes is text; say so rather than "expected a number".
std::string quoted_hint(const YamlNode& n) {
  return n.kind == YamlNode::Kind::scalar && n.quoted
             ? " (quoted values are text: remove the quotes)"
             : "";
}

}  // namespace

TreeBinder::TreeBinder(const YamlNode* root, std::string file, std::vector<Diagnostic>& problems)
    : root_(root), file_(std::move(file)), problems_(problems) {}

void TreeBinder::report(const Location& where, const std::string& path, std::string message) {
  problems_.push_back({where.file.empty() ? file_ : where.file, where.line, where.column, path,
                       std::move(message)});
}

const YamlNode* TreeBinder::locate(const std::string& path, bool report_misplaced) {
  if (root_ == nullptr) return nullptr;
  std::string why;
  const auto steps = split_path(path, why);
  if (!steps) {
    report(Location{file_}, path, "internal error: the Def declares a malformed path: " + why);
    return nullptr;
  }
  const YamlNode* node = root_;
  for (std::size_t s = 0; s < steps->size(); ++s) {
    const PathStep& step = (*steps)[s];
    if (node->kind == YamlNode::Kind::null) return nullptr;  // an empty section
    if (node->kind != YamlNode::Kind::mapping) {
      if (report_misplaced && reported_.insert(node).second)
        report(node->where, join_steps(*steps, s, SIZE_MAX),
               fmt::format("expected a section of keys (such as '{}: ...'), got {}", step.key,
                           describe_found(*node)));
      return nullptr;
    }
    node = node->find(step.key);
    if (node == nullptr) return nullptr;
    for (std::size_t i = 0; i < step.indices.size(); ++i) {
      if (node->kind == YamlNode::Kind::null) return nullptr;
      if (node->kind != YamlNode::Kind::sequence) {
        if (report_misplaced && reported_.insert(node).second)
          report(node->where, join_steps(*steps, s + 1, i),
                 "expected a list, got " + describe_found(*node));
        return nullptr;
      }
      if (step.indices[i] >= node->items.size()) return nullptr;
      node = &node->items[step.indices[i]];
    }
  }
  return node;
}

std::optional<TreeBinder::Leaf> TreeBinder::find_leaf(const std::string& path) {
  const YamlNode* node = locate(path, true);
  if (node == nullptr) return std::nullopt;
  const bool sourced_form = node->kind == YamlNode::Kind::mapping &&
                            (node->find("value") || node->find("source") || node->find("note"));
  if (!sourced_form) return Leaf{node, {}};

  // {value: X, source: "...", note: "..."}
  bool ok = true;
  for (const auto& e : node->entries) {
    if (e.key == "value" || e.key == "source" || e.key == "note") continue;
    report(e.value.key_where, path,
           fmt::format("unknown key '{}' in a value with its source; the keys are value, source "
                       "and note",
                       e.key));
    ok = false;
  }
  Leaf leaf{node->find("value"), {}};
  if (leaf.value == nullptr) {
    report(node->key_where, path,
           "a value with its source needs a 'value' key: write {value: X, source: \"...\"}");
    return std::nullopt;
  }
  if (const YamlNode* source = node->find("source")) {
    if (source->kind == YamlNode::Kind::scalar) {
      leaf.source = source->scalar;
    } else {
      report(source->where, path, "expected the source as text, got " + describe_found(*source));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return leaf;
}

void TreeBinder::reject(const std::string& path, const YamlNode& found, std::string_view expected,
                        std::string_view hint) {
  report(found.where, path,
         fmt::format("expected {}, got {}{}{}", expected, describe_found(found), quoted_hint(found),
                     hint));
}

void TreeBinder::record(const std::string& path, std::string value, std::string type,
                        std::string_view doc, const std::optional<Leaf>& leaf) {
  FieldRecord r;
  r.path = path;
  r.value = std::move(value);
  r.type = std::move(type);
  r.doc = std::string(doc);
  if (leaf) {
    r.source = leaf->source;
    r.origin = leaf->value->where.to_string();
  } else {
    r.origin = "default";
  }
  r.source_kind = classify_source(r.source);
  records_.push_back(std::move(r));
}

void TreeBinder::on_integer(const std::string& path, std::int64_t& value, std::int64_t min,
                            std::int64_t max, std::string_view doc) {
  declared_.add_field(path);
  const std::string type = fmt::format("integer in [{}, {}]", min, max);
  auto leaf = find_leaf(path);
  if (leaf) {
    const YamlNode& n = *leaf->value;
    const auto parsed = is_plain_scalar(n) ? parse_integer(n.scalar) : std::nullopt;
    if (parsed && *parsed >= min && *parsed <= max) {
      value = *parsed;
    } else {
      reject(path, n, "an " + type, is_plain_scalar(n) ? integer_hint(n.scalar) : "");
      leaf.reset();
    }
  }
  record(path, fmt::format("{}", value), type, doc, leaf);
}

void TreeBinder::on_real(const std::string& path, double& value, double min, double max,
                         std::string_view doc) {
  declared_.add_field(path);
  const std::string type = fmt::format("number in [{}, {}]", format_real(min), format_real(max));
  auto leaf = find_leaf(path);
  if (leaf) {
    const YamlNode& n = *leaf->value;
    const auto parsed = is_plain_scalar(n) ? parse_real(n.scalar) : std::nullopt;
    if (parsed && *parsed >= min && *parsed <= max) {
      value = *parsed;
    } else {
      reject(path, n, "a " + type, is_plain_scalar(n) ? real_hint(n.scalar) : "");
      leaf.reset();
    }
  }
  record(path, format_real(value), type, doc, leaf);
}

void TreeBinder::on_boolean(const std::string& path, bool& value, std::string_view doc) {
  declared_.add_field(path);
  auto leaf = find_leaf(path);
  if (leaf) {
    const YamlNode& n = *leaf->value;
    const auto parsed = is_plain_scalar(n) ? parse_boolean(n.scalar) : std::nullopt;
    if (parsed) {
      value = *parsed;
    } else {
      reject(path, n, "true or false", is_plain_scalar(n) ? boolean_hint(n.scalar) : "");
      leaf.reset();
    }
  }
  record(path, value ? "true" : "false", "true or false", doc, leaf);
}

void TreeBinder::on_text(const std::string& path, std::string& value, std::string_view doc) {
  declared_.add_field(path);
  auto leaf = find_leaf(path);
  if (leaf) {
    const YamlNode& n = *leaf->value;
    if (n.kind == YamlNode::Kind::scalar) {
      value = n.scalar;
    } else {
      reject(path, n, "text", n.kind == YamlNode::Kind::null ? " (write \"\" for empty text)" : "");
      leaf.reset();
    }
  }
  record(path, value, "text", doc, leaf);
}

void TreeBinder::on_date(const std::string& path, Date& value, std::string_view doc) {
  declared_.add_field(path);
  auto leaf = find_leaf(path);
  if (leaf) {
    const YamlNode& n = *leaf->value;
    const auto parsed =
        n.kind == YamlNode::Kind::scalar ? parse_date(n.scalar) : std::optional<Date>{};
    if (parsed) {
      value = *parsed;
    } else {
      report(n.where, path,
             fmt::format("expected a date YYYY-MM-DD (or YYYY-MM for the first of the month), "
                         "got {}",
                         describe_found(n)));
      leaf.reset();
    }
  }
  record(path, to_string(value), "date YYYY-MM-DD", doc, leaf);
}

void TreeBinder::on_choice(const std::string& path, std::size_t& index,
                           std::span<const std::string_view> names, std::string_view doc) {
  declared_.add_field(path);
  std::vector<std::string> options(names.begin(), names.end());
  auto leaf = find_leaf(path);
  if (leaf) {
    const YamlNode& n = *leaf->value;
    const auto it = n.kind == YamlNode::Kind::scalar
                        ? std::find(options.begin(), options.end(), n.scalar)
                        : options.end();
    if (it != options.end()) {
      index = static_cast<std::size_t>(it - options.begin());
    } else {
      report(n.where, path,
             fmt::format(
                 "expected one of {}; got {}{}", join(options, ", "), describe_found(n),
                 n.kind == YamlNode::Kind::scalar ? did_you_mean(closest(n.scalar, options)) : ""));
      leaf.reset();
    }
  }
  record(path, index < options.size() ? options[index] : std::string("?"),
         "one of: " + join(options, ", "), doc, leaf);
}

std::size_t TreeBinder::on_list_size(const std::string& path, std::size_t current,
                                     std::string_view doc) {
  declared_.add_list(path);
  const YamlNode* node = locate(path, true);
  std::optional<Leaf> leaf;
  std::size_t size = current;
  if (node != nullptr) {
    if (node->kind == YamlNode::Kind::sequence || node->kind == YamlNode::Kind::null) {
      size = node->items.size();  // an empty value is an empty list
      leaf = Leaf{node, {}};
    } else if (reported_.insert(node).second) {
      report(node->where, path,
             "expected a list (lines starting with '- '), got " + describe_found(*node));
    }
  }
  record(path, fmt::format("{}", size), "list", doc, leaf);
  return size;
}

void TreeBinder::on_require(bool ok, const std::string& path, std::string_view message) {
  if (ok) return;
  const YamlNode* node = locate(path, false);
  if (node == nullptr) {
    report(Location{file_}, path, std::string(message));
    return;
  }
  if (is_sourced_value(*node)) node = node->find("value");
  const bool value_like =
      node->kind == YamlNode::Kind::scalar || node->kind == YamlNode::Kind::null;
  report(value_like ? node->where : node->key_where, path, std::string(message));
}

}  // namespace insim::scenario
