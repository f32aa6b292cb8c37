#include "scenario/loader/declared_paths.hpp"

#include <algorithm>

#include "scenario/loader/key_path.hpp"
#include "scenario/loader/suggest.hpp"

namespace insim::scenario {

namespace {
std::string join_path(std::string_view prefix, std::string_view key) {
  std::string out(prefix);
  if (!out.empty()) out += '.';
  out += key;
  return out;
}
}  // namespace

void DeclaredPaths::add_field(const std::string& path) {
  if (fields_.insert(path).second) order_.push_back(path);
  add_containers(path);
}

void DeclaredPaths::add_list(const std::string& path) {
  if (lists_.insert(path).second) order_.push_back(path);
  add_containers(path);
}

void DeclaredPaths::add_containers(const std::string& path) {
  for (auto& a : ancestors_of(path)) containers_.insert(std::move(a));
}

std::vector<std::string> DeclaredPaths::keys_at(std::string_view prefix) const {
  std::vector<std::string> keys;
  for (const auto& p : order_) {
    std::string_view rest = p;
    if (!prefix.empty()) {
      if (!rest.starts_with(prefix) || rest.size() <= prefix.size() + 1 ||
          rest[prefix.size()] != '.')
        continue;
      rest.remove_prefix(prefix.size() + 1);
    }
    const std::string key(first_key(rest));
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
  }
  return keys;
}

std::string DeclaredPaths::explain_unknown(const std::string& path) const {
  // The deepest section of `path` that exists; the first step past it is where the path goes
  // wrong.
  std::string prefix;
  for (auto& a : ancestors_of(path)) {
    if (!is_container(a) && !is_list(a)) break;
    prefix = std::move(a);
  }
  std::string_view rest = std::string_view(path).substr(prefix.size());
  if (rest.starts_with('[')) {
    const std::string index(rest.substr(0, rest.find(']') + 1));
    return "; the list '" + prefix + "' has no element " + index;
  }
  if (!prefix.empty()) rest.remove_prefix(1);  // the '.'
  const std::string_view key = first_key(rest);
  const std::string here = join_path(prefix, key);
  if (is_field(here)) return "; '" + here + "' is a single value, with no keys inside it";
  if ((is_container(here) || is_list(here)) && here == path)
    return "; '" + here + "' is a section: give one of its keys: " + join(keys_at(here), ", ");

  const std::vector<std::string> keys = keys_at(prefix);
  std::vector<std::string> meant;
  for (const auto& k : closest(key, keys)) {
    // Keep the rest of the path when the corrected one is a declared field.
    std::string corrected = join_path(prefix, k) + std::string(rest.substr(key.size()));
    meant.push_back(is_field(corrected) ? corrected : join_path(prefix, k));
  }
  if (!meant.empty()) return did_you_mean(meant);
  if (keys.empty()) return "";
  if (prefix.empty()) return "; valid top-level keys: " + join(keys, ", ");
  return "; valid keys in '" + prefix + "': " + join(keys, ", ");
}

}  // namespace insim::scenario
