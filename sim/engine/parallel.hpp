#pragma once
// Parallel loops whose results do not depend on the number of threads.
// - ThreadLimit caps TBB's worker count for a run (--threads).
// - deterministic_sum splits [0, n) into fixed blocks (independent of thread count), sums each
//   block serially, then folds the block sums in block order: the same bits for any threads.
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/parallel_for.h>

#include <cstddef>
#include <memory>
#include <vector>

namespace insim {

class ThreadLimit {
 public:
  // threads == 0 means "all hardware threads".
  explicit ThreadLimit(int threads);
  [[nodiscard]] int threads() const { return threads_; }

 private:
  int threads_;
  std::unique_ptr<oneapi::tbb::global_control> control_;
};

[[nodiscard]] int hardware_threads();

// Parallel for over [begin, end) in chunks of `grain`; body(i) for each index.
template <class Body>
void parallel_for_each(std::size_t begin, std::size_t end, std::size_t grain, Body&& body) {
  oneapi::tbb::parallel_for(
      oneapi::tbb::blocked_range<std::size_t>(begin, end, grain),
      [&](const oneapi::tbb::blocked_range<std::size_t>& r) {
        for (std::size_t i = r.begin(); i != r.end(); ++i) body(i);
      },
      oneapi::tbb::simple_partitioner{});
}

// Sum of term(i) over [0, n) with a fixed association order. `partials` is caller-owned
// scratch (resized once, reused across steps, so the step loop does not allocate).
template <class T, class Term>
T deterministic_sum(std::size_t n, std::size_t block, std::vector<T>& partials, Term&& term) {
  const std::size_t blocks = (n + block - 1) / block;
  if (partials.size() < blocks) partials.resize(blocks);
  oneapi::tbb::parallel_for(std::size_t{0}, blocks, [&](std::size_t b) {
    T s{};
    const std::size_t end = std::min(n, (b + 1) * block);
    for (std::size_t i = b * block; i < end; ++i) s += term(i);
    partials[b] = s;
  });
  T total{};
  for (std::size_t b = 0; b < blocks; ++b) total += partials[b];
  return total;
}

}  // namespace insim
