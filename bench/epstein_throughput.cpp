// Agent-steps per second of the Epstein model for grid sizes x activations x thread counts.
// Each configuration: warm-up steps (the first steps after placement are atypical), then
// `repeats` timed batches of steps; the fastest batch is kept (the machine is shared and noisy,
// and the minimum time is the least disturbed one). Writes CSV to stdout or --csv FILE.
//
//   insim_bench [--sizes 40,200,1000] [--threads 1,2] [--activations parallel,sequential]
//               [--repeats 3] [--csv FILE]
#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <fmt/os.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/parallel.hpp"
#include "insim/version.hpp"
#include "models/epstein/epstein_model.hpp"

namespace {

using insim::epstein::Activation;
using insim::epstein::EpsteinDef;
using insim::epstein::EpsteinModel;

struct Measurement {
  double best_seconds_per_step = 0;
  std::int64_t agents = 0;
};

// Enough steps per batch that one batch takes roughly 0.3 s or more, whatever the grid size.
std::int64_t steps_per_batch(std::int64_t cells, Activation activation) {
  const double agent_steps_wanted = activation == Activation::parallel ? 1.5e7 : 2e6;
  return std::clamp<std::int64_t>(static_cast<std::int64_t>(agent_steps_wanted / (0.774 * cells)),
                                  3, 2000);
}

Measurement measure(std::int64_t side, Activation activation, int threads, int repeats) {
  insim::ThreadLimit limit(threads);
  EpsteinDef def;  // NetLogo densities, vision 7, L = 0.82
  def.width = def.height = side;
  def.activation = activation;
  EpsteinModel model(def, 12345);
  const std::int64_t batch = steps_per_batch(side * side, activation);
  for (int i = 0; i < 5; ++i) model.step();
  double best = 1e300;
  for (int r = 0; r < repeats; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    for (std::int64_t i = 0; i < batch; ++i) model.step();
    const std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
    best = std::min(best, dt.count() / static_cast<double>(batch));
  }
  return {best, model.agent_count()};
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Epstein model throughput: agent-steps per second"};
  std::string sizes = "40,200,1000";
  std::string threads_list;
  std::string activations = "parallel,sequential";
  int repeats = 3;
  std::string csv_path;
  app.add_option("--sizes", sizes, "grid sides, comma-separated");
  app.add_option("--threads", threads_list, "thread counts, comma-separated (default 1..nproc)");
  app.add_option("--activations", activations, "parallel and/or sequential");
  app.add_option("--repeats", repeats, "timed batches per configuration; the fastest is kept")
      ->check(CLI::Range(1, 100));
  app.add_option("--csv", csv_path, "write the CSV here instead of stdout");
  CLI11_PARSE(app, argc, argv);

  std::vector<int> thread_counts;
  if (threads_list.empty()) {
    for (int t = 1; t <= insim::hardware_threads(); ++t) thread_counts.push_back(t);
  } else {
    for (const auto& t : split(threads_list)) thread_counts.push_back(std::stoi(t));
  }

  std::string csv = "grid,activation,threads,agents,seconds_per_step,agent_steps_per_second,"
                    "speedup_vs_1_thread,insim_version,git_commit\n";
  for (const auto& size_text : split(sizes)) {
    const std::int64_t side = std::stoll(size_text);
    for (const auto& activation_name : split(activations)) {
      const Activation activation =
          activation_name == "parallel" ? Activation::parallel : Activation::sequential;
      double one_thread_rate = 0;
      for (int threads : thread_counts) {
        const auto m = measure(side, activation, threads, repeats);
        const double rate = static_cast<double>(m.agents) / m.best_seconds_per_step;
        if (threads == thread_counts.front()) one_thread_rate = rate;
        const auto row = fmt::format("{}x{},{},{},{},{:.6g},{:.4g},{:.3f},{},{}\n", side, side,
                                     activation_name, threads, m.agents, m.best_seconds_per_step,
                                     rate, rate / one_thread_rate, insim::kVersion,
                                     insim::kGitCommit);
        csv += row;
        std::fputs(row.c_str(), stderr);
      }
    }
  }
  if (csv_path.empty()) {
    std::fputs(csv.c_str(), stdout);
  } else {
    auto out = fmt::output_file(csv_path);
    out.print("{}", csv);
  }
  return 0;
}
