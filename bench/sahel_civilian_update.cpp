// Phase 5 of the Sahel model (decide_civilians: every civilian's weekly choice) timed alone, at
// one agent per person (~16 million agents), on the baseline advanced into the conflict
// (default: to 2019-01-01, when supporters, fighters, the displaced and refugees all exist).
// Each repetition is one week: phases 0-4 untimed, phase 5 timed, phase 6 untimed, so the
// state keeps moving as in a run; the fastest week is kept. Thread counts run one after the
// other, on successive weeks. Also reports bytes per agent: the civilian arrays, the whole model
// (heap held once it is built and advanced), and the process's peak resident memory.
//
//   sahel_civilian_update [--people-per-agent 1] [--until 2019-01-01] [--threads 1,2]
//                         [--weeks 8] [--scenario FILE] [--csv FILE] [--benchmark_* flags]
#include <benchmark/benchmark.h>
#include <fmt/core.h>
#include <fmt/os.h>

#include <CLI/CLI.hpp>
#include <array>
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "best_run_reporter.hpp"
#include "core/calendar.hpp"
#include "engine/parallel.hpp"
#include "phased_sahel.hpp"
#include "process_usage.hpp"
#include "run/scenario_loading.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using insim::sahel::CivilianStatus;
using insim::sahel::PhasedSahel;

struct Prepared {
  std::int64_t people_per_agent = 1;
  double model_bytes = 0;
  std::array<std::int64_t, 6> statuses{};  // agents by CivilianStatus when timing starts
};

