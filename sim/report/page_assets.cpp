#include "report/page_assets.hpp"

namespace insim::report {

std::string_view page_css() {
  return R"css(
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #1a1a1a; background: #fff;
  max-width: 1000px; margin: 0 auto; padding: 24px 20px 64px; line-height: 1.5; }
h1 { font-size: 1.9em; line-height: 1.25; margin: 0.2em 0; }
h2 { font-size: 1.4em; border-bottom: 2px solid #d0d0d0; padding-bottom: 4px; margin-top: 2.2em; }
h3 { font-size: 1.1em; margin: 1.2em 0 0.4em; }
.subtitle { color: #444; margin-top: 0; font-size: 1.1em; }
.lead { color: #333; }
nav.contents ol { columns: 2; margin: 0.5em 0; }
figure { margin: 1.4em 0; }
figure svg { display: block; width: 100%; height: auto; }
.maps { display: flex; flex-wrap: wrap; gap: 10px; }
.maps svg.map { flex: 1 1 300px; max-width: 440px; height: auto; border: 1px solid #e0e0e0; }
svg.map-legend { display: block; width: 100%; max-width: 1000px; height: auto; }
.slider { display: flex; align-items: center; gap: 12px; margin: 12px 0; }
.slider input { flex: 1; }
.slider output { min-width: 10em; font-weight: bold; }
table { border-collapse: collapse; width: 100%; font-size: 0.9em; margin: 0.8em 0; }
th, td { border: 1px solid #c8c8c8; padding: 4px 7px; vertical-align: top; text-align: left; }
th { background: #f2f2f2; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.spans-zero td { background: #f4f4f4; color: #555; }
.badge { display: inline-block; border: 1px solid #777; border-radius: 3px; padding: 0 4px;
  font-size: 0.85em; background: #fff; color: #333; white-space: nowrap; }
.pass { color: #00622a; font-weight: bold; }
.fail { color: #a50f15; font-weight: bold; }
ul.answers li { margin: 0.3em 0; }
pre { background: #f6f6f6; border: 1px solid #ddd; padding: 8px 10px; overflow: auto;
  white-space: pre-wrap; word-break: break-word; font-size: 0.85em; }
pre.file, pre.manifest { max-height: 26em; }
.scenarios { display: grid; grid-template-columns: repeat(auto-fit, minmax(290px, 1fr)); gap: 14px; }
.scenario { border: 1px solid #d8d8d8; border-radius: 4px; padding: 4px 12px 8px; min-width: 0; }
.scenario dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 10px; margin: 0.4em 0; }
.scenario dt { color: #555; }
.scenario dd { margin: 0; word-break: break-all; }
table.changes td { overflow-wrap: anywhere; }
table.changes td:first-child { width: 30%; }
.bar { display: flex; height: 18px; border: 1px solid #999; max-width: 640px; margin: 6px 0; }
.bar span { display: block; height: 100%; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.key { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.sources-text { white-space: pre-line; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.contents, .slider input { display: none; }
  figure, tr, .scenario, .maps, svg { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  pre.file, pre.manifest { max-height: none; overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
)css";
}

std::string_view error_counter_script() {
  return R"js(
(function () {
  var errors = 0;
  function count() {
    errors += 1;
    (document.body || document.documentElement).dataset.errors = String(errors);
  }
  window.onerror = function () { count(); };
  window.addEventListener('unhandledrejection', count);
  // A file that fails to load (an image, a script) fires 'error' on the element, not window.onerror.
  window.addEventListener('error', function (e) { if (e.target !== window) count(); }, true);
})();
)js";
}

std::string_view map_script() {
  return R"js(
(function () {
  var source = document.getElementById('map-data');
  if (source) {
    var data = JSON.parse(source.textContent);
    var slider = document.getElementById('map-slider');
    var shown = document.getElementById('map-slider-date');
    var n = data.regions.length;
    var svgNs = 'http://www.w3.org/2000/svg';
    var grouped = function (x) {
      var rounded = x < 10 ? Math.round(x * 10) / 10 : Math.round(x);
      return String(rounded).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    };
    var describe = function (s, t, r) {
      var i = t * n + r, h = s.holder[i], share = s.share[i], deaths = s.deaths[i];
      var who = (h === null || h < 0 || h >= data.holders.length || share === null)
          ? 'holder unknown'
          : data.holders[h] + ' holds ' + Math.round(share * 100) + '% of the area';
      var dead = deaths === null ? 'deaths unknown' : grouped(deaths) + ' deaths';
      return data.regions[r] + ', ' + data.dates[t] + ': ' + who + '; ' + dead +
          ' (medians of the runs)';
    };
    var setTitle = function (element, text) {
      var title = element.querySelector('title');
      if (!title) {
        title = document.createElementNS(svgNs, 'title');
        element.appendChild(title);
      }
      title.textContent = text;
    };
    var draw = function (t) {
      shown.textContent = data.dates[t];
      data.scenarios.forEach(function (s, k) {
        var svg = document.getElementById('map-' + k);
        svg.querySelector('.map-date').textContent = data.dates[t];
        for (var r = 0; r < n; r++) {
          var cell = svg.querySelector('path.region[data-region="' + r + '"]');
          var dot = svg.querySelector('circle.deaths[data-region="' + r + '"]');
          cell.setAttribute('fill', s.fill[t * n + r]);
          dot.setAttribute('r', String(s.r[t * n + r]));
          setTitle(cell, describe(s, t, r));
          setTitle(dot, describe(s, t, r));
        }
      });
    };
    slider.addEventListener('input', function () { draw(Number(slider.value)); });
    // report.html#map-month=2015-06 opens the maps at that month: a link to a moment.
    var asked = /map-month=(\d{4}-\d{2})/.exec(window.location.hash);
    if (asked && data.months.indexOf(asked[1]) >= 0) {
      slider.value = String(data.months.indexOf(asked[1]));
    }
    draw(Number(slider.value));
  }
  document.body.dataset.ready = '1';
})();
)js";
}

}  // namespace insim::report
