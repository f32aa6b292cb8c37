#include "models/epstein/outbursts.hpp"

namespace insim::epstein {

void OutburstTracker::observe(std::int64_t step, std::int64_t actives) {
  if (actives > peak_active_) {
    peak_active_ = actives;
    peak_step_ = step;
  }
  const bool above = actives > kOutburstActives;
  if (above && !in_outburst_) {
    ++outbursts_;
    if (last_end_ >= 0) {
      ++waits_;
      wait_sum_ += step - last_end_;
    }
  } else if (!above && in_outburst_) {
    last_end_ = step;
  }
  in_outburst_ = above;
}

}  // namespace insim::epstein
