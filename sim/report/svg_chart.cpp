#include "report/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

#include "report/nice_ticks.hpp"
#include "report/palette.hpp"
#include "report/report_text.hpp"

namespace insim::report {

namespace {
// Layout, in pixels. DejaVu Sans averages about 0.6 em per character: the estimate that decides
// where text wraps and how wide the tick labels are.
constexpr double kPad = 16.0;
constexpr double kCharEm = 0.6;
constexpr double kPanelGap = 30.0;
constexpr double kPanelTitle = 22.0;
constexpr double kPlotHeight = 170.0;
constexpr double kXLabels = 30.0;
constexpr double kYearLabelWidth = 40.0;

double text_width(std::string_view text, double font_size) {
  return static_cast<double>(code_points(text)) * font_size * kCharEm;
}

std::string c(double v) { return coordinate(v); }

// The year ticks of the x axis: the dates at January, every `label_every` years labelled.
struct YearTicks {
  std::vector<std::size_t> index;
  std::vector<bool> labelled;
};

YearTicks year_ticks(const std::vector<std::string>& dates, double plot_width) {
  YearTicks t;
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (dates[i].compare(5, 2, "01") == 0) t.index.push_back(i);
  }
  if (t.index.empty() && !dates.empty()) t.index.push_back(0);  // under a year: label the start
  std::size_t every = 1;
  for (const std::size_t e : {1, 2, 5, 10, 20, 50, 100}) {
    every = e;
    if (static_cast<double>((t.index.size() + e - 1) / e) * kYearLabelWidth <= plot_width) break;
  }
  for (std::size_t k = 0; k < t.index.size(); ++k) {
    const int year = std::stoi(dates[t.index[k]].substr(0, 4));
    t.labelled.push_back(year % static_cast<int>(every) == 0 || every == 1);
  }
  return t;
}

struct Frame {
  double x = 0, y = 0, width = 0, height = 0;  // the plot area of one panel
  std::size_t points = 0;
  double y_low = 0, y_high = 1;
  [[nodiscard]] double x_at(std::size_t i) const {
    if (points <= 1) return x + width / 2;
    return x + width * static_cast<double>(i) / static_cast<double>(points - 1);
  }
  [[nodiscard]] double y_at(double v) const {
    return y + height * (1.0 - (v - y_low) / (y_high - y_low));
  }
};

// Subpaths of the runs of consecutive dates where the series is known: a NaN ends a line.
std::string line_path(const Frame& f, const std::vector<double>& v) {
  std::string d;
  bool open = false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (std::isnan(v[i])) {
      open = false;
      continue;
    }
    const bool alone = !open && (i + 1 == v.size() || std::isnan(v[i + 1]));
    fmt::format_to(std::back_inserter(d), "{}{},{}", open ? "L" : "M", c(f.x_at(i)),
                   c(f.y_at(v[i])));
    if (alone) d += "h0";  // a lone month: a dot (round caps) rather than nothing
    open = true;
  }
  return d;
}

