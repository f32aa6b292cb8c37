#pragma once
// The report of a comparison on disk: report.html and every figure as SVG and PNG.
#include <filesystem>
#include <vector>

#include "report/report_data.hpp"

namespace insim::report {

struct WrittenReport {
  std::filesystem::path html;
  std::vector<std::filesystem::path> figures;  // every .svg and .png, in the order written
};

// PNG figures are this many pixels per SVG pixel wide: sharp on slides and in print.
inline constexpr int kPngScale = 2;

// Writes out_dir/report.html and out_dir/figures/<chart id>.svg and .png for every chart, plus
// the map (figures/map_<YYYY-MM>.svg/.png at the window's last month, every scenario side by
// side). Every file is written atomically (output::AtomicFile); report.html last, so a reader
// never finds a page whose figures are missing. output::OutputError when a file cannot be
// written, std::invalid_argument when `data` is inconsistent (check_report_data).
WrittenReport write_report(const ReportData& data, const std::filesystem::path& out_dir);

}  // namespace insim::report
