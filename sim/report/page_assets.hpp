#pragma once
// The page's own style and scripts, inlined into report.html (no CDN, no web fonts: the page
// opens offline). Vanilla JavaScript, no console output.
#include <string_view>

namespace insim::report {

// Screen and print styles.
[[nodiscard]] std::string_view page_css();

// First thing in <head>: counts uncaught errors and failed loads into
// document.body.dataset.errors (documentElement before the body exists).
[[nodiscard]] std::string_view error_counter_script();

// Last thing in <body>: draws the maps at the slider's month from the JSON in
// <script id="map-data">, redraws them when the slider moves, then sets
// document.body.dataset.ready = "1". Without a map it only sets ready. A URL ending in
// #map-month=YYYY-MM opens the maps at that month.
[[nodiscard]] std::string_view map_script();

}  // namespace insim::report
