#include <fmt/format.h>

#include "commands.hpp"
#include "core/error.hpp"
#include "insim/version.hpp"

namespace insim::cli {

void add_common(CLI::App& app) {
  app.set_version_flag("--version", fmt::format("insim {} ({})", kVersion, kGitCommit));
  app.footer(
      "Exit codes: 0 success; 2 bad input (usage error, or a scenario or --set problem, "
      "reported with file:line:col and key); 1 other failures (e.g. the output folder cannot "
      "be written); 130 / 143 stopped by SIGINT (Ctrl-C) / SIGTERM, no output written.");
}

void add_set_option(CLI::App& app, std::vector<std::string>& sets) {
  app.add_option("--set", sets,
                 "override one parameter, e.g. --set epstein.width=80 (repeatable); "
                 "applied after the file and everything it extends")
      ->type_name("PATH=VALUE")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

std::vector<scenario::Override> parse_overrides(const std::vector<std::string>& sets) {
  std::vector<scenario::Override> overrides;
  std::vector<Diagnostic> problems;
  for (const std::string& s : sets) {
    try {
      overrides.push_back(scenario::parse_override(s));
    } catch (const InputError& e) {
      problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    }
  }
  if (!problems.empty()) throw InputError(std::move(problems));
  return overrides;
}

}  // namespace insim::cli