// One closed outline per run of dates where both edges of the band are known.
std::string band_path(const Frame& f, const std::vector<double>& low,
                      const std::vector<double>& high) {
  std::string d;
  std::size_t i = 0;
  const std::size_t n = std::min(low.size(), high.size());
  while (i < n) {
    if (std::isnan(low[i]) || std::isnan(high[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < n && !std::isnan(low[end]) && !std::isnan(high[end])) ++end;
    for (std::size_t k = i; k < end; ++k) {
      fmt::format_to(std::back_inserter(d), "{}{},{}", k == i ? "M" : "L", c(f.x_at(k)),
                     c(f.y_at(high[k])));
    }
    for (std::size_t k = end; k-- > i;) {
      fmt::format_to(std::back_inserter(d), "L{},{}", c(f.x_at(k)), c(f.y_at(low[k])));
    }
    d += "Z";
    i = end;
  }
  return d;
}

void append_path(std::string& out, const char* cls, std::size_t scenario, const std::string& d,
                 const std::string& style) {
  if (d.empty()) return;
  fmt::format_to(std::back_inserter(out), "<path class=\"{}\" data-scenario=\"{}\" d=\"{}\" {}/>\n",
                 cls, scenario, d, style);
}

std::pair<double, double> value_range(const TimeChart& chart) {
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  for (const Panel& p : chart.panels) {
    for (const SeriesBands& s : p.by_scenario) {
      for (const auto* series : {&s.p5, &s.p25, &s.p50, &s.p75, &s.p95}) {
        for (const double v : *series) {
          if (!std::isfinite(v)) continue;
          low = std::min(low, v);
          high = std::max(high, v);
        }
      }
    }
  }
  if (low > high) return {0.0, 0.0};                 // no data: nice_ticks gives [0, 1]
  return {std::min(low, 0.0), std::max(high, 0.0)};  // bars of deaths and shares start at 0
}

// The legend: per scenario a swatch (both bands and the line) and its name, flowing into rows,
// then what the lines and bands are. Returns the height used.
double append_legend(std::string& out, double top, const std::vector<std::string>& labels,
                     int runs) {
  constexpr double kRow = 20.0, kSwatch = 30.0, kFont = 12.5;
  out += "<g class=\"legend\">\n";
  double x = kPad, y = top;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    const double item = kSwatch + 6 + text_width(labels[k], kFont) + 20;
    if (x > kPad && x + item > kChartWidth - kPad) {
      x = kPad;
      y += kRow;
    }
    const std::string colour = scenario_colour(k);
    fmt::format_to(std::back_inserter(out),
                   "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"14\" fill=\"{}\" "
                   "fill-opacity=\"0.18\"/>\n"
                   "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"7\" fill=\"{}\" "
                   "fill-opacity=\"0.35\"/>\n"
                   "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" "
                   "stroke-width=\"2\"/>\n"
                   "<text x=\"{}\" y=\"{}\" font-size=\"{}\">{}</text>\n",
                   c(x), c(y), c(kSwatch), colour, c(x), c(y + 3.5), c(kSwatch), colour, c(x),
                   c(y + 7), c(x + kSwatch), c(y + 7), colour, c(x + kSwatch + 6), c(y + 11.5),
                   kFont, escape_xml(labels[k]));
    x += item;
  }
  y += kRow;
  const std::string how =
      fmt::format("line: median of {} runs; dark band: 50%, light band: 90% of runs", runs);
  fmt::format_to(std::back_inserter(out),
                 "<text class=\"legend-note\" x=\"{}\" y=\"{}\" font-size=\"12\" "
                 "fill=\"#333\">{}</text>\n</g>\n",
                 c(kPad), c(y + 10), escape_xml(how));
  return y + 18 - top;
}

void append_panel(std::string& out, const Panel& panel, const Frame& f, const Ticks& ticks,
                  const YearTicks& years, const std::vector<std::string>& dates, bool y_labels) {
  out += "<g class=\"panel\">\n";
  fmt::format_to(std::back_inserter(out),
                 "<text class=\"panel-title\" x=\"{}\" y=\"{}\" font-size=\"13\" "
                 "font-weight=\"bold\">{}</text>\n",
                 c(f.x), c(f.y - 8), escape_xml(panel.title));
  for (const double t : ticks.values) {
    const double y = f.y_at(t);
    fmt::format_to(std::back_inserter(out),
                   "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\"/>\n", c(f.x), c(y),
                   c(f.x + f.width), c(y), t == 0.0 ? "#999" : "#e3e3e3");
    if (y_labels) {
      fmt::format_to(std::back_inserter(out),
                     "<text class=\"y-tick\" x=\"{}\" y=\"{}\" font-size=\"11\" "
                     "text-anchor=\"end\" fill=\"#333\">{}</text>\n",
                     c(f.x - 6), c(y + 4), fixed(t, ticks.decimals));
    }
  }
  const double bottom = f.y + f.height;
  for (std::size_t k = 0; k < years.index.size(); ++k) {
    const double x = f.x_at(years.index[k]);
    if (years.labelled[k]) {
      fmt::format_to(std::back_inserter(out),
                     "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#f0f0f0\"/>\n"
                     "<text class=\"x-tick\" x=\"{}\" y=\"{}\" font-size=\"11\" "
                     "text-anchor=\"middle\" fill=\"#333\">{}</text>\n",
                     c(x), c(f.y), c(x), c(bottom), c(x), c(bottom + 17),
                     escape_xml(years.index.size() == 1 && dates[years.index[k]].substr(5) != "01"
                                    ? dates[years.index[k]]
                                    : dates[years.index[k]].substr(0, 4)));
    }
    fmt::format_to(std::back_inserter(out),
                   "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#666\"/>\n", c(x),
                   c(bottom), c(x), c(bottom + (years.labelled[k] ? 5 : 3)));
  }
  fmt::format_to(std::back_inserter(out),
                 "<path d=\"M{},{}V{}H{}\" fill=\"none\" stroke=\"#666\"/>\n", c(f.x), c(f.y),
                 c(bottom), c(f.x + f.width));
  // Bands of every scenario first, then every median on top, so no band hides a line.
  for (std::size_t s = 0; s < panel.by_scenario.size(); ++s) {
    const SeriesBands& b = panel.by_scenario[s];
    const std::string colour = scenario_colour(s);
    append_path(out, "band90", s, band_path(f, b.p5, b.p95),
                fmt::format("fill=\"{}\" fill-opacity=\"0.14\"", colour));
    append_path(out, "band50", s, band_path(f, b.p25, b.p75),
                fmt::format("fill=\"{}\" fill-opacity=\"0.28\"", colour));
  }
  for (std::size_t s = 0; s < panel.by_scenario.size(); ++s) {
    append_path(out, "median", s, line_path(f, panel.by_scenario[s].p50),
                fmt::format("fill=\"none\" stroke=\"{}\" stroke-width=\"1.8\" "
                            "stroke-linejoin=\"round\" stroke-linecap=\"round\"",
                            scenario_colour(s)));
  }
  out += "</g>\n";
}
}  // namespace

