#include "engine/parallel.hpp"

#include <oneapi/tbb/info.h>

namespace insim {

int hardware_threads() { return oneapi::tbb::info::default_concurrency(); }

ThreadLimit::ThreadLimit(int threads) : threads_(threads > 0 ? threads : hardware_threads()) {
  control_ = std::make_unique<oneapi::tbb::global_control>(
      oneapi::tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(threads_));
}

}  // namespace insim
