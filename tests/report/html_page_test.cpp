#include "report/html_page.hpp"

#include <catch2/catch.hpp>

#include "fake_report.hpp"
#include "report/svg_chart.hpp"
#include "text_search.hpp"

using namespace insim::report;
using insim::test::count_of;
using insim::test::fake_report;

namespace {
std::string page_of(const ReportData& d) {
  std::vector<std::string> labels, svgs;
  for (const auto& s : d.scenarios) labels.push_back(s.label);
  for (const auto& c : d.charts) svgs.push_back(time_chart_svg(c, d.dates, labels, d.runs));
  return report_html(d, svgs);
}

// The text between the first `from` and the next `to` after it.
std::string between(const std::string& text, const std::string& from, const std::string& to) {
  const std::size_t start = text.find(from);
  if (start == std::string::npos) return {};
  return text.substr(start, text.find(to, start) - start);
}
}  // namespace

TEST_CASE("page: the sections come in the reader's order") {
  const std::string html = page_of(fake_report());
  const char* order[] = {"<h1>",
                         "<h2>The answer in short</h2>",
                         "<h2>Over time</h2>",
                         "<h2>Who holds what, and where people die</h2>",
                         "<h2>The table of differences</h2>",
                         "<h2>How far to trust this</h2>",
                         "<h2>What each scenario changes</h2>",
                         "<h2>Reproduce</h2>",
                         "<h2>Run manifest</h2>",
                         "<h2>Data sources</h2>"};
  std::size_t at = 0;
  for (const char* heading : order) {
    CAPTURE(heading);
    const std::size_t found = html.find(heading);
    REQUIRE(found != std::string::npos);
    CHECK(found > at);
    at = found;
  }
}

TEST_CASE("page: it is self-contained: nothing is fetched from anywhere") {
  const std::string html = page_of(fake_report());
  CHECK(count_of(html, " src=") == 0);
  CHECK(count_of(html, "<link") == 0);
  CHECK(count_of(html, "url(") == 0);
  CHECK(count_of(html, "@import") == 0);
  CHECK(count_of(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\"") == 3);
  CHECK(count_of(html, "<path class=\"region\"") == 27);
  CHECK(count_of(html, "document.body.dataset.ready = '1'") == 1);
}

