#pragma once
// The Schema that reads a Def from a YAML tree. Each value is bound the moment its field is
// declared, because describe() may branch on a value it has just read (`model:` picks the
// section). A value that fails keeps the Def's default and binding goes on, so one pass finds
// every problem.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "scenario/loader/declared_paths.hpp"
#include "scenario/loader/loader.hpp"
#include "scenario/loader/yaml_tree.hpp"
#include "scenario/schema.hpp"

namespace insim::scenario {

class TreeBinder final : public Schema {
 public:
  // `root` null: defaults only. `file` is where problems with no better place are reported.
  TreeBinder(const YamlNode* root, std::string file, std::vector<Diagnostic>& problems);

  [[nodiscard]] const DeclaredPaths& declared() const { return declared_; }
  [[nodiscard]] std::vector<FieldRecord> take_records() { return std::move(records_); }

 protected:
  void on_integer(const std::string& path, std::int64_t& value, std::int64_t min, std::int64_t max,
                  std::string_view doc) override;
  void on_real(const std::string& path, double& value, double min, double max,
               std::string_view doc) override;
  void on_boolean(const std::string& path, bool& value, std::string_view doc) override;
  void on_text(const std::string& path, std::string& value, std::string_view doc) override;
  void on_date(const std::string& path, Date& value, std::string_view doc) override;
  void on_choice(const std::string& path, std::size_t& index,
                 std::span<const std::string_view> names, std::string_view doc) override;
  std::size_t on_list_size(const std::string& path, std::size_t current,
                           std::string_view doc) override;
  void on_require(bool ok, const std::string& path, std::string_view message) override;

 private:
  // A value in the file, and the source cited for it.
  struct Leaf {
    const YamlNode* value = nullptr;
    std::string source;
  };

  // The node at `path`, or null when the file does not give it. A value standing where a section
  // or list should be is reported (once) when `report` is set.
  const YamlNode* locate(const std::string& path, bool report);
  std::optional<Leaf> find_leaf(const std::string& path);
  void reject(const std::string& path, const YamlNode& found, std::string_view expected,
              std::string_view hint);
  void report(const Location& where, const std::string& path, std::string message);
  void record(const std::string& path, std::string value, std::string type, std::string_view doc,
              const std::optional<Leaf>& leaf);

  const YamlNode* root_;
  std::string file_;
  std::vector<Diagnostic>& problems_;
  std::vector<FieldRecord> records_;
  DeclaredPaths declared_;
  std::set<const YamlNode*> reported_;  // misplaced sections and lists, reported once each
};

}  // namespace insim::scenario
