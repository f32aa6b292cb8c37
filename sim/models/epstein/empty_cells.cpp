#include "models/epstein/empty_cells.hpp"

namespace insim::epstein {

EmptyCellPicker::EmptyCellPicker(const Torus& torus, const Vision& vision)
    : torus_(torus),
      radius_(vision.radius()),
      n_(static_cast<std::uint32_t>(vision.offsets().size())),
      threshold_(n_ == 0 ? 0 : (0u - n_) % n_),
      offsets_(vision.offsets().begin(), vision.offsets().end()) {
  deltas_.reserve(offsets_.size());
  for (const Offset& o : offsets_) deltas_.push_back(o.dy * torus.width + o.dx);
}

std::int32_t EmptyCellPicker::wrapped_cell(std::int32_t x, std::int32_t y, std::uint32_t k) const {
  return torus_.cell(Torus::wrap(x + offsets_[k].dx, torus_.width),
                     Torus::wrap(y + offsets_[k].dy, torus_.height));
}

std::int32_t EmptyCellPicker::pick(std::span<const CellCode> codes, std::int32_t x, std::int32_t y,
                                   rng::CounterRng& rng) const {
  if (n_ == 0) return -1;
  const bool interior =
      x >= radius_ && x < torus_.width - radius_ && y >= radius_ && y < torus_.height - radius_;
  const std::int32_t center = torus_.cell(x, y);
  const CellCode* cells = codes.data();
  for (int t = 0; t < kRejectionTries; t += 4) {
    const std::uint64_t w0 = rng.next_u64();
    const std::uint64_t w1 = rng.next_u64();
    const std::uint32_t halves[4] = {
        static_cast<std::uint32_t>(w0 >> 32), static_cast<std::uint32_t>(w0),
        static_cast<std::uint32_t>(w1 >> 32), static_cast<std::uint32_t>(w1)};
    std::int32_t cell[4];
    unsigned good = 0;
    for (int b = 0; b < 4; ++b) {
      const std::uint64_t m = static_cast<std::uint64_t>(halves[b]) * n_;
      const auto k = static_cast<std::uint32_t>(m >> 32);
      cell[b] = interior ? center + deltas_[k] : wrapped_cell(x, y, k);
      const bool valid = static_cast<std::uint32_t>(m) >= threshold_;
      const bool empty = valid && cells[cell[b]] == CellCode::empty;
      good |= static_cast<unsigned>(empty) << b;
    }
    if (good != 0) return cell[__builtin_ctz(good)];
  }
  return scan(codes, x, y, rng);
}

std::int32_t EmptyCellPicker::scan(std::span<const CellCode> codes, std::int32_t x, std::int32_t y,
                                   rng::CounterRng& rng) const {
  std::uint64_t empty = 0;
  for (std::uint32_t k = 0; k < n_; ++k)
    empty += codes[static_cast<std::size_t>(wrapped_cell(x, y, k))] == CellCode::empty ? 1 : 0;
  if (empty == 0) return -1;
  std::uint64_t r = rng.below(empty);
  for (std::uint32_t k = 0; k < n_; ++k) {
    const std::int32_t c = wrapped_cell(x, y, k);
    if (codes[static_cast<std::size_t>(c)] == CellCode::empty && r-- == 0) return c;
  }
  return -1;  // unreachable: `empty` cells were counted above
}

std::int32_t random_empty_cell(const Torus& torus, std::span<const CellCode> codes,
                               rng::CounterRng& rng) {
  const auto n = static_cast<std::uint64_t>(torus.cells());
  for (int t = 0; t < kRejectionTries; ++t) {
    const std::uint64_t c = rng.below(n);
    if (codes[c] == CellCode::empty) return static_cast<std::int32_t>(c);
  }
  std::uint64_t empty = 0;
  for (std::uint64_t c = 0; c < n; ++c) empty += codes[c] == CellCode::empty ? 1 : 0;
  if (empty == 0) return -1;
  std::uint64_t r = rng.below(empty);
  for (std::uint64_t c = 0; c < n; ++c)
    if (codes[c] == CellCode::empty && r-- == 0) return static_cast<std::int32_t>(c);
  return -1;
}

}  // namespace insim::epstein
