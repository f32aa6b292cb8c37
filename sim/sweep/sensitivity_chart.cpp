#include "sweep/sensitivity_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

#include "report/nice_ticks.hpp"
#include "report/palette.hpp"
#include "report/report_text.hpp"

namespace insim::sweep {

namespace {

using report::coordinate;
using report::escape_xml;

// Layout, in pixels; DejaVu Sans averages about 0.6 em per character (as report/svg_chart.cpp).
constexpr double kWidth = 760.0;
constexpr double kPad = 16.0;
constexpr double kCharEm = 0.6;
constexpr double kLabelFont = 12.0;
constexpr double kBar = 12.0;     // thickness of one bar
constexpr double kRowGap = 10.0;  // between parameters
constexpr double kCap = 4.0;      // half the height of a whisker's end

double text_width(std::string_view text, double font) {
  return static_cast<double>(report::code_points(text)) * font * kCharEm;
}

struct Series {
  const char* index;  // "S1", "ST", "mu*"
  std::string label;  // for the legend
  std::string colour;
  std::vector<stats::Interval> values;  // one per parameter, plan order
};

std::vector<Series> series_of(const SensitivityResult& r) {
  if (r.design == Design::sobol) {
    return {{"S1", "S1 first-order index", report::scenario_colour(1), r.sobol.first_order},
            {"ST", "ST total index (interactions included)", report::scenario_colour(0),
             r.sobol.total}};
  }
  Series mu{"mu*", "mu*", report::scenario_colour(0), {}};
  for (const auto& e : r.morris.parameters) mu.values.push_back(e.mu_star_interval);
  return {mu};
}

}  // namespace

std::string sensitivity_svg(const SensitivityResult& r, const std::string& database) {
  const bool sobol = r.design == Design::sobol;
  const std::vector<Series> series = series_of(r);
  const auto order = importance_order(r);

  // The value axis covers every estimate and interval, and zero.
  double low = 0.0, high = 0.0;
  for (const auto& s : series) {
    for (const auto& v : s.values) {
      for (const double x : {v.estimate, v.low, v.high}) {
        if (!std::isfinite(x)) continue;
        low = std::min(low, x);
        high = std::max(high, x);
      }
    }
  }
  if (sobol) high = std::max(high, 1.0);  // indices are shares of the variance: show the whole
  const report::Ticks ticks = report::nice_ticks(low, high, 8);
  const double axis_low = ticks.values.front(), axis_high = ticks.values.back();

  double label_width = 0.0;
  for (const auto& name : r.parameters) {
    label_width = std::max(label_width, text_width(name, kLabelFont));
  }
  label_width = std::min(label_width + 12.0, 0.45 * kWidth);
  const double x0 = kPad + label_width, x1 = kWidth - kPad - 12.0;
  const auto x_at = [&](double v) {
    return x0 + (x1 - x0) * (v - axis_low) / (axis_high - axis_low);
  };

  std::string body;
  auto out = std::back_inserter(body);
  double y = kPad + 18.0;
  const std::string title =
      fmt::format("{} of {}", sobol ? "Sobol' sensitivity indices" : "Morris screening", r.metric);
  fmt::format_to(out,
                 "<text class=\"chart-title\" x=\"{}\" y=\"{}\" font-size=\"16\" "
                 "font-weight=\"bold\">{}</text>\n",
                 coordinate(kPad), coordinate(y), escape_xml(title));
  y += 6.0;
  for (const auto& line : report::wrap_words(r.metric + ": " + r.metric_definition, 110)) {
    y += 16.0;
    fmt::format_to(out,
                   "<text class=\"subtitle\" x=\"{}\" y=\"{}\" font-size=\"12\" "
                   "fill=\"#333\">{}</text>\n",
                   coordinate(kPad), coordinate(y), escape_xml(line));
  }

  // Legend: a swatch per index, and the whisker.
  y += 22.0;
  double lx = kPad;
  body += "<g class=\"legend\">\n";
  for (const auto& s : series) {
    fmt::format_to(out,
                   "<rect x=\"{}\" y=\"{}\" width=\"14\" height=\"{}\" fill=\"{}\"/>\n"
                   "<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>\n",
                   coordinate(lx), coordinate(y - 10), coordinate(kBar), s.colour,
                   coordinate(lx + 20), coordinate(y), escape_xml(s.label));
    lx += 20 + text_width(s.label, 12) + 24;
  }
  fmt::format_to(out,
                 "<path d=\"M{},{}H{}M{},{}V{}M{},{}V{}\" stroke=\"#222\" fill=\"none\"/>\n"
                 "<text x=\"{}\" y=\"{}\" font-size=\"12\">{:g}% bootstrap interval</text>\n"
                 "</g>\n",
                 coordinate(lx), coordinate(y - 4), coordinate(lx + 18), coordinate(lx),
                 coordinate(y - 4 - kCap), coordinate(y - 4 + kCap), coordinate(lx + 18),
                 coordinate(y - 4 - kCap), coordinate(y - 4 + kCap), coordinate(lx + 24),
                 coordinate(y), 100.0 * r.bootstrap.level);

  // Plot: grid lines first, then a row per parameter.
  const double plot_top = y + 16.0;
  const double row_height = static_cast<double>(series.size()) * kBar + kRowGap;
  const double plot_bottom = plot_top + row_height * static_cast<double>(order.size());
  for (const double t : ticks.values) {
    const double x = x_at(t);
    fmt::format_to(out,
                   "<path class=\"grid\" d=\"M{},{}V{}\" stroke=\"{}\" stroke-width=\"1\"/>\n"
                   "<text class=\"x-tick\" x=\"{}\" y=\"{}\" font-size=\"11\" "
                   "text-anchor=\"middle\" fill=\"#333\">{}</text>\n",
                   coordinate(x), coordinate(plot_top), coordinate(plot_bottom),
                   t == 0.0 ? "#555" : "#e3e3e3", coordinate(x), coordinate(plot_bottom + 15),
                   report::fixed(t, ticks.decimals));
  }
  double row_top = plot_top + kRowGap / 2;
  for (const std::size_t i : order) {
    const std::string& name = r.parameters[i];
    fmt::format_to(out,
                   "<g class=\"parameter\" data-parameter=\"{}\">\n"
                   "<text x=\"{}\" y=\"{}\" font-size=\"{}\" text-anchor=\"end\">{}</text>\n",
                   escape_xml(name), coordinate(x0 - 8),
                   coordinate(row_top + kBar * static_cast<double>(series.size()) / 2 + 4),
                   kLabelFont, escape_xml(name));
    for (std::size_t k = 0; k < series.size(); ++k) {
      const stats::Interval& v = series[k].values[i];
      const double top = row_top + kBar * static_cast<double>(k);
      const double mid = top + kBar / 2;
      if (!std::isfinite(v.estimate)) {
        fmt::format_to(out,
                       "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#666\">{} n/a</text>\n",
                       coordinate(x_at(0.0) + 4), coordinate(mid + 4), series[k].index);
        continue;
      }
      const double a = x_at(std::min(0.0, v.estimate)), b = x_at(std::max(0.0, v.estimate));
      fmt::format_to(out,
                     "<rect class=\"bar\" data-index=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" "
                     "height=\"{}\" fill=\"{}\"><title>{} {}: {}</title></rect>\n",
                     series[k].index, coordinate(a), coordinate(top + 1), coordinate(b - a),
                     coordinate(kBar - 2), series[k].colour, escape_xml(name), series[k].index,
                     report::readable(v.estimate));
      if (std::isfinite(v.low) && std::isfinite(v.high)) {
        const double l = x_at(v.low), h = x_at(v.high);
        fmt::format_to(out,
                       "<path class=\"whisker\" d=\"M{},{}H{}M{},{}V{}M{},{}V{}\" "
                       "stroke=\"#222\" stroke-width=\"1.2\" fill=\"none\"/>\n",
                       coordinate(l), coordinate(mid), coordinate(h), coordinate(l),
                       coordinate(mid - kCap), coordinate(mid + kCap), coordinate(h),
                       coordinate(mid - kCap), coordinate(mid + kCap));
      }
    }
    body += "</g>\n";
    row_top += row_height;
  }

  y = plot_bottom + 36.0;
  const std::string axis_label =
      sobol ? "share of the variance of " + r.metric
            : "mu*: mean |change in " + r.metric + "| per move across a parameter's range";
  fmt::format_to(out,
                 "<text class=\"x-label\" x=\"{}\" y=\"{}\" font-size=\"12.5\" "
                 "text-anchor=\"middle\" fill=\"#333\">{}</text>\n",
                 coordinate((x0 + x1) / 2), coordinate(y), escape_xml(axis_label));
  std::string note =
      fmt::format("{}: {} of {} {} used, each of {} points; {} resamples.", database, r.units_used,
                  r.units, sobol ? "base samples" : "trajectories",
                  sobol ? r.parameters.size() + 2 : r.parameters.size() + 1, r.bootstrap.resamples);
  if (r.replicates > 1) {
    note += fmt::format(" A point's value is the mean of its {} replicates.", r.replicates);
  }
  for (const auto& line : report::wrap_words(note, 120)) {
    y += 17.0;
    fmt::format_to(out,
                   "<text class=\"chart-note\" x=\"{}\" y=\"{}\" font-size=\"11\" "
                   "fill=\"#444\">{}</text>\n",
                   coordinate(kPad), coordinate(y), escape_xml(line));
  }
  const double height = std::ceil(y + kPad);
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sensitivity-chart\" width=\"{}\" "
      "height=\"{}\" viewBox=\"0 0 {} {}\" font-family=\"{}\" role=\"img\">\n"
      "<title>{}</title>\n"
      "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n",
      kWidth, height, kWidth, height, "DejaVu Sans, sans-serif", escape_xml(title), kWidth, height);
  svg += body;
  svg += "</svg>\n";
  return svg;
}

}  // namespace insim::sweep
