#pragma once
// Counts of cops and actives within a vision shape in O(rows) lookups, for parallel activation.
// Per row, a prefix sum over the row extended by `margin` wrapped cells on each side, of one
// 64-bit word per cell: cops in the low 32 bits, actives in the high 32 bits (neither half can
// carry into the other: a row holds fewer than 2^32 agents). A span [x-h, x+h] is then
// P[x+h+margin+1] - P[x-h+margin], whatever the wrap.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "models/epstein/cell_code.hpp"
#include "models/epstein/torus.hpp"
#include "models/epstein/vision.hpp"

namespace insim::epstein {

struct SeenCounts {
  std::int32_t cops = 0;
  std::int32_t actives = 0;
};

// The same counts by visiting every cell of the shape: for sequential activation, where the
// state changes between one agent and the next.
[[nodiscard]] SeenCounts count_directly(const Torus& torus, const Vision& vision,
                                        std::span<const CellCode> codes, std::int32_t cell);
[[nodiscard]] std::int32_t nth_active_directly(const Torus& torus, const Vision& vision,
                                               std::span<const CellCode> codes, std::int32_t cell,
                                               std::int32_t r);

class VisionCounts {
 public:
  // margin: the largest vision radius used (the widest half-width of any shape).
  VisionCounts(const Torus& torus, std::int32_t margin);

  // Rebuilds every row's prefix sums from the cell codes (parallel over rows).
  void build(std::span<const CellCode> codes);

  // Counts around the cells of one row: the shape's row pointers are looked up once per row.
  class RowView {
   public:
    // Cops and actives within the vision of (x, y), that cell included.
    [[nodiscard]] SeenCounts count(std::int32_t x) const {
      std::uint64_t sum = 0;
      const std::int32_t e = x + margin_;
      for (std::size_t k = 0; k < n_; ++k)
        sum += rows_[k][e + half_[k] + 1] - rows_[k][e - half_[k]];
      return {static_cast<std::int32_t>(sum & 0xffffffffu), static_cast<std::int32_t>(sum >> 32)};
    }

   private:
    friend class VisionCounts;
    static constexpr std::size_t kMaxRows = 201;  // 2 v + 1 for the largest vision, 100
    std::array<const std::uint64_t*, kMaxRows> rows_{};
    std::array<std::int32_t, kMaxRows> half_{};
    std::size_t n_ = 0;
    std::int32_t margin_ = 0;
  };
  [[nodiscard]] RowView row_view(std::int32_t y, const Vision& vision) const;
  // Starts fetching row y's prefix sums into cache.
  void prefetch_row(std::int32_t y) const;

  // Cops and actives in the cells within `vision` of `cell`, the cell itself included.
  [[nodiscard]] SeenCounts count(std::int32_t cell, const Vision& vision) const;

  // The cell of the r-th active (0-based) within `vision` of `cell`, in row-major order of the
  // shape; r must be below count(cell, vision).actives.
  [[nodiscard]] std::int32_t nth_active(std::int32_t cell, const Vision& vision, std::int32_t r,
                                        std::span<const CellCode> codes) const;

 private:
  [[nodiscard]] const std::uint64_t* row(std::int32_t y) const {
    return prefix_.data() + static_cast<std::size_t>(y) * stride_;
  }

  Torus torus_;
  std::int32_t margin_;
  std::size_t stride_;  // width + 2 margin + 1
  std::vector<std::uint64_t> prefix_;
};

}  // namespace insim::epstein
