#include "report/palette.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace insim::report {

namespace {
// Okabe-Ito without yellow (#F0E442 is unreadable as a line on white) and black, which reads
// as "no data" or text; blue first for the base.
constexpr std::array<const char*, 6> kScenarioColours = {"#0072b2", "#d55e00", "#009e73",
                                                         "#cc79a7", "#e69f00", "#56b4e9"};
// The state, then armed groups: vermilion, orange, reddish purple, bluish green, yellow, sky blue.
constexpr const char* kStateColour = "#7e8fa8";
constexpr std::array<const char*, 6> kGroupColours = {"#d55e00", "#e69f00", "#cc79a7",
                                                      "#009e73", "#f0e442", "#56b4e9"};

int channel(const std::string& colour, std::size_t at) {
  return std::stoi(colour.substr(at, 2), nullptr, 16);
}
}  // namespace

std::string scenario_colour(std::size_t scenario) {
  return kScenarioColours[scenario % kScenarioColours.size()];
}

std::string holder_colour(std::size_t holder) {
  if (holder == 0) return kStateColour;
  return kGroupColours[(holder - 1) % kGroupColours.size()];
}

std::string towards_white(const std::string& colour, double amount) {
  if (colour.size() != 7 || colour[0] != '#') {
    throw std::invalid_argument(fmt::format("'{}' is not a colour written #rrggbb", colour));
  }
  const double a = std::clamp(amount, 0.0, 1.0);
  const auto mix = [&](std::size_t at) {
    const int c = channel(colour, at);
    return static_cast<int>(std::lround(c + (255 - c) * a));
  };
  return fmt::format("#{:02x}{:02x}{:02x}", mix(1), mix(3), mix(5));
}

}  // namespace insim::report
