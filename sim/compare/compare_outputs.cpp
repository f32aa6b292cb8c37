#include "compare/compare_outputs.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

#include "compare/sentence.hpp"
#include "output/csv_field.hpp"
#include "output/number_format.hpp"
#include "report/html_report.hpp"
#include "run/run_environment.hpp"
#include "stats/paired.hpp"
#include "validation/report_format.hpp"

namespace insim::compare {

namespace {

using output::csv_field;
using output::format_number;

std::string number_or_empty(double x) { return std::isnan(x) ? std::string() : format_number(x); }

std::string month_text(Date d) { return fmt::format("{:04}-{:02}", d.year, d.month); }

}  // namespace

OutputFiles::OutputFiles(const std::filesystem::path& out_dir)
    : out_dir_(out_dir),
      summary_(out_dir / kSummaryCsv),
      runs_(out_dir / kRunsCsv),
      differences_(out_dir / kDifferencesCsv),
      validation_(out_dir / kValidationCsv),
      manifest_(out_dir / kCompareManifest) {
  summary_.write("scenario,outcome,label,unit,month,runs,mean,p5,p25,p50,p75,p95\n");
}

std::vector<report::SeriesBands> OutputFiles::summarise_scenario(
    const ScenarioSet& set, const Outcomes& outcomes, std::size_t s,
    const std::vector<std::filesystem::path>& run_files, std::int64_t months) {
  const std::size_t k_count = outcomes.outcomes.size();
  std::vector<report::SeriesBands> bands(k_count);
  for (auto& b : bands) {
    for (auto* v : {&b.p5, &b.p25, &b.p50, &b.p75, &b.p95}) v->reserve(months);
  }
  const std::string scenario = csv_field(set.labels[s]);
  std::string line;
  summarise_runs(run_files, [&](std::uint64_t month, std::span<const stats::Summary> summaries) {
    const std::string label = month_label(set.calendar, static_cast<std::int64_t>(month));
    for (std::size_t k = 0; k < k_count; ++k) {
      const stats::Summary& x = summaries[k];
      bands[k].p5.push_back(x.p5);
      bands[k].p25.push_back(x.p25);
      bands[k].p50.push_back(x.p50);
      bands[k].p75.push_back(x.p75);
      bands[k].p95.push_back(x.p95);
      const Outcome& o = outcomes.outcomes[k];
      line = fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", scenario, csv_field(o.id),
                         csv_field(o.label), csv_field(o.unit), label, x.count,
                         number_or_empty(x.mean), number_or_empty(x.p5), number_or_empty(x.p25),
                         number_or_empty(x.p50), number_or_empty(x.p75), number_or_empty(x.p95));
      summary_.write(line);
    }
  });
  return bands;
}

std::vector<report::DifferenceRow> differences(const CompareInputs& in) {
  const std::string window =
      fmt::format("from {} to {}", month_text(in.set.window.from), month_text(in.set.window.to));
  std::vector<report::DifferenceRow> rows;
  const std::size_t runs = in.windows[0].size();
  std::vector<double> base(runs), alternative(runs);
  for (std::size_t r = 0; r < in.outcomes.table.size(); ++r) {
    const TableRow& row = in.outcomes.table[r];
    for (std::size_t s = 1; s < in.set.scenarios.size(); ++s) {
      for (std::size_t i = 0; i < runs; ++i) {
        base[i] = in.windows[0][i][r];
        alternative[i] = in.windows[s][i][r];
      }
      const stats::PairedDifference d = stats::paired_difference(base, alternative);
      report::DifferenceRow out;
      out.outcome = in.outcomes.outcomes[row.outcome].label;
      out.unit = row.unit;
      out.alternative = s;
      out.base_mean = d.base_mean;
      out.alternative_mean = d.alternative_mean;
      out.difference = d.absolute.estimate;
      out.difference_low = d.absolute.low;
      out.difference_high = d.absolute.high;
      out.relative_defined = d.relative_defined;
      out.relative = d.relative.estimate;
      out.relative_low = d.relative.low;
      out.relative_high = d.relative.high;
      out.spans_zero = d.spans_zero;
      out.headline = row.headline;
      out.sentence = difference_sentence(in.set.labels[s], row.label, row.unit, window,
                                         fmt::format("\"{}\"", in.set.labels[0]), d);
      rows.push_back(std::move(out));
    }
  }
  return rows;
}

