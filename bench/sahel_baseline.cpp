// The whole Sahel baseline (2012-2030, 992 weeks) at the scenario's scale (100 people per
// agent), as `insim run` does it: read the scenario, build the world, run every week, write
// every output (timeseries, regions, events, yearly, summary, manifest) into a scratch folder.
// Wall time per run, for each thread count; the fastest repetition is kept. Also the step loop
// alone (recording rows included), from the runner's agent-steps per second.
//
//   sahel_baseline [--threads 1,2] [--repetitions 3] [--scenario FILE] [--csv FILE]
//                  [--benchmark_* flags]
#include <benchmark/benchmark.h>
#include <fmt/core.h>
#include <fmt/os.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "best_run_reporter.hpp"
#include "process_usage.hpp"
#include "run/runner.hpp"
#include "run/scenario_loading.hpp"

namespace {

using Clock = std::chrono::steady_clock;

void run_baseline(benchmark::State& st, const std::string& scenario,
                  const std::filesystem::path& out, int threads) {
  insim::RunResult result;
  for (auto _ : st) {
    const double cpu0 = insim::bench::cpu_seconds();
    const auto t0 = Clock::now();
    const auto loaded = insim::load_scenario_file(scenario);
    insim::RunOptions options;
    options.threads = threads;
    options.out_dir = out;
    result = insim::run_scenario(loaded, options);
    st.SetIterationTime(std::chrono::duration<double>(Clock::now() - t0).count());
    st.counters["cpu_seconds"] = insim::bench::cpu_seconds() - cpu0;  // all threads
    st.counters["people_per_agent"] = loaded.def.sahel.world.people_per_agent;
  }
  st.counters["threads"] = threads;
  st.counters["agents"] = static_cast<double>(result.agents);
  st.counters["steps"] = static_cast<double>(result.steps);
  st.counters["model_seconds"] =
      static_cast<double>(result.agents * result.steps) / result.agent_steps_per_second;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  CLI::App app{"The Sahel baseline 2012-2030 end to end: wall time per run"};
  std::vector<int> thread_counts{1, 2};
  int repetitions = 3;
  std::string scenario = INSIM_SOURCE_DIR "/scenarios/sahel/baseline.yaml";
  std::string csv_path;
  app.add_option("--threads", thread_counts, "thread counts, comma-separated")->delimiter(',');
  app.add_option("--repetitions", repetitions, "runs per thread count; the fastest is kept")
      ->check(CLI::Range(1, 100));
  app.add_option("--scenario", scenario, "the scenario to run");
  app.add_option("--csv", csv_path, "write the CSV here instead of stdout");
  CLI11_PARSE(app, argc, argv);
  try {
    (void)insim::load_scenario_file(scenario);  // a bad file fails here, with its message
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}\n", e.what());
    return 2;
  }

  const auto out =
      std::filesystem::temp_directory_path() / fmt::format("insim-sahel-baseline-{}", ::getpid());
  for (int threads : thread_counts) {
    benchmark::RegisterBenchmark("sahel_baseline",
                                 [&scenario, &out, threads](benchmark::State& st) {
                                   run_baseline(st, scenario, out, threads);
                                 })
        ->Args({threads})
        ->ArgNames({"threads"})
        ->Iterations(1)
        ->Repetitions(repetitions)
        ->UseManualTime()
        ->Unit(benchmark::kSecond);
  }
  insim::bench::BestRunReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  std::filesystem::remove_all(out);

  std::string csv =
      "benchmark,threads,people_per_agent,agents,steps,seconds,seconds_median,seconds_max,"
      "repetitions,cpu_seconds,model_seconds,agent_steps_per_second,speedup_vs_1_thread,"
      "insim_version,git_commit\n";
  double one_thread_seconds = 0;
  for (const auto& b : reporter.best()) {
    const double threads = b.counter("threads");
    if (threads == 1) one_thread_seconds = b.min_seconds;
    const double model_seconds = b.counter("model_seconds");
    csv += fmt::format(
        "sahel_baseline,{},{},{},{},{:.4g},{:.4g},{:.4g},{},{:.4g},{:.4g},{:.4g},{},{}\n", threads,
        b.counter("people_per_agent"), b.counter("agents"), b.counter("steps"), b.min_seconds,
        b.median_seconds, b.max_seconds, b.repetitions, b.counter("cpu_seconds"), model_seconds,
        b.counter("agents") * b.counter("steps") / model_seconds,
        one_thread_seconds > 0 ? fmt::format("{:.3f}", one_thread_seconds / b.min_seconds) : "",
        insim::bench::provenance_cells());
  }
  if (csv_path.empty()) {
    std::fputs(csv.c_str(), stdout);
  } else {
    auto out_file = fmt::output_file(csv_path);
    out_file.print("{}", csv);
    fmt::print(stderr, "wrote {}\n", csv_path);
  }
  return 0;
}
