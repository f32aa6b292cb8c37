#pragma once
// The files a comparison writes (docs/compare.md): summary.csv (streamed while the runs are
// summed up), runs.csv, differences.csv, validation.csv, manifest.json, and the report with its
// figures. Each CSV and the manifest go through output::AtomicFile: opened before the runs, so
// an unwritable folder fails early, and renamed into place only once everything is written.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "compare/compare.hpp"
#include "compare/outcomes.hpp"
#include "compare/scenario_set.hpp"
#include "output/atomic_file.hpp"
#include "report/report_data.hpp"
#include "validation/sahel_validation.hpp"

namespace insim::compare {

struct CompareInputs {
  const ScenarioSet& set;
  const Outcomes& outcomes;
  const std::vector<std::vector<std::vector<double>>>& windows;  // [scenario][run][table row]
  const std::vector<std::vector<report::SeriesBands>>& bands;    // [scenario][outcome]
  const std::optional<validation::ValidationReport>& validation;
  const std::string& validation_note;  // why there is no validation, when there is none
  const CompareOptions& options;
  std::chrono::system_clock::time_point started_utc{};
  double wall_seconds = 0.0;
};

// The differences table: each alternative against the base, per table row, from the paired runs.
[[nodiscard]] std::vector<report::DifferenceRow> differences(const CompareInputs& in);

// Everything the report shows (report/report_data.hpp).
[[nodiscard]] report::ReportData report_data(const CompareInputs& in,
                                             std::vector<report::DifferenceRow> rows,
                                             std::string manifest_json);

class OutputFiles {
 public:
  explicit OutputFiles(const std::filesystem::path& out_dir);

  // Reads the runs' files of scenario `s` in step, writes their summaries to summary.csv and
  // returns them (one SeriesBands per outcome, `months` values each).
  [[nodiscard]] std::vector<report::SeriesBands> summarise_scenario(
      const ScenarioSet& set, const Outcomes& outcomes, std::size_t s,
      const std::vector<std::filesystem::path>& run_files, std::int64_t months);

  // Writes the rest and renames everything into place.
  [[nodiscard]] CompareResult finish(const CompareInputs& in);

 private:
  std::filesystem::path out_dir_;
  output::AtomicFile summary_;
  output::AtomicFile runs_;
  output::AtomicFile differences_;
  output::AtomicFile validation_;
  output::AtomicFile manifest_;
};

}  // namespace insim::compare
