#pragma once
// The files of `insim calibrate` (docs/calibrate.md): particles.csv (every generation),
// posterior.csv, fit.csv, best.yaml and manifest.json. Each goes through output::AtomicFile:
// opened before the runs, so an unwritable folder fails before any work, and renamed into
// place only once all are written; a calibration stopped or failed leaves none of them.
#include <chrono>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "calibrate/abc_smc.hpp"
#include "calibrate/calibrate_def.hpp"
#include "calibrate/calibration_targets.hpp"
#include "calibrate/prior.hpp"
#include "output/atomic_file.hpp"
#include "run/scenario_loading.hpp"

namespace insim::calibrate {

inline constexpr const char* kParticlesCsv = "particles.csv";
inline constexpr const char* kPosteriorCsv = "posterior.csv";
inline constexpr const char* kFitCsv = "fit.csv";
inline constexpr const char* kBestYaml = "best.yaml";
inline constexpr const char* kCalibrateManifest = "manifest.json";

// Everything the files are made of.
struct CalibrationRecord {
  const CalibrateDef& def;
  const std::filesystem::path& spec_file;
  const scenario::LoadResult& spec_info;
  const std::filesystem::path& base_file;
  const LoadedScenario& base;
  const CalibrationTargets& targets;
  std::span<const Prior> priors;
  const std::vector<bool>& integer;  // per parameter: an integer field, rounded when set
  const AbcResult& result;
  std::vector<std::string> command_line;
  int threads = 0;
  std::chrono::system_clock::time_point started_utc{};
  double wall_seconds = 0.0;
  std::vector<double> generation_seconds;  // per complete generation
};

// The text of each file, from the record (the last complete generation is the posterior).
[[nodiscard]] std::string particles_csv(const CalibrationRecord& r);
[[nodiscard]] std::string posterior_csv(const CalibrationRecord& r);
[[nodiscard]] std::string fit_csv(const CalibrationRecord& r);
[[nodiscard]] std::string best_yaml(const CalibrationRecord& r,
                                    const std::filesystem::path& out_dir);
[[nodiscard]] std::string manifest_json(const CalibrationRecord& r);

class CalibrateOutputs {
 public:
  // Creates the folder if needed and the temporary files; throws output::OutputError when the
  // folder cannot be written.
  explicit CalibrateOutputs(const std::filesystem::path& out_dir);
  // Writes every file and renames them into place; returns their paths.
  std::vector<std::filesystem::path> write(const CalibrationRecord& r);

 private:
  std::filesystem::path out_dir_;
  output::AtomicFile particles_, posterior_, fit_, best_, manifest_;
};

}  // namespace insim::calibrate