std::string time_chart_svg(const TimeChart& chart, const std::vector<std::string>& dates,
                           const std::vector<std::string>& scenario_labels, int runs) {
  const std::size_t n_panels = std::max<std::size_t>(chart.panels.size(), 1);
  const std::size_t cols = n_panels <= 3 ? n_panels : (n_panels == 4 ? 2 : 3);
  const std::size_t rows = (n_panels + cols - 1) / cols;

  const auto [low, high] = value_range(chart);
  const Ticks ticks = nice_ticks(low, high, 5);
  double label_width = 0;
  for (const double t : ticks.values) {
    label_width = std::max(label_width, text_width(fixed(t, ticks.decimals), 11));
  }
  const double axis = std::max(30.0, label_width + 12);
  const double grid_left = kPad + axis;
  const double panel_width =
      (kChartWidth - kPad - grid_left - static_cast<double>(cols - 1) * kPanelGap) /
      static_cast<double>(cols);
  const YearTicks years = year_ticks(dates, panel_width);

  std::string body;
  double y = 30;  // baseline of the title
  const std::vector<std::string> title_lines =
      wrap_words(chart.title, static_cast<std::size_t>((kChartWidth - 2 * kPad) / (18 * kCharEm)));
  for (const std::string& line : title_lines) {
    fmt::format_to(std::back_inserter(body),
                   "<text class=\"chart-title\" x=\"{}\" y=\"{}\" font-size=\"18\" "
                   "font-weight=\"bold\">{}</text>\n",
                   c(kPad), c(y), escape_xml(line));
    y += 23;
  }
  y += append_legend(body, y - 8, scenario_labels, runs);
  fmt::format_to(std::back_inserter(body),
                 "<text class=\"y-label\" x=\"{}\" y=\"{}\" font-size=\"12.5\" "
                 "fill=\"#333\">{}</text>\n",
                 c(kPad), c(y + 8), escape_xml("Vertical axis: " + chart.y_label));
  y += 20;

  const double row_height = kPanelTitle + kPlotHeight + kXLabels;
  for (std::size_t p = 0; p < chart.panels.size(); ++p) {
    const std::size_t row = p / cols, col = p % cols;
    Frame f;
    f.x = grid_left + static_cast<double>(col) * (panel_width + kPanelGap);
    f.y = y + static_cast<double>(row) * row_height + kPanelTitle;
    f.width = panel_width;
    f.height = kPlotHeight;
    f.points = dates.size();
    f.y_low = ticks.values.front();
    f.y_high = ticks.values.back();
    append_panel(body, chart.panels[p], f, ticks, years, dates, col == 0);
  }
  y += static_cast<double>(rows) * row_height + 6;

  const std::size_t note_chars =
      static_cast<std::size_t>((kChartWidth - 2 * kPad) / (11.5 * kCharEm));
  for (const std::string& line : wrap_words(chart.note, note_chars)) {
    fmt::format_to(std::back_inserter(body),
                   "<text class=\"chart-note\" x=\"{}\" y=\"{}\" font-size=\"11.5\" "
                   "fill=\"#444\">{}</text>\n",
                   c(kPad), c(y + 4), escape_xml(line));
    y += 15;
  }
  const double height = std::ceil(y + 8);

  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"chart-{}\" width=\"{}\" "
      "height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"{}\" role=\"img\">\n"
      "<title>{}</title>\n<desc>{}</desc>\n"
      "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
      escape_xml(chart.id), kChartWidth, height, kChartWidth, height, kFontFamily,
      escape_xml(chart.title), escape_xml(chart.note), kChartWidth, height);
  svg += body;
  svg += "</svg>\n";
  return svg;
}

}  // namespace insim::report
