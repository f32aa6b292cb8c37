#pragma once
// What the page's date slider needs to recolour the maps, as JSON embedded in report.html:
// per scenario and month the fill and circle radius of each region (drawn here, by the same
// code as the SVG, so the script only copies them) and the numbers for the tooltips.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/report_data.hpp"

namespace insim::report {

// {"dates": ["January 2012", ...], "months": ["2012-01", ...], "regions": [...], "holders": [...],
// "scenarios": [{"label", "fill": [...], "r": [...], "holder": [...], "share": [...], "deaths":
// [...]}]}, the per-region arrays flattened [date * regions + region] as in MapData::Layer; NaN as
// null.
[[nodiscard]] nlohmann::json map_page_data(const MapData& map,
                                           const std::vector<std::string>& scenario_labels,
                                           const std::vector<std::string>& dates);

// JSON text safe inside <script type="application/json">: every '<' is written \u003c, so the
// text can never close the element, whatever the scenario names hold.
[[nodiscard]] std::string json_for_script(const nlohmann::json& value);

}  // namespace insim::report