void time_weeks(benchmark::State& st, PhasedSahel& model, int threads) {
  const insim::ThreadLimit limit(threads);
  const auto agents = static_cast<double>(model.state().world.civilians.size());
  std::int64_t step = 0;
  double cpu = 0.0;
  for (auto _ : st) {
    step = model.state().step;
    model.phases_before_civilians();
    const double cpu0 = insim::bench::cpu_seconds();
    const auto t0 = Clock::now();
    model.civilians();
    st.SetIterationTime(std::chrono::duration<double>(Clock::now() - t0).count());
    cpu = insim::bench::cpu_seconds() - cpu0;
    model.phases_after_civilians();
  }
  st.counters["agents"] = agents;
  st.counters["threads"] = threads;
  st.counters["step"] = static_cast<double>(step);
  st.counters["cpu_seconds"] = cpu;  // all threads, the week timed
  st.counters["agent_steps_per_second"] = benchmark::Counter(
      agents * static_cast<double>(st.iterations()), benchmark::Counter::kIsRate);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  CLI::App app{"Sahel phase 5 (decide_civilians): agent-steps per second and bytes per agent"};
  std::int64_t people_per_agent = 1;
  std::string until = "2019-01-01";
  std::vector<int> thread_counts{1, 2};
  int weeks = 8;
  std::string scenario = INSIM_SOURCE_DIR "/scenarios/sahel/baseline.yaml";
  std::string csv_path;
  app.add_option("--people-per-agent", people_per_agent, "the world's scale (1: one per person)")
      ->check(CLI::Range(1, 100000));
  app.add_option("--until", until, "advance the baseline to this date before timing");
  app.add_option("--threads", thread_counts, "thread counts, comma-separated")->delimiter(',');
  app.add_option("--weeks", weeks, "timed weeks per thread count; the fastest is kept")
      ->check(CLI::Range(1, 1000));
  app.add_option("--scenario", scenario, "the Sahel scenario to advance");
  app.add_option("--csv", csv_path, "write the CSV here instead of stdout");
  CLI11_PARSE(app, argc, argv);
  const auto until_date = insim::parse_date(until);
  if (!until_date) {
    fmt::print(stderr, "--until: '{}' is not a date YYYY-MM-DD\n", until);
    return 2;
  }

  const std::vector<insim::scenario::Override> scale{
      {"sahel.world.people_per_agent", std::to_string(people_per_agent)}};
  insim::LoadedScenario loaded;
  try {
    loaded = insim::load_scenario_file(scenario, scale);
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}\n", e.what());
    return 2;
  }
  const std::uint64_t seed = static_cast<std::uint64_t>(loaded.def.run.seed);

  // The timed phase only means something if PhasedSahel still steps like SahelModel.
  auto coarse = loaded.def.sahel;
  coarse.world.people_per_agent = 500;
  if (!insim::sahel::matches_model(coarse, seed, 120)) {
    fmt::print(stderr, "bench/phased_sahel.cpp no longer steps like SahelModel::step: update it\n");
    return 1;
  }

  const std::size_t heap_before = insim::bench::heap_in_use();
  const auto t0 = Clock::now();
  PhasedSahel model(loaded.def.sahel, seed);
  const auto& calendar = model.state().world.calendar;
  const std::int64_t target = calendar.step_of(*until_date);
  const auto agents = static_cast<double>(model.state().world.civilians.size());
  fmt::print(stderr, "built {} agents in {:.1f} s; advancing to {} ({} weeks)\n", agents,
             std::chrono::duration<double>(Clock::now() - t0).count(), until, target);
  {
    const insim::ThreadLimit all(0);
    while (model.state().step < target) model.step();
  }
  Prepared prep;
  prep.people_per_agent = people_per_agent;
  prep.model_bytes = static_cast<double>(insim::bench::heap_in_use() - heap_before);
  for (std::uint8_t s : model.state().world.civilians.status) ++prep.statuses[s];
  fmt::print(stderr, "at {} after {:.1f} s\n", insim::to_string(calendar.date_of(target)),
             std::chrono::duration<double>(Clock::now() - t0).count());

  for (int threads : thread_counts) {
    benchmark::RegisterBenchmark(
        "sahel_civilian_update",
        [&model, threads](benchmark::State& st) { time_weeks(st, model, threads); })
        ->Args({threads})
        ->ArgNames({"threads"})
        ->Iterations(1)
        ->Repetitions(weeks)
        ->UseManualTime()
        ->Unit(benchmark::kMillisecond);
  }
  insim::bench::BestRunReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();

  const double civilian_bytes =
      static_cast<double>(insim::sahel::civilian_bytes_per_agent(model.state().world.civilians));
  const double rss = static_cast<double>(insim::bench::peak_rss());
  std::string csv =
      "benchmark,threads,people_per_agent,agents,date,seconds_per_step,seconds_median,"
      "seconds_max,repetitions,cpu_seconds_per_step,agent_steps_per_second,speedup_vs_1_thread,"
      "civilian_bytes_per_agent,model_bytes_per_agent,peak_rss_bytes_per_agent,supporters,"
      "fighters,displaced,refugees,dead,insim_version,git_commit\n";
  double one_thread_rate = 0;
  for (const auto& b : reporter.best()) {
    const double threads = b.counter("threads");
    const double rate = agents / b.min_seconds;
    if (threads == 1) one_thread_rate = rate;
    const auto count = [&](CivilianStatus s) { return prep.statuses[static_cast<std::size_t>(s)]; };
    csv += fmt::format(
        "sahel_civilian_update,{},{},{},{},{:.6g},{:.6g},{:.6g},{},{:.6g},{:.4g},{},{},{:.1f},{:."
        "1f},"
        "{},{},{},{},{},{}\n",
        threads, prep.people_per_agent, agents,
        insim::to_string(calendar.date_of(static_cast<std::int64_t>(b.counter("step")))),
        b.min_seconds, b.median_seconds, b.max_seconds, b.repetitions, b.counter("cpu_seconds"),
        rate, one_thread_rate > 0 ? fmt::format("{:.3f}", rate / one_thread_rate) : "",
        civilian_bytes, prep.model_bytes / agents, rss / agents, count(CivilianStatus::supporter),
        count(CivilianStatus::fighter), count(CivilianStatus::displaced),
        count(CivilianStatus::refugee), count(CivilianStatus::dead),
        insim::bench::provenance_cells());
  }
  if (csv_path.empty()) {
    std::fputs(csv.c_str(), stdout);
  } else {
    auto out = fmt::output_file(csv_path);
    out.print("{}", csv);
    fmt::print(stderr, "wrote {}\n", csv_path);
  }
  return 0;
}
