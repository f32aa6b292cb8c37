#include <fmt/format.h>

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
    auto counts = scenario::count_sources(scenario.info);
    using scenario::SourceKind;
    fmt::print(
        "{}: OK ({} parameters; {} from documents, {} public sources, {} assumptions, {} "
        "unstated)\n",
        a.file, scenario.info.fields.size(), counts[SourceKind::document_fact],
        counts[SourceKind::public_source], counts[SourceKind::assumption],
        counts[SourceKind::unstated]);
    return kExitOk;
  } catch (const InputError& e) {
    for (const Diagnostic& d : e.diagnostics()) fmt::print(stderr, "{}\n", d.to_string());
    const auto n = e.diagnostics().size();
    fmt::print(stderr, "{}: {} problem{}\n", a.file, n, n == 1 ? "" : "s");
    return kExitBadInput;
  }
}

}  // namespace insim::cli
