#include "best_run_reporter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "insim/version.hpp"

namespace insim::bench {

namespace {

double seconds_per_iteration(const benchmark::BenchmarkReporter::Run& run) {
  // real_accumulated_time is in seconds, and is the manual time when the benchmark sets one.
  return run.real_accumulated_time / static_cast<double>(std::max<std::int64_t>(1, run.iterations));
}

}  // namespace

double BestRun::counter(const std::string& key) const {
  const auto it = fastest.counters.find(key);
  if (it == fastest.counters.end())
    throw std::out_of_range(fmt::format("benchmark {} reported no counter '{}'", name, key));
  return it->second.value;
}

void BestRunReporter::ReportRuns(const std::vector<Run>& runs) {
  ConsoleReporter::ReportRuns(runs);
  for (const Run& run : runs) {
    if (run.run_type != Run::RT_Iteration || run.error_occurred) continue;
    const std::string name = run.run_name.str();
    auto it = std::find(order_.begin(), order_.end(), name);
    if (it == order_.end()) {
      order_.push_back(name);
      runs_.emplace_back();
      it = order_.end() - 1;
    }
    runs_[static_cast<std::size_t>(it - order_.begin())].push_back(run);
  }
}

std::vector<BestRun> BestRunReporter::best() const {
  std::vector<BestRun> out;
  for (std::size_t b = 0; b < order_.size(); ++b) {
    std::vector<double> seconds;
    for (const Run& run : runs_[b]) seconds.push_back(seconds_per_iteration(run));
    const auto fastest = std::min_element(seconds.begin(), seconds.end()) - seconds.begin();
    BestRun best{order_[b], runs_[b][static_cast<std::size_t>(fastest)]};
    std::sort(seconds.begin(), seconds.end());
    best.min_seconds = seconds.front();
    best.max_seconds = seconds.back();
    const std::size_t n = seconds.size();
    best.median_seconds = n % 2 == 1 ? seconds[n / 2] : 0.5 * (seconds[n / 2 - 1] + seconds[n / 2]);
    best.repetitions = static_cast<int>(n);
    out.push_back(std::move(best));
  }
  return out;
}

std::string provenance_cells() { return fmt::format("{},{}", kVersion, kGitCommit); }

}  // namespace insim::bench
