#include "sweep/export_csv.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include "output/atomic_file.hpp"
#include "output/csv_field.hpp"
#include "output/number_format.hpp"

namespace insim::sweep {

namespace fs = std::filesystem;

namespace {

// One line of a CSV file, built field by field and written when complete.
class CsvLine {
 public:
  CsvLine& text(std::string_view s) {
    separate();
    output::write_csv_field(std::back_inserter(line_), s);
    return *this;
  }
  CsvLine& integer(std::int64_t v) {
    separate();
    fmt::format_to(std::back_inserter(line_), "{}", v);
    return *this;
  }
  CsvLine& number(double v) {  // empty for NaN or infinity: what CSV readers take as missing
    separate();
    if (std::isfinite(v)) output::format_number(std::back_inserter(line_), v);
    return *this;
  }
  void write_to(output::AtomicFile& file) {
    line_ += '\n';
    file.write(line_);
    line_.clear();
    first_ = true;
  }

 private:
  void separate() {
    if (!first_) line_ += ',';
    first_ = false;
  }
  std::string line_;
  bool first_ = true;
};

}  // namespace

ExportSummary export_csv(const ResultReader& reader, const fs::path& folder) {
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) {
    throw output::OutputError(
        fmt::format("cannot create folder '{}': {}", folder.string(), ec.message()));
  }
  const SweepPlan& plan = reader.plan();
  ExportSummary summary;
  std::vector<std::unique_ptr<output::AtomicFile>> files;
  const auto open = [&](const char* name) -> output::AtomicFile& {
    files.push_back(std::make_unique<output::AtomicFile>(folder / name));
    return *files.back();
  };
  CsvLine line;

  auto& points = open("points.csv");
  line.text("point_id").text("role");
  for (const auto& p : plan.parameters) line.text(p.name);
  line.write_to(points);
  for (std::size_t i = 0; i < plan.points.size(); ++i) {
    line.integer(static_cast<std::int64_t>(i)).text(plan.points[i].role);
    for (const auto& v : plan.points[i].values) {
      if (v.number) {
        line.number(*v.number);
      } else {
        line.text(v.text);
      }
    }
    line.write_to(points);
    ++summary.points;
  }

  auto& runs = open("runs.csv");
  line.text("run_id").text("point_id").text("replicate").text("seed").text("status");
  line.text("error").text("wall_seconds").write_to(runs);
  for (const RunRow& r : reader.runs()) {
    line.integer(r.run_id).integer(r.point_id).integer(r.replicate).integer(r.seed);
    line.text(r.done ? "done" : "failed").text(r.error).number(r.wall_seconds).write_to(runs);
    ++summary.runs;
  }

  auto& metrics = open("metrics.csv");
  line.text("run_id").text("point_id").text("replicate");
  for (const auto& m : plan.metrics) line.text(m.name);
  line.write_to(metrics);
  reader.for_each_metrics_row([&](const RunRow& r, std::span<const double> values) {
    line.integer(r.run_id).integer(r.point_id).integer(r.replicate);
    for (const double v : values) line.number(v);
    line.write_to(metrics);
    ++summary.metric_rows;
  });

  if (!plan.series_columns.empty()) {
    auto& series = open("series.csv");
    line.text("run_id").text("step").text("date").text("column").text("value").write_to(series);
    reader.for_each_series_row([&](const SeriesRow& s) {
      line.integer(s.run_id).integer(s.step).text(s.date).text(s.column).number(s.value);
      line.write_to(series);
      ++summary.series_rows;
    });
  }

  // Every file durable before any replaces its target.
  for (auto& f : files) f->finish();
  for (auto& f : files) {
    f->commit();
    summary.files.push_back(f->target());
  }
  return summary;
}

}  // namespace insim::sweep
