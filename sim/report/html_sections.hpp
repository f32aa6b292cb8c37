#pragma once
// The page's sections made of tables and text, each an HTML fragment (<section> with its <h2>),
// every piece of data escaped.
#include <string>

#include "report/report_data.hpp"

namespace insim::report {

// "The answer in short": the sentences of the headline rows (of every row when none is marked),
// grouped by alternative.
[[nodiscard]] std::string answer_html(const ReportData& data);

// The table of differences against the base; rows whose interval spans zero get
// class="spans-zero" and the words "cannot tell apart".
[[nodiscard]] std::string differences_html(const ReportData& data);

// "How far to trust this": the base's validation, what its values rest on, the model's limits.
[[nodiscard]] std::string trust_html(const ReportData& data);

// "What each scenario changes": the scenarios side by side.
[[nodiscard]] std::string scenarios_html(const ReportData& data);

}  // namespace insim::report
