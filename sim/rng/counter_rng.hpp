#pragma once
// Counter-based random numbers (Random123's Philox4x64-10, Salmon et al. 2011).
// Every draw is a pure function of (seed, stream, step, entity, k): no generator state is
// shared between agents or threads, so results do not depend on thread count or on the order
// in which agents are visited. Key = (seed, stream); counter = (step, entity, block, 0); each
// block yields four 64-bit words. Distributions are our own: the standard library's differ
// between vendors (ARCHITECTURE.md habit 4).
#include <Random123/philox.h>

#include <cmath>
#include <cstdint>

namespace insim::rng {

__extension__ using uint128 = unsigned __int128;  // GCC/Clang 128-bit product

// Each purpose that draws random numbers has its own stream id, so adding a draw for one
// purpose never shifts the numbers of another. Models define their ids in their own enum and
// convert with stream_id().
template <class E>
constexpr std::uint64_t stream_id(E e) {
  return static_cast<std::uint64_t>(e);
}

class CounterRng {
 public:
  CounterRng(std::uint64_t seed, std::uint64_t stream, std::uint64_t step, std::uint64_t entity)
      : key_{{seed, stream}}, ctr_{{step, entity, 0, 0}} {}

  // The k-th 64-bit word of this (seed, stream, step, entity) sequence.
  [[nodiscard]] std::uint64_t word(std::uint64_t k) const {
    r123::Philox4x64::ctr_type c = ctr_;
    c.v[2] = k / 4;
    return philox_(c, key_).v[k % 4];
  }

  std::uint64_t next_u64() {
    if (used_ == 4) refill();
    return block_.v[used_++];
  }

  // Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

  // Uniform integer in [0, n), unbiased (Lemire 2019, with rejection). n must be > 0.
  std::uint64_t below(std::uint64_t n) {
    uint128 m = static_cast<uint128>(next_u64()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<uint128>(next_u64()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }

  bool bernoulli(double p) { return uniform() < p; }

  // Exponential with the given rate (mean 1/rate), by inversion.
  double exponential(double rate) { return -std::log1p(-uniform()) / rate; }

  // Standard normal by the Box-Muller transform (one of the pair; the other is discarded so
  // that each call consumes a fixed number of words).
  double normal() {
    const double u1 = 1.0 - uniform();  // (0, 1]
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586476925 * u2);
  }

 private:
  void refill() {
    block_ = philox_(ctr_, key_);
    ++ctr_.v[2];
    used_ = 0;
  }

  r123::Philox4x64 philox_;
  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type ctr_;
  r123::Philox4x64::ctr_type block_{};
  unsigned used_ = 4;
};

// One 64-bit word without constructing a stream: draw(seed, stream, step, entity, k).
[[nodiscard]] inline std::uint64_t draw(std::uint64_t seed, std::uint64_t stream,
                                        std::uint64_t step, std::uint64_t entity,
                                        std::uint64_t k) {
  return CounterRng(seed, stream, step, entity).word(k);
}

}  // namespace insim::rng
