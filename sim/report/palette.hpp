#pragma once
// Colours of the report. Scenarios and armed groups use the Okabe-Ito palette (Okabe & Ito 2008,
// "Color Universal Design"), told apart with every common colour-vision deficiency; the state
// is a neutral grey-blue so that the armed groups stand out on the map.
#include <cstddef>
#include <string>

namespace insim::report {

// "#rrggbb" of the i-th scenario (0 is the base), cycling after the palette's six usable colours.
[[nodiscard]] std::string scenario_colour(std::size_t scenario);

// "#rrggbb" of the i-th holder of MapData::holders; 0 is the state.
[[nodiscard]] std::string holder_colour(std::size_t holder);

// The map's fill where no run recorded who holds the region.
inline constexpr const char* kNoDataColour = "#d9d9d9";

// `colour` ("#rrggbb") moved towards white by `amount` in [0, 1] (0: unchanged, 1: white).
[[nodiscard]] std::string towards_white(const std::string& colour, double amount);

}  // namespace insim::report
