#pragma once
// report.html as text: one self-contained page (inline SVG, style, script and data; nothing
// fetched), its sections in the order a reader needs them.
#include <string>
#include <vector>

#include "report/report_data.hpp"

namespace insim::report {

// `chart_svgs` are the charts as drawn for the figure files (ReportData::charts order), inlined
// unchanged. The map's script sets document.body.dataset.ready = "1" once the maps are drawn.
[[nodiscard]] std::string report_html(const ReportData& data,
                                      const std::vector<std::string>& chart_svgs);

}  // namespace insim::report