CompareResult OutputFiles::finish(const CompareInputs& in) {
  const auto& set = in.set;
  const std::size_t runs = in.windows[0].size();

  std::string text = "scenario,replicate,seed,outcome,label,unit,from,to,value\n";
  for (std::size_t s = 0; s < set.scenarios.size(); ++s) {
    for (std::size_t i = 0; i < runs; ++i) {
      for (std::size_t r = 0; r < in.outcomes.table.size(); ++r) {
        const TableRow& row = in.outcomes.table[r];
        const Outcome& o = in.outcomes.outcomes[row.outcome];
        text += fmt::format("{},{},{},{},{},{},{},{},{}\n", csv_field(set.labels[s]), i,
                            set.first_seed + static_cast<std::int64_t>(i), csv_field(o.id),
                            csv_field(o.label), csv_field(row.unit), to_string(set.window.from),
                            to_string(set.window.to), number_or_empty(in.windows[s][i][r]));
      }
    }
  }
  runs_.write(text);

  std::vector<report::DifferenceRow> rows = differences(in);
  text =
      "outcome,unit,scenario,base,from,to,runs,base_mean,alternative_mean,difference,"
      "difference_low,difference_high,relative,relative_low,relative_high,spans_zero,sentence\n";
  for (const auto& d : rows) {
    text += fmt::format(
        "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(d.outcome),
        csv_field(d.unit), csv_field(set.labels[d.alternative]), csv_field(set.labels[0]),
        to_string(set.window.from), to_string(set.window.to), runs, number_or_empty(d.base_mean),
        number_or_empty(d.alternative_mean), number_or_empty(d.difference),
        number_or_empty(d.difference_low), number_or_empty(d.difference_high),
        d.relative_defined ? number_or_empty(d.relative) : "",
        d.relative_defined ? number_or_empty(d.relative_low) : "",
        d.relative_defined ? number_or_empty(d.relative_high) : "",
        d.spans_zero ? "true" : "false", csv_field(d.sentence));
  }
  differences_.write(text);

  validation_.write(in.validation ? validation::to_csv(*in.validation)
                                  : std::string("# validation not run: ") + in.validation_note +
                                        "\n");

  nlohmann::ordered_json m =
      manifest_opening("insim compare", in.started_utc, in.options.command_line);
  m["runs_per_scenario"] = runs;
  m["seeds"] = {{"first", set.first_seed},
                {"last", set.first_seed + static_cast<std::int64_t>(runs) - 1},
                {"note", "replicate i runs seed first + i in every scenario (paired runs)"}};
  m["steps"] = set.steps;
  m["calendar_start"] = to_string(set.calendar.start());
  m["window"] = {{"from", to_string(set.window.from)}, {"to", to_string(set.window.to)}};
  m["validation_runs"] = in.validation ? in.validation->seeds.size() : 0;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (std::size_t s = 0; s < set.scenarios.size(); ++s) {
    const auto& sc = set.scenarios[s];
    list.push_back({{"label", set.labels[s]},
                    {"file", in.options.scenarios[s].string()},
                    {"files", sc.info.files},
                    {"scenario_hash", sc.info.hash},
                    {"people_per_agent", sc.def.sahel.world.people_per_agent}});
  }
  m["scenarios"] = list;
  m["wall_seconds_runs"] = in.wall_seconds;
  m["outputs"] = {"report.html", "figures/", kSummaryCsv, kRunsCsv, kDifferencesCsv,
                  kValidationCsv, kCompareManifest};
  const std::string manifest_json = m.dump(2) + "\n";
  manifest_.write(manifest_json);

  const report::ReportData data = report_data(in, std::move(rows), manifest_json);
  const report::WrittenReport written = report::write_report(data, out_dir_);

  // The tables and, last, the manifest (output::commit_all).
  const std::array<output::AtomicFile*, 5> tables{&summary_, &runs_, &differences_, &validation_,
                                                  &manifest_};
  output::commit_all(tables);
  CompareResult result;
  result.report = written.html;
  result.files = {written.html};
  result.files.insert(result.files.end(), written.figures.begin(), written.figures.end());
  for (const output::AtomicFile* f : tables) result.files.push_back(f->target());
  return result;
}

}  // namespace insim::compare
