#include <fmt/format.h>

#include <filesystem>
#include <string>

#include "commands.hpp"
#include "sweep/export_csv.hpp"
#include "sweep/result_reader.hpp"

namespace insim::cli {

CLI::App* add_export(CLI::App& app, ExportArgs& a) {
  CLI::App* cmd = app.add_subcommand(
      "export",
      "write a sweep's database as CSV files: points.csv, runs.csv, metrics.csv and, when the "
      "sweep keeps series, series.csv (docs/sweeps.md)");
  add_common(*cmd);
  cmd->footer(
      "Exit codes: 0 done; 2 bad input (not a sweep database); 1 other failures (e.g. the "
      "folder cannot be written). Existing files of those names in DIR are replaced.");
  cmd->add_option("RESULTS", a.database, "results database of insim sweep (SQLite)")->required();
  cmd->add_option("--csv", a.csv_folder, "folder for the CSV files, created if missing")
      ->type_name("DIR")
      ->required();
  return cmd;
}

int run_export(const ExportArgs& a) {
  const sweep::ResultReader reader(a.database);
  const sweep::ExportSummary s = sweep::export_csv(reader, a.csv_folder);
  fmt::print("{} points, {} runs ({} with metrics){} from {} into {}:\n", s.points, s.runs,
             s.metric_rows,
             s.series_rows > 0 ? fmt::format(", {} series rows", s.series_rows) : std::string(),
             a.database, a.csv_folder);
  for (const auto& f : s.files) fmt::print("  {}\n", f.string());
  if (reader.plan().series_columns.empty() &&
      std::filesystem::exists(std::filesystem::path(a.csv_folder) / "series.csv")) {
    fmt::print(
        "  (series.csv there is not from this sweep, which keeps no series; it was left "
        "as it was)\n");
  }
  return kExitOk;
}

}  // namespace insim::cli
