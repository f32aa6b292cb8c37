#pragma once
// Outbursts as Epstein (2002) counts them: maximal runs of steps with more than 50 actives; the
// waiting time is the number of steps from the end of one outburst to the start of the next.
#include <cstdint>

namespace insim::epstein {

inline constexpr std::int64_t kOutburstActives = 50;  // Epstein's threshold, actives

class OutburstTracker {
 public:
  void observe(std::int64_t step, std::int64_t actives);

  [[nodiscard]] std::int64_t outbursts() const { return outbursts_; }
  [[nodiscard]] std::int64_t peak_active() const { return peak_active_; }
  [[nodiscard]] std::int64_t peak_step() const { return peak_step_; }
  [[nodiscard]] std::int64_t waits() const { return waits_; }
  // Mean waiting time between outbursts; 0 when there were fewer than two outbursts.
  [[nodiscard]] double mean_waiting_time() const {
    return waits_ == 0 ? 0.0 : static_cast<double>(wait_sum_) / static_cast<double>(waits_);
  }

 private:
  bool in_outburst_ = false;
  std::int64_t last_end_ = -1;  // first step after the latest outburst; -1 before any
  std::int64_t outbursts_ = 0;
  std::int64_t waits_ = 0;
  std::int64_t wait_sum_ = 0;
  std::int64_t peak_active_ = 0;
  std::int64_t peak_step_ = 0;
};

}  // namespace insim::epstein
