#include "report/html_sections.hpp"

#include <fmt/format.h>

#include <iterator>

#include "report/report_text.hpp"

namespace insim::report {

namespace {
std::string e(std::string_view text) { return escape_xml(text); }

std::string window_words(const ReportData& data) {
  return fmt::format("from {} to {}", data.window_from, data.window_to);
}

bool any_headline(const ReportData& data) {
  for (const DifferenceRow& row : data.differences) {
    if (row.headline) return true;
  }
  return false;
}

std::string percent_of(std::size_t part, std::size_t whole) {
  return whole == 0 ? "0%"
                    : fmt::format("{:.0f}%",
                                  100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

std::string validation_html(const ReportData& data) {
  const TrustData& t = data.trust;
  const std::string base_file = data.scenarios.front().file;
  if (t.validation_runs == 0) {
    return fmt::format(
        "<h3>Historical patterns</h3>\n<p>The check against history was not run for this "
        "report, so this page cannot say which historical patterns the base scenario "
        "reproduces. To run it (20 runs of the base scenario):</p>\n<pre>insim check {} "
        "--runs 20</pre>\n",
        e(base_file.empty() ? "BASE" : base_file));
  }
  std::size_t passed = 0;
  for (const ValidationLine& v : t.validation) passed += v.pass ? 1 : 0;
  std::string out = fmt::format(
      "<h3>Historical patterns</h3>\n<p>The base scenario was checked against patterns seen in "
      "history, over {} runs: it reproduces <strong>{} of {}</strong> ({} not reproduced).</p>\n"
      "<table class=\"validation\">\n<thead><tr><th>Check</th><th>What it tests</th>"
      "<th>Expected</th><th>Mean of the runs</th><th>Result</th><th>Source</th></tr></thead>\n"
      "<tbody>\n",
      t.validation_runs, passed, t.validation.size(), t.validation.size() - passed);
  for (const ValidationLine& v : t.validation) {
    fmt::format_to(std::back_inserter(out),
                   "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
                   "<td class=\"{}\">{}</td><td>{}</td></tr>\n",
                   e(v.id), e(v.what), e(v.band), readable(v.mean), v.pass ? "pass" : "fail",
                   v.pass ? "pass" : "fail", e(v.source));
  }
  out += "</tbody>\n</table>\n";
  return out;
}

std::string value_sources_html(const TrustData& t) {
  const std::size_t total =
      t.values_documents + t.values_public_sources + t.values_assumptions + t.values_unstated;
  struct Part {
    const char* words;  // after "N (P%)"
    std::size_t count;
    const char* colour;
  };
  const Part parts[] = {
      {"rest on documents (reports, studies, datasets)", t.values_documents, "#009E73"},
      {"rest on other public sources", t.values_public_sources, "#56B4E9"},
      {"rest on assumptions", t.values_assumptions, "#E69F00"},
      {"give no source", t.values_unstated, "#9a9a9a"}};
  std::string out = fmt::format(
      "<h3>What the numbers rest on</h3>\n<p>Of the {} values set in the base scenario's "
      "files:</p>\n<ul class=\"value-sources\">\n",
      total);
  for (const Part& p : parts) {
    fmt::format_to(std::back_inserter(out),
                   "<li><span class=\"key\" style=\"background:{}\"></span>{} ({}) {}</li>\n",
                   p.colour, p.count, percent_of(p.count, total), p.words);
  }
  out += "</ul>\n<div class=\"bar\" role=\"img\" aria-label=\"shares of the values by source\">";
  for (const Part& p : parts) {
    if (p.count == 0 || total == 0) continue;
    fmt::format_to(std::back_inserter(out),
                   "<span style=\"width:{:.2f}%;background:{}\" title=\"{} {}\"></span>",
                   100.0 * static_cast<double>(p.count) / static_cast<double>(total), p.colour,
                   p.count, p.words);
  }
  out += "</div>\n";
  return out;
}

std::string changes_table(const ScenarioInfo& s, const ScenarioInfo& base, bool is_base) {
  if (is_base) return "<p>The reference: every other scenario is compared with this one.</p>\n";
  if (s.changes.empty()) return "<p>No parameter differs from the base scenario.</p>\n";
  std::string out = fmt::format(
      "<table class=\"changes\">\n<thead><tr><th>Parameter</th><th>{}</th><th>{}</th>"
      "<th>Source</th></tr></thead>\n<tbody>\n",
      e(base.label), e(s.label));
  for (const ParameterChange& c : s.changes) {
    fmt::format_to(std::back_inserter(out),
                   "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                   e(c.path), e(c.base_value), e(c.value), e(c.source));
  }
  out += "</tbody>\n</table>\n";
  return out;
}
}  // namespace

std::string answer_html(const ReportData& data) {
  const bool only_headlines = any_headline(data);
  std::string out = fmt::format(
      "<section id=\"answer\">\n<h2>The answer in short</h2>\n<p class=\"lead\">Each scenario "
      "against {}, {}, over {} paired runs (run i of every scenario uses the same random "
      "seed). The ranges are 95% confidence intervals.</p>\n",
      e(data.scenarios.front().label), e(window_words(data)), data.runs);
  if (data.differences.empty()) out += "<p>No differences were computed.</p>\n";
  for (std::size_t alt = 1; alt < data.scenarios.size(); ++alt) {
    std::string items;
    for (const DifferenceRow& row : data.differences) {
      if (row.alternative != alt || (only_headlines && !row.headline)) continue;
      fmt::format_to(std::back_inserter(items), "<li>{}{}</li>\n", e(row.sentence),
                     row.spans_zero ? " <span class=\"badge\">cannot tell apart</span>" : "");
    }
    if (items.empty()) continue;
    fmt::format_to(std::back_inserter(out),
                   "<h3>{} compared with {}</h3>\n<ul class=\"answers\">\n{}</ul>\n",
                   e(data.scenarios[alt].label), e(data.scenarios.front().label), items);
  }
  out += "</section>\n";
  return out;
}

std::string differences_html(const ReportData& data) {
  const std::string& base = data.scenarios.front().label;
  std::string out = fmt::format(
      "<section id=\"differences\">\n<h2>The table of differences</h2>\n<p class=\"lead\">Each "
      "row compares one scenario with {} {}. Means are over {} runs; the difference is the "
      "mean of the paired differences (run i against run i), with its 95% confidence interval. "
      "Grey rows marked <span class=\"badge\">cannot tell apart</span>: the interval includes "
      "zero, so the runs do not show a difference either way.</p>\n",
      e(base), e(window_words(data)), data.runs);
  out += fmt::format(
      "<table class=\"differences\">\n<thead><tr><th>Outcome</th><th>Scenario</th>"
      "<th>{} (mean)</th><th>Scenario (mean)</th><th>Difference (95% CI)</th>"
      "<th>Relative (95% CI)</th><th>In words</th></tr></thead>\n<tbody>\n",
      e(base));
  for (const DifferenceRow& r : data.differences) {
    const std::string relative =
        r.relative_defined
            ? fmt::format("{}<br>({} to {})", signed_percent(r.relative),
                          signed_percent(r.relative_low), signed_percent(r.relative_high))
            : std::string("not defined (the base is 0)");
    fmt::format_to(std::back_inserter(out),
                   "<tr{}><td>{}<br><small>{}</small></td><td>{}</td><td class=\"num\">{}</td>"
                   "<td class=\"num\">{}</td><td class=\"num\">{}<br>({} to {}){}</td>"
                   "<td class=\"num\">{}</td><td>{}</td></tr>\n",
                   r.spans_zero ? " class=\"spans-zero\"" : "", e(r.outcome), e(r.unit),
                   e(data.scenarios[r.alternative].label), readable(r.base_mean),
                   readable(r.alternative_mean), signed_readable(r.difference),
                   signed_readable(r.difference_low), signed_readable(r.difference_high),
                   r.spans_zero ? "<br><span class=\"badge\">cannot tell apart</span>" : "",
                   relative, e(r.sentence));
  }
  out += "</tbody>\n</table>\n</section>\n";
  return out;
}

std::string trust_html(const ReportData& data) {
  std::string out =
      "<section id=\"trust\">\n<h2>How far to trust this</h2>\n<p class=\"lead\">A model is a "
      "simplification: these numbers show what follows from its assumptions, not forecasts. "
      "Three things help judge them: whether the model reproduces what happened, what its "
      "numbers rest on, and what it leaves out.</p>\n";
  out += validation_html(data);
  out += value_sources_html(data.trust);
  out += "<h3>The model's main limits</h3>\n";
  if (data.trust.limits.empty()) {
    out += "<p>No limits were listed.</p>\n";
  } else {
    out += "<ul class=\"limits\">\n";
    for (const std::string& limit : data.trust.limits) out += "<li>" + e(limit) + "</li>\n";
    out += "</ul>\n";
  }
  out += "</section>\n";
  return out;
}

std::string scenarios_html(const ReportData& data) {
  // The cards side by side hold what each scenario is; the tables of changes, as wide as the
  // page, follow them: parameter paths and sources are too long for a third of the width.
  std::string out =
      "<section id=\"scenarios\">\n<h2>What each scenario changes</h2>\n<div "
      "class=\"scenarios\">\n";
  for (std::size_t i = 0; i < data.scenarios.size(); ++i) {
    const ScenarioInfo& s = data.scenarios[i];
    fmt::format_to(std::back_inserter(out),
                   "<div class=\"scenario\">\n<h3>{}{}</h3>\n<dl><dt>Name</dt><dd>{}</dd>"
                   "<dt>File</dt><dd><code>{}</code></dd></dl>\n<p>{}</p>\n",
                   e(s.label), i == 0 ? " (base)" : "", e(s.name), e(s.file), e(s.description));
    fmt::format_to(std::back_inserter(out),
                   "<details><summary>The file</summary>\n<pre class=\"file\">{}</pre>"
                   "</details>\n</div>\n",
                   e(s.text));
  }
  out += "</div>\n";
  for (std::size_t i = 1; i < data.scenarios.size(); ++i) {
    const ScenarioInfo& s = data.scenarios[i];
    fmt::format_to(std::back_inserter(out), "<h3>What &ldquo;{}&rdquo; changes</h3>\n",
                   e(s.label));
    out += changes_table(s, data.scenarios.front(), false);
  }
  out += "</section>\n";
  return out;
}

}  // namespace insim::report
