#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <vector>

#include "commands.hpp"
#include "sweep/result_merge.hpp"

namespace insim::cli {

CLI::App* add_merge(CLI::App& app, MergeArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "merge",
      "join the databases of one sweep's shards (insim sweep --shard I/N) into one new "
      "database: every recorded run, with its metrics and series (docs/sweeps.md)");
  add_common(*cmd);
  cmd->footer(
      "Exit codes: 0 merged (the counts say whether runs are still pending); 2 bad input (OUT "
      "exists, an input is not a sweep database, the inputs hold different sweeps, or a run "
      "differs between two inputs); 1 other failures (OUT cannot be written). OUT appears whole "
      "or not at all.");
  cmd->add_option("OUT", a.out, "the merged database (SQLite), created new")->required();
  cmd->add_option("INPUTS", a.inputs, "the databases to join (the shards', or merged ones)")
      ->required()
      ->expected(1, -1);
  return cmd;
}

int run_merge(const MergeArgs& a) {
  const std::vector<std::filesystem::path> inputs(a.inputs.begin(), a.inputs.end());
  const sweep::MergeOutcome m = sweep::merge_results(a.out, inputs);
  fmt::print("{} databases merged into {}: {} of {} runs done, {} failed, {} still pending{}\n",
             inputs.size(), a.out, m.counts.done, m.runs, m.counts.failed, m.counts.pending,
             m.duplicates > 0
                 ? fmt::format("; {} runs were in more than one input, the same, and are kept once",
                               m.duplicates)
                 : std::string());
  if (m.counts.pending > 0) {
    fmt::print(
        "{} runs are in none of the inputs: a shard is missing or did not finish; add its "
        "database, or finish them with insim sweep SPEC --out {} --resume\n",
        m.counts.pending, a.out);
  }
  return kExitOk;
}

}  // namespace insim::cli