TEST_CASE("page: a scenario named like markup is shown as text, never run") {
  ReportData d = fake_report();
  d.scenarios[1].label = "<script>alert('x')</script>";
  d.scenarios[1].text = "name: </pre><script>bad()</script>";
  d.manifest_json = "{\"note\": \"</pre><img src=x onerror=alert(1)>\"}";
  d.title = "A & B <i>";
  const std::string html = page_of(d);
  CHECK(count_of(html, "<script>alert") == 0);
  CHECK(count_of(html, "<script>bad()") == 0);
  CHECK(count_of(html, "<img") == 0);
  CHECK(count_of(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") >= 4);
  CHECK(count_of(html, "<title>A &amp; B &lt;i&gt;</title>") == 1);
  // In the map's JSON the name is an escape, so it cannot close the <script> element.
  const std::string json =
      between(html, "<script type=\"application/json\" id=\"map-data\">", "</script>");
  CHECK(json.find("\\u003cscript>alert('x')\\u003c/script>") != std::string::npos);
  // The page's own two scripts and the JSON are the only <script> elements.
  CHECK(count_of(html, "<script") == 3);
}

TEST_CASE("page: rows whose interval spans zero say the scenarios cannot be told apart") {
  const std::string html = page_of(fake_report());
  const std::string table = between(html, "<table class=\"differences\">", "</table>");
  CHECK(count_of(table, "<tr class=\"spans-zero\">") == 2);
  CHECK(count_of(table, "cannot tell apart</span>") == 2);
  CHECK(count_of(table, "\u22121,300<br>(\u22121,700 to \u2212900)") == 2);
  CHECK(count_of(table, "\u221231%<br>(\u221240% to \u221222%)") == 2);
}

TEST_CASE("page: the answer in short shows the headline rows, or all rows when none is marked") {
  ReportData d = fake_report();
  std::string answer = between(page_of(d), "<section id=\"answer\">", "</section>");
  CHECK(count_of(answer, "civilian deaths 2018-2021 are 31% lower") == 2);
  CHECK(count_of(answer, "Displaced people") == 0);
  for (auto& row : d.differences) row.headline = false;
  answer = between(page_of(d), "<section id=\"answer\">", "</section>");
  CHECK(count_of(answer, "Displaced people: cannot tell apart") == 2);
}

TEST_CASE("page: how far to trust it: the validation, the sources and the limits") {
  ReportData d = fake_report();
  std::string trust = between(page_of(d), "<section id=\"trust\">", "</section>");
  CHECK(count_of(trust, "reproduces <strong>1 of 2</strong>") == 1);
  CHECK(count_of(trust, "<td class=\"pass\">pass</td>") == 1);
  CHECK(count_of(trust, "<td class=\"fail\">fail</td>") == 1);
  CHECK(count_of(trust, "&lt;= 0.5") == 1);
  CHECK(count_of(trust, "30 (30%) rest on assumptions") == 1);
  CHECK(count_of(trust, "width:30.00%") == 1);
  CHECK(count_of(trust, "<li>Regions are whole units") == 1);

  d.trust.validation_runs = 0;
  trust = between(page_of(d), "<section id=\"trust\">", "</section>");
  CHECK(count_of(trust, "was not run") == 1);
  CHECK(count_of(trust, "<pre>insim check scenarios/sahel/scenario_0.yaml --runs 20</pre>") == 1);
  CHECK(count_of(trust, "<table class=\"validation\">") == 0);
}

TEST_CASE("page: each scenario shows its description, changes and file text") {
  const std::string html = page_of(fake_report());
  const std::string part = between(html, "<section id=\"scenarios\">", "</section>");
  CHECK(count_of(part, "<div class=\"scenario\">") == 3);
  CHECK(count_of(part, "<table class=\"changes\">") == 2);
  CHECK(count_of(part, "<code>sahel.changes.drop_events</code>") == 2);
  CHECK(count_of(part, "<pre class=\"file\">extends: baseline.yaml") == 3);
  CHECK(count_of(html, "<pre class=\"command\">insim compare scenarios/sahel/baseline.yaml") == 1);
  CHECK(count_of(html, "&quot;note&quot;: &quot;a &lt;b&gt; &amp; c&quot;") == 1);
}

TEST_CASE("page: the slider spans every month and starts at the window's last month") {
  const ReportData d = fake_report(3, 120);
  const std::string html = page_of(d);
  CHECK(count_of(html, "id=\"map-slider\" min=\"0\" max=\"119\" step=\"1\" value=\"119\"") == 1);
  ReportData earlier = d;
  earlier.window_to = "2019-06-30";
  CHECK(count_of(page_of(earlier), "max=\"119\" step=\"1\" value=\"89\"") == 1);
  CHECK(count_of(page_of(earlier), ">June 2019</text>") == 3);
}

TEST_CASE("page: a model without regions gets no map, and the page still becomes ready") {
  ReportData d = fake_report();
  d.map = {};
  const std::string html = page_of(d);
  CHECK(count_of(html, "no map") == 1);
  CHECK(count_of(html, "id=\"map-data\"") == 0);
  CHECK(count_of(html, "document.body.dataset.ready = '1'") == 1);
}

TEST_CASE("page: inconsistent data is refused with a message naming the part") {
  ReportData d = fake_report();
  d.charts[1].panels[0].by_scenario.pop_back();
  CHECK_THROWS_WITH(page_of(d), Catch::Contains("chart 'territory_held', panel 'State'"));
  d = fake_report();
  d.charts[0].id = "../escape";
  CHECK_THROWS_WITH(page_of(d), Catch::Contains("chart id '../escape'"));
  d = fake_report();
  d.map.by_scenario[2].deaths.pop_back();
  CHECK_THROWS_WITH(page_of(d), Catch::Contains("map layer of scenario 2"));
  d = fake_report();
  d.differences[0].alternative = 0;
  CHECK_THROWS_AS(page_of(d), std::invalid_argument);
  d = fake_report();
  d.dates[3] = "2012/04";
  CHECK_THROWS_WITH(page_of(d), Catch::Contains("'2012/04' is not YYYY-MM"));
}
