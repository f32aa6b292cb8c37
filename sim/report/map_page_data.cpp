#include "report/map_page_data.hpp"

#include <cmath>

#include "report/region_map.hpp"
#include "report/report_text.hpp"

namespace insim::report {

namespace {
nlohmann::json number_or_null(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json map_page_data(const MapData& map, const std::vector<std::string>& scenario_labels,
                             const std::vector<std::string>& dates) {
  nlohmann::json j;
  j["dates"] = nlohmann::json::array();
  for (const std::string& d : dates) j["dates"].push_back(month_label(d));
  j["months"] = dates;
  j["regions"] = map.regions;
  j["holders"] = map.holders;
  j["scenarios"] = nlohmann::json::array();
  const double most = max_deaths(map);
  for (std::size_t s = 0; s < map.by_scenario.size(); ++s) {
    const MapData::Layer& layer = map.by_scenario[s];
    nlohmann::json fill = nlohmann::json::array(), radius = nlohmann::json::array(),
                   share = nlohmann::json::array(), deaths = nlohmann::json::array();
    for (std::size_t t = 0; t < dates.size(); ++t) {
      for (std::size_t r = 0; r < map.regions.size(); ++r) {
        const RegionLook look = region_look(map, layer, t, r, most);
        fill.push_back(look.fill);
        radius.push_back(std::round(look.radius * 10) / 10);  // as the SVG spells it
        const std::size_t i = t * map.regions.size() + r;
        share.push_back(number_or_null(layer.holder_share[i]));
        deaths.push_back(number_or_null(layer.deaths[i]));
      }
    }
    j["scenarios"].push_back({{"label", scenario_labels[s]},
                              {"fill", std::move(fill)},
                              {"r", std::move(radius)},
                              {"holder", layer.holder},
                              {"share", std::move(share)},
                              {"deaths", std::move(deaths)}});
  }
  return j;
}

std::string json_for_script(const nlohmann::json& value) {
  // ensure_ascii: U+2028/2029 and any other non-ASCII text travel as escapes too.
  const std::string text = value.dump(-1, ' ', true);
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    if (ch == '<') {
      out += "\\u003c";
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace insim::report
