#pragma once
// The shape ReportData must have before it is laid out: one series per scenario and date, one
// map layer per scenario, chart ids that are safe file names. A mismatch is a bug in whoever
// built the data, caught here with a message naming the part, not as a crash in the writers.
#include <cstddef>

#include "report/report_data.hpp"

namespace insim::report {

// std::invalid_argument naming the first inconsistency.
void check_report_data(const ReportData& data);

// The month the map is drawn at first (and its figure file): the window's last month when it is
// one of the dates, else the last date.
[[nodiscard]] std::size_t map_date_index(const ReportData& data);

}  // namespace insim::report
