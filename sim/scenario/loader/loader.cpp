#include "scenario/loader/loader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "scenario/loader/override.hpp"
#include "scenario/loader/scenario_tree.hpp"
#include "scenario/loader/tree_binder.hpp"
#include "scenario/loader/unknown_keys.hpp"

namespace insim::scenario {

namespace {
// Problems in reading order: file by file (child first, then --set), line by line.
void sort_for_reading(std::vector<Diagnostic>& problems, const std::vector<std::string>& files) {
  const auto rank = [&](const Diagnostic& d) {
    const auto it = std::find(files.begin(), files.end(), d.file);
    return it != files.end() ? static_cast<std::size_t>(it - files.begin()) : files.size();
  };
  std::stable_sort(problems.begin(), problems.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const std::size_t ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
}
}  // namespace

std::string hash_fields(const std::vector<FieldRecord>& fields) {
  std::uint64_t h = 14695981039346656037ULL;  // FNV-1a 64 offset basis
  const auto feed = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;  // FNV-1a 64 prime
    }
  };
  for (const auto& f : fields) {
    feed(f.path);
    feed("=");
    feed(f.value);
    feed("\n");
  }
  return fmt::format("{:016x}", h);
}

LoadResult load(const std::filesystem::path& file, std::span<const Override> overrides,
                const std::function<void(Schema&)>& describe) {
  std::vector<Diagnostic> problems;
  auto tree = read_scenario_tree(file, problems);
  if (!tree) throw InputError(std::move(problems));

  std::vector<std::optional<std::string>> not_placed;
  for (const auto& o : overrides) not_placed.push_back(apply_override(tree->root, o));

  TreeBinder binder(&tree->root, tree->files.front(), problems);
  describe(binder);

  const DeclaredPaths& declared = binder.declared();
  for (std::size_t i = 0; i < overrides.size(); ++i) {
    const Override& o = overrides[i];
    if (!declared.is_field(o.path)) {
      problems.push_back({"--set", 0, 0, "",
                          fmt::format("unknown parameter path '{}' in --set{}", o.path,
                                      declared.explain_unknown(o.path))});
    } else if (not_placed[i]) {
      problems.push_back({"--set", 0, 0, o.path, "cannot set it: " + *not_placed[i]});
    }
  }
  report_unknown_keys(tree->root, declared, problems);

  if (!problems.empty()) {
    sort_for_reading(problems, tree->files);
    throw InputError(std::move(problems));
  }
  LoadResult result;
  result.fields = binder.take_records();
  result.files = std::move(tree->files);
  result.hash = hash_fields(result.fields);
  return result;
}

LoadResult defaults(const std::function<void(Schema&)>& describe) {
  std::vector<Diagnostic> problems;
  TreeBinder binder(nullptr, "defaults", problems);
  describe(binder);
  if (!problems.empty()) throw InputError(std::move(problems));
  LoadResult result;
  result.fields = binder.take_records();
  result.hash = hash_fields(result.fields);
  return result;
}

std::map<SourceKind, std::size_t> count_sources(const LoadResult& result) {
  std::map<SourceKind, std::size_t> counts{{SourceKind::unstated, 0},
                                           {SourceKind::document_fact, 0},
                                           {SourceKind::public_source, 0},
                                           {SourceKind::assumption, 0}};
  for (const auto& f : result.fields) ++counts[f.source_kind];
  return counts;
}

}  // namespace insim::scenario
