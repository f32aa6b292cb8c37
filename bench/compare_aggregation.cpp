// insim compare's work after the runs: summing up every run's monthly rows, scenario by
// scenario (compare/run_rows.hpp: the run files read in step, one row each at a time). Files of
// made-up rows stand in for the runs (the runs themselves are the Sahel benchmarks' business);
// the columns default to the Sahel comparison's outcomes. Reports the wall time to sum up all
// scenarios and the extra heap held while doing it, which must not grow with the months.
//
//   compare_aggregation [--scenarios 4] [--runs 200] [--months 228,2280] [--columns N]
//                       [--repetitions 3] [--csv FILE] [--benchmark_* flags]
#include <benchmark/benchmark.h>
#include <fmt/core.h>
#include <fmt/os.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "best_run_reporter.hpp"
#include "compare/outcomes.hpp"
#include "compare/run_rows.hpp"
#include "process_usage.hpp"
#include "run/scenario_loading.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Layout {
  int scenarios = 4;
  int runs = 200;
  std::int64_t months = 228;
  std::size_t columns = 0;
};

std::filesystem::path run_file(const std::filesystem::path& dir, int s, int i) {
  return dir / fmt::format("s{}-r{}.rows", s, i);
}

void write_files(const std::filesystem::path& dir, const Layout& l) {
  std::filesystem::create_directories(dir);
  std::vector<double> row(l.columns);
  for (int s = 0; s < l.scenarios; ++s) {
    for (int i = 0; i < l.runs; ++i) {
      insim::compare::RowWriter w(run_file(dir, s, i), l.columns);
      for (std::int64_t m = 0; m < l.months; ++m) {
        for (std::size_t c = 0; c < l.columns; ++c) {
          row[c] = static_cast<double>((m * 31 + static_cast<std::int64_t>(c) * 7 + i * 13) % 997);
        }
        w.write(row);
      }
      w.close();
    }
  }
}

void sum_up(benchmark::State& st, const std::filesystem::path& dir, const Layout& l) {
  for (auto _ : st) {
    const std::size_t heap0 = insim::bench::heap_in_use();
    std::size_t heap_peak = heap0;
    double checksum = 0.0;
    const auto t0 = Clock::now();
    for (int s = 0; s < l.scenarios; ++s) {
      std::vector<std::filesystem::path> files;
      for (int i = 0; i < l.runs; ++i) files.push_back(run_file(dir, s, i));
      insim::compare::summarise_runs(
          files, [&](std::uint64_t, std::span<const insim::stats::Summary> summaries) {
            checksum += summaries[0].p50;
            heap_peak = std::max(heap_peak, insim::bench::heap_in_use());
          });
    }
    st.SetIterationTime(std::chrono::duration<double>(Clock::now() - t0).count());
    st.counters["extra_heap_bytes"] = static_cast<double>(heap_peak - heap0);
    benchmark::DoNotOptimize(checksum);
  }
  st.counters["months"] = static_cast<double>(l.months);
  st.counters["runs"] = l.runs;
  st.counters["scenarios"] = l.scenarios;
  st.counters["columns"] = static_cast<double>(l.columns);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  CLI::App app{"insim compare: summing up the runs' monthly rows, time and memory"};
  Layout layout;
  std::vector<std::int64_t> months{228, 2280};
  int repetitions = 3;
  std::string csv_path;
  app.add_option("--scenarios", layout.scenarios)->check(CLI::Range(1, 100));
  app.add_option("--runs", layout.runs)->check(CLI::Range(2, 100000));
  app.add_option("--months", months, "months per run file, comma-separated")->delimiter(',');
  app.add_option("--columns", layout.columns, "values per row (default: the Sahel outcomes)");
  app.add_option("--repetitions", repetitions)->check(CLI::Range(1, 100));
  app.add_option("--csv", csv_path, "write the CSV here instead of stdout");
  CLI11_PARSE(app, argc, argv);
  if (layout.columns == 0) {
    const auto base = insim::load_scenario_file(INSIM_SOURCE_DIR "/scenarios/sahel/baseline.yaml");
    layout.columns = insim::compare::sahel_outcomes(base.def.sahel).outcomes.size();
  }

  const auto root = std::filesystem::temp_directory_path() /
                    fmt::format("insim-compare-aggregation-{}", ::getpid());
  std::vector<Layout> layouts;
  for (const std::int64_t m : months) {
    Layout l = layout;
    l.months = m;
    layouts.push_back(l);
  }
  for (std::size_t k = 0; k < layouts.size(); ++k) {
    const auto dir = root / std::to_string(k);
    benchmark::RegisterBenchmark("compare_aggregation",
                                 [dir, l = layouts[k]](benchmark::State& st) {
                                   if (!std::filesystem::exists(dir)) write_files(dir, l);
                                   sum_up(st, dir, l);
                                 })
        ->Args({static_cast<std::int64_t>(layouts[k].months)})
        ->ArgNames({"months"})
        ->Iterations(1)
        ->Repetitions(repetitions)
        ->UseManualTime()
        ->Unit(benchmark::kSecond);
  }
  insim::bench::BestRunReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  std::filesystem::remove_all(root);

  std::string csv =
      "benchmark,scenarios,runs,months,columns,seconds,seconds_median,seconds_max,repetitions,"
      "extra_heap_bytes,insim_version,git_commit\n";
  for (const auto& b : reporter.best()) {
    csv += fmt::format("compare_aggregation,{},{},{},{},{:.4g},{:.4g},{:.4g},{},{},{}\n",
                       b.counter("scenarios"), b.counter("runs"), b.counter("months"),
                       b.counter("columns"), b.min_seconds, b.median_seconds, b.max_seconds,
                       b.repetitions, b.counter("extra_heap_bytes"),
                       insim::bench::provenance_cells());
  }
  if (csv_path.empty()) {
    fmt::print("{}", csv);
  } else {
    auto out = fmt::output_file(csv_path);
    out.print("{}", csv);
  }
  return 0;
}
