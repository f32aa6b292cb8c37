#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <vector>

#include "commands.hpp"
#include "run/scenario_loading.hpp"
#include "scenario/loader/source_summary.hpp"

namespace insim::cli {

namespace {
// Columns are aligned to their widest cell, up to a cap: a long description overflows its
// own row rather than pushing every other row to the right.
constexpr std::size_t kMaxColumnWidth = 48;

void print_table(const std::vector<std::array<std::string, 4>>& rows) {
  std::array<std::size_t, 4> width{};
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      width[c] = std::min(kMaxColumnWidth, std::max(width[c], row[c].size()));
    }
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line.append(width[c] + 2 - std::min(width[c], row[c].size()), ' ');
    }
    fmt::print("{}\n", line);
  }
}

void print_parameters(const scenario::LoadResult& info) {
  std::vector<std::array<std::string, 4>> rows{{"PARAMETER", "VALUE", "SOURCE", "ORIGIN"}};
  for (const auto& f : info.fields) {
    rows.push_back({f.path, f.value, f.source.empty() ? "(unstated)" : f.source, f.origin});
  }
  print_table(rows);
}

void print_sources(const scenario::LoadResult& info) {
  using scenario::SourceKind;
  const scenario::SourceSummary s = scenario::summarise_sources(info);
  fmt::print("{} parameters:\n", info.fields.size());
  fmt::print("  {:>6} values set in the scenario files, by source:\n", s.in_files_total);
  for (SourceKind kind : {SourceKind::document_fact, SourceKind::public_source,
                          SourceKind::assumption, SourceKind::unstated}) {
    fmt::print("           {:<14}{:>6}\n", scenario::to_string(kind), s.in_files.at(kind));
  }
  fmt::print("  {:>6} values set with --set (no source)\n", s.by_set);
  fmt::print("  {:>6} left at their defaults (the code's values)\n", s.defaults);
  fmt::print("  {:>6} list sizes (not values: each element's values are counted above)\n",
             s.list_sizes);
  if (s.unstated.empty()) return;
  fmt::print("set without a source:\n");
  std::size_t width = 0;
  for (const auto* f : s.unstated) width = std::max(width, f->path.size());
  width = std::min(width, kMaxColumnWidth);
  for (const auto* f : s.unstated) fmt::print("  {:<{}}  {}\n", f->path, width, f->origin);
}
}  // namespace

CLI::App* add_params(CLI::App& app, ParamsArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "params", "list every resolved parameter with its value, source and origin");
  add_common(*cmd);
  cmd->add_option("FILE", a.file, "scenario file (YAML)")->required();
  add_set_option(*cmd, a.sets);
  cmd->add_flag(
      "--sources", a.sources,
      "instead of the table, count the values set per kind of source, the defaults and the "
      "list sizes, and list the values set without a source");
  return cmd;
}

int run_params(const ParamsArgs& a) {
  const LoadedScenario scenario = load_scenario_file(a.file, parse_overrides(a.sets));
  if (a.sources) {
    print_sources(scenario.info);
  } else {
    print_parameters(scenario.info);
  }
  return kExitOk;
}

}  // namespace insim::cli
