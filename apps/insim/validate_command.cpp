#include <fmt/format.h>

#include <map>

#include "commands.hpp"
#include "core/error.hpp"
#include "run/scenario_loading.hpp"

namespace insim::cli {

CLI::App* add_validate(CLI::App& app, ValidateArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "validate", "check a scenario file (and everything it extends) and report every problem");
  add_common(*cmd);
  cmd->add_option("FILE", a.file, "scenario file (YAML)")->required();
  add_set_option(*cmd, a.sets);
  return cmd;
}

int run_validate(const ValidateArgs& a) {
  try {
    const LoadedScenario scenario = load_scenario_file(a.file, parse_overrides(a.sets));
    // Only values written in a file or with --set can cite a source: defaults and list sizes
    // are counted apart (as `insim params --sources` does).
    using scenario::SourceKind;
    std::map<SourceKind, std::size_t> counts;
    std::size_t defaults = 0;
    for (const auto& f : scenario.info.fields) {
      if (f.type == "list") continue;
      if (f.origin == "default") ++defaults;
      else ++counts[f.source_kind];
    }
    const std::size_t set = counts[SourceKind::document_fact] + counts[SourceKind::public_source] +
                            counts[SourceKind::assumption] + counts[SourceKind::unstated];
    fmt::print(
        "{}: OK ({} values set: {} from documents, {} public sources, {} assumptions, {} without "
        "a source; {} left at defaults)\n",
        a.file, set, counts[SourceKind::document_fact], counts[SourceKind::public_source],
        counts[SourceKind::assumption], counts[SourceKind::unstated], defaults);
    return kExitOk;
  } catch (const InputError& e) {
    for (const Diagnostic& d : e.diagnostics()) fmt::print(stderr, "{}\n", d.to_string());
    const auto n = e.diagnostics().size();
    fmt::print(stderr, "{}: {} problem{}\n", a.file, n, n == 1 ? "" : "s");
    return kExitBadInput;
  }
}

}  // namespace insim::cli
