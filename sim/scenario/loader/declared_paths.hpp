#pragma once
// The paths a Def declared while it was bound: its fields and lists, and every section that
// contains them. Used to find keys that nothing reads and to suggest what was meant.
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace insim::scenario {

class DeclaredPaths {
 public:
  void add_field(const std::string& path);
  void add_list(const std::string& path);

  [[nodiscard]] bool is_field(const std::string& path) const { return fields_.contains(path); }
  [[nodiscard]] bool is_list(const std::string& path) const { return lists_.contains(path); }
  // A section or list element holding declared fields ("epstein", "sahel.events[2]").
  [[nodiscard]] bool is_container(const std::string& path) const {
    return containers_.contains(path);
  }

  // The keys that may follow `prefix` ("" for the top level), in declaration order.
  [[nodiscard]] std::vector<std::string> keys_at(std::string_view prefix) const;

  // What is wrong with `path`, which is not a declared field, and what was probably meant:
  // " (did you mean 'epstein.citizen_vision'?)", "; valid keys in 'run': steps, seed", ...
  [[nodiscard]] std::string explain_unknown(const std::string& path) const;

 private:
  void add_containers(const std::string& path);

  std::vector<std::string> order_;  // fields and lists in declaration order
  std::unordered_set<std::string> fields_;
  std::unordered_set<std::string> lists_;
  std::unordered_set<std::string> containers_;
};

}  // namespace insim::scenario
