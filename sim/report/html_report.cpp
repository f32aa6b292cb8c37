#include "report/html_report.hpp"

#include <fmt/format.h>

#include <string>
#include <system_error>

#include "output/atomic_file.hpp"
#include "report/html_page.hpp"
#include "report/png_export.hpp"
#include "report/region_map.hpp"
#include "report/report_check.hpp"
#include "report/svg_chart.hpp"

namespace insim::report {

namespace {
void write_text(const std::filesystem::path& path, const std::string& text) {
  output::AtomicFile file(path);
  file.write(text);
  file.commit();
}

void create_folder(const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) {
    throw output::OutputError(
        fmt::format("cannot create the folder '{}': {}", folder.string(), error.message()));
  }
}

// The SVG's own width in pixels (its width="..." attribute), for the PNG's size.
int svg_width(const std::string& svg) {
  const std::size_t at = svg.find("width=\"");
  return at == std::string::npos ? 960 : std::stoi(svg.substr(at + 7));
}
}  // namespace

WrittenReport write_report(const ReportData& data, const std::filesystem::path& out_dir) {
  check_report_data(data);
  const std::filesystem::path figures = out_dir / "figures";
  create_folder(figures);
  WrittenReport written;
  const auto figure = [&](const std::string& stem, const std::string& svg) {
    const auto svg_path = figures / (stem + ".svg");
    const auto png_path = figures / (stem + ".png");
    write_text(svg_path, svg);
    svg_to_png(svg, png_path, kPngScale * svg_width(svg));
    written.figures.push_back(svg_path);
    written.figures.push_back(png_path);
  };

  std::vector<std::string> labels;
  for (const ScenarioInfo& s : data.scenarios) labels.push_back(s.label);
  std::vector<std::string> chart_svgs;
  for (const TimeChart& chart : data.charts) {
    chart_svgs.push_back(time_chart_svg(chart, data.dates, labels, data.runs));
    figure(chart.id, chart_svgs.back());
  }
  if (!data.map.regions.empty()) {
    const std::size_t date = map_date_index(data);
    figure("map_" + data.dates[date], maps_figure_svg(data.map, labels, data.dates, date));
  }
  written.html = out_dir / "report.html";
  write_text(written.html, report_html(data, chart_svgs));
  return written;
}

}  // namespace insim::report
