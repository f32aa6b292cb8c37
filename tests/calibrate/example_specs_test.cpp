#include <catch2/catch.hpp>
#include <filesystem>

#include "calibrate/calibrate_runner.hpp"
#include "core/file_text.hpp"
#include "run/scenario_loading.hpp"

TEST_CASE(
    "calibrate: every example in scenarios/sahel/calibration loads, with its parameters and "
    "targets checked against its base",
    "[calibrate]") {
  const std::filesystem::path folder =
      std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios/sahel/calibration";
  std::size_t specs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.path().extension() != ".yaml") continue;
    INFO(entry.path().string());
    const std::string text = insim::read_file_text(entry.path());
    if (text.rfind("calibrate:", 0) == 0 || text.find("\ncalibrate:") != std::string::npos) {
      ++specs;
      CHECK_NOTHROW(insim::calibrate::check_calibration_spec(entry.path()));
    } else {
      CHECK_NOTHROW(insim::load_scenario_file(entry.path()));  // a base the specs extend
    }
  }
  CHECK(specs >= 1);
}
