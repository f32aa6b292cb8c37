#pragma once
// Google Benchmark's console output, plus, for each benchmark, its fastest repetition and the
// spread of all of them. The machines are shared: the least disturbed repetition is the truest
// figure, and the spread says how noisy the machine was (bench/README.md).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

namespace insim::bench {

struct BestRun {
  std::string name;  // "sahel_baseline/threads:2"
  benchmark::BenchmarkReporter::Run fastest;
  double min_seconds = 0.0;  // per iteration (manual time where the benchmark sets it)
  double median_seconds = 0.0;
  double max_seconds = 0.0;
  int repetitions = 0;
  // A user counter of the fastest repetition; throws std::out_of_range naming a missing one.
  [[nodiscard]] double counter(const std::string& key) const;
};

class BestRunReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override;
  // In the order the benchmarks ran; computed when asked (repetitions arrive one by one).
  [[nodiscard]] std::vector<BestRun> best() const;

 private:
  std::vector<std::string> order_;
  std::vector<std::vector<Run>> runs_;  // order_'s benchmarks, each repetition
};

// `insim_version,git_commit` for the end of a CSV row.
[[nodiscard]] std::string provenance_cells();

}  // namespace insim::bench
