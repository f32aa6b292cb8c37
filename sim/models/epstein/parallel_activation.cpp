// Parallel (synchronous) activation. Each phase reads the state left by the previous phase and
// writes only slots that no other agent of the same phase touches; where two agents want the same
// cell or citizen, the lowest claim key (a counter-based priority, then the origin cell or the cop
// id) wins via an atomic minimum, which gives the same winner in any interleaving and for any
// thread count.
//   move:   reads codes of step t; winners write their origin and target cells and their cell_
//   decide: reads prefix counts of the post-move state; each citizen writes its own cell's code
//   arrest: reads prefix counts of the post-decision state; the winners jail their citizens,
//           recorded in cop-id order
#include <algorithm>
#include <atomic>
#include <limits>

#include "engine/parallel.hpp"
#include "models/epstein/epstein_model.hpp"
#include "models/epstein/prefetch.hpp"
#include "models/epstein/streams.hpp"

namespace insim::epstein {

namespace {

constexpr std::size_t kRowsPerTask = 4;
constexpr std::size_t kCopsPerTask = 512;
constexpr std::uint64_t kNoClaim = std::numeric_limits<std::uint64_t>::max();

// Lowest wins: a counter-based priority, ties broken by a second unique number (origin cell or
// cop id).
std::uint64_t claim_key(std::uint32_t priority, std::int32_t tie_break) {
  return static_cast<std::uint64_t>(priority) << 32 | static_cast<std::uint32_t>(tie_break);
}

bool holds_claim(std::uint64_t& slot, std::uint64_t key) {
  return std::atomic_ref<std::uint64_t>(slot).load(std::memory_order_relaxed) == key;
}

void release_claim(std::uint64_t& slot) {
  std::atomic_ref<std::uint64_t>(slot).store(kNoClaim, std::memory_order_relaxed);
}

void claim_min(std::uint64_t& slot, std::uint64_t key) {
  std::atomic_ref<std::uint64_t> claim(slot);
  std::uint64_t current = claim.load(std::memory_order_relaxed);
  while (key < current && !claim.compare_exchange_weak(current, key, std::memory_order_relaxed)) {
  }
}

// body(y) for every row of the torus, rows shared out among threads.
template <class Body>
void for_each_row(const Torus& torus, Body&& body) {
  parallel_for_each(0, static_cast<std::size_t>(torus.height), kRowsPerTask,
                    [&](std::size_t y) { body(static_cast<std::int32_t>(y)); });
}

}  // namespace

void EpsteinModel::step_parallel() {
  if (def_.movement) move_all();
  vision_counts_->build(codes_);
  decide_all();
  vision_counts_->build(codes_);
  arrest_all();
}

void EpsteinModel::move_all() {
  const std::int32_t w = torus_.width;
  const auto row_cells = static_cast<std::size_t>(w);
  const std::int32_t reach = std::max(citizen_vision_.radius(), cop_vision_.radius()) + 1;
  // 1. Every agent on the grid proposes an empty cell of step t and claims it with the key
  // (priority, origin cell): origins are distinct, so keys are unique.
  for_each_row(torus_, [&](std::int32_t y) {
    const auto ahead = idx(Torus::wrap(y + reach, torus_.height) * w);
    prefetch_for_read(codes_.data() + ahead, row_cells);
    prefetch_for_write(claim_.data() + ahead, row_cells);
    for (std::int32_t x = 0, c = y * w; x < w; ++x, ++c) {
      const std::int32_t agent = occupant_[idx(c)];
      if (agent < 0) continue;
      rng::CounterRng rng = draws(seed_, Stream::move, step_, agent);
      const std::uint32_t rank = priority(rng);
      const std::int32_t target = picker_of(agent).pick(codes_, x, y, rng);
      if (target >= 0) claim_min(claim_[idx(target)], claim_key(rank, c));
    }
  });
  // 2. Each claimed cell receives the agent from the origin in its lowest key. Targets were
  // empty and each origin proposed one target, so every cell written here has one writer.
  for_each_row(torus_, [&](std::int32_t y) {
    const auto ahead = idx(Torus::wrap(y + reach, torus_.height) * w);
    prefetch_for_write(occupant_.data() + ahead, row_cells);
    prefetch_for_write(codes_.data() + ahead, row_cells);
    prefetch_for_read(cell_hardship_.data() + ahead, row_cells);
    prefetch_for_read(cell_risk_.data() + ahead, row_cells);
    const std::int32_t end = (y + 1) * w;
    for (std::int32_t target = y * w; target < end; ++target) {
      std::uint64_t& claim = claim_[idx(target)];
      if (claim == kNoClaim) continue;
      const auto origin = static_cast<std::int32_t>(claim & 0xffffffffu);
      claim = kNoClaim;
      relocate(occupant_[idx(origin)], target);
    }
  });
}

void EpsteinModel::decide_all() {
  const std::int32_t w = torus_.width;
  for_each_row(torus_, [&](std::int32_t y) {
    vision_counts_->prefetch_row(Torus::wrap(y + citizen_vision_.radius() + 1, torus_.height));
    const VisionCounts::RowView view = vision_counts_->row_view(y, citizen_vision_);
    for (std::int32_t x = 0, c = y * w; x < w; ++x, ++c)
      if (is_citizen(codes_[idx(c)])) decide(c, [&] { return view.count(x); });
  });
}

void EpsteinModel::arrest_all() {
  const std::int32_t w = torus_.width;
  // 1. Every cop picks one active in its vision uniformly and claims it.
  for_each_row(torus_, [&](std::int32_t y) {
    const std::int32_t ahead = Torus::wrap(y + cop_vision_.radius() + 1, torus_.height);
    vision_counts_->prefetch_row(ahead);
    prefetch_for_write(claim_.data() + idx(ahead * w), idx(w));
    const VisionCounts::RowView view = vision_counts_->row_view(y, cop_vision_);
    for (std::int32_t x = 0, c = y * w; x < w; ++x, ++c) {
      if (codes_[idx(c)] != CellCode::cop) continue;
      const std::int32_t cop = occupant_[idx(c)];
      Arrest& slot = arrest_slots_[idx(cop - citizen_count_)];
      slot = {cop, -1, c, -1, 0};
      const std::int32_t actives = view.count(x).actives;
      if (actives == 0) continue;
      rng::CounterRng rng = draws(seed_, Stream::arrest, step_, cop);
      const std::uint64_t key = claim_key(priority(rng), cop);
      const auto r = static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(actives)));
      slot.citizen_cell = vision_counts_->nth_active(c, cop_vision_, r, codes_);
      arrest_key_[idx(cop - citizen_count_)] = key;
      claim_min(claim_[idx(slot.citizen_cell)], key);
    }
  });
  // 2. Winners arrest; a cop that lost its citizen arrests no one. Each citizen has one winner,
  // so the arrests touch distinct cells and citizens.
  parallel_for_each(0, idx(cop_count_), kCopsPerTask, [&](std::size_t k) {
    Arrest& slot = arrest_slots_[k];
    const std::int32_t target = slot.citizen_cell;
    if (target < 0 || !holds_claim(claim_[idx(target)], arrest_key_[k])) return;
    release_claim(claim_[idx(target)]);
    slot = jail(slot.cop, slot.cop_cell, target);
  });
  // 3. The record, in cop-id order.
  for (std::int32_t k = 0; k < cop_count_; ++k)
    if (arrest_slots_[idx(k)].citizen >= 0) arrests_.push_back(arrest_slots_[idx(k)]);
}

}  // namespace insim::epstein
