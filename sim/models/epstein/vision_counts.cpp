#include "models/epstein/vision_counts.hpp"

#include "engine/parallel.hpp"
#include "models/epstein/prefetch.hpp"

namespace insim::epstein {

namespace {
constexpr std::uint64_t kOneActive = std::uint64_t{1} << 32;
constexpr std::uint64_t kPacked[4] = {0, 0, kOneActive, 1};  // indexed by CellCode
constexpr std::size_t kRowsPerTask = 8;

SeenCounts unpack(std::uint64_t v) {
  return {static_cast<std::int32_t>(v & 0xffffffffu), static_cast<std::int32_t>(v >> 32)};
}
}  // namespace

SeenCounts count_directly(const Torus& torus, const Vision& vision, std::span<const CellCode> codes,
                          std::int32_t cell) {
  const std::int32_t x = torus.x_of(cell);
  const std::int32_t y = torus.y_of(cell);
  SeenCounts seen;
  for (const RowSpan& s : vision.rows()) {
    const CellCode* row =
        codes.data() + static_cast<std::size_t>(Torus::wrap(y + s.dy, torus.height)) *
                           static_cast<std::size_t>(torus.width);
    for (std::int32_t dx = -s.half_width; dx <= s.half_width; ++dx) {
      const CellCode c = row[Torus::wrap(x + dx, torus.width)];
      seen.cops += c == CellCode::cop ? 1 : 0;
      seen.actives += c == CellCode::active ? 1 : 0;
    }
  }
  return seen;
}

std::int32_t nth_active_directly(const Torus& torus, const Vision& vision,
                                 std::span<const CellCode> codes, std::int32_t cell,
                                 std::int32_t r) {
  const std::int32_t x = torus.x_of(cell);
  const std::int32_t y = torus.y_of(cell);
  for (const RowSpan& s : vision.rows()) {
    const std::int32_t yy = Torus::wrap(y + s.dy, torus.height);
    for (std::int32_t dx = -s.half_width; dx <= s.half_width; ++dx) {
      const std::int32_t c = torus.cell(Torus::wrap(x + dx, torus.width), yy);
      if (codes[static_cast<std::size_t>(c)] == CellCode::active && r-- == 0) return c;
    }
  }
  return -1;
}

VisionCounts::VisionCounts(const Torus& torus, std::int32_t margin)
    : torus_(torus),
      margin_(margin),
      stride_(static_cast<std::size_t>(torus.width + 2 * margin + 1)),
      prefix_(stride_ * static_cast<std::size_t>(torus.height)) {}

void VisionCounts::build(std::span<const CellCode> codes) {
  const std::int32_t w = torus_.width;
  parallel_for_each(0, static_cast<std::size_t>(torus_.height), kRowsPerTask, [&](std::size_t y) {
    const CellCode* cells = codes.data() + y * static_cast<std::size_t>(w);
    std::uint64_t* p = prefix_.data() + y * stride_;
    std::uint64_t sum = 0;
    p[0] = 0;
    // Extended position e covers column (e - margin) mod width.
    const std::int32_t extended = w + 2 * margin_;
    std::int32_t x = Torus::wrap(-margin_ % w, w);
    for (std::int32_t e = 0; e < extended; ++e) {
      sum += kPacked[static_cast<std::uint8_t>(cells[x])];
      p[e + 1] = sum;
      if (++x == w) x = 0;
    }
  });
}

VisionCounts::RowView VisionCounts::row_view(std::int32_t y, const Vision& vision) const {
  RowView view;
  view.margin_ = margin_;
  for (const RowSpan& s : vision.rows()) {
    view.rows_[view.n_] = row(Torus::wrap(y + s.dy, torus_.height));
    view.half_[view.n_] = s.half_width;
    ++view.n_;
  }
  return view;
}

void VisionCounts::prefetch_row(std::int32_t y) const { prefetch_for_read(row(y), stride_); }

SeenCounts VisionCounts::count(std::int32_t cell, const Vision& vision) const {
  const std::int32_t x = torus_.x_of(cell) + margin_;
  const std::int32_t y = torus_.y_of(cell);
  std::uint64_t sum = 0;
  for (const RowSpan& s : vision.rows()) {
    const std::uint64_t* p = row(Torus::wrap(y + s.dy, torus_.height));
    sum += p[x + s.half_width + 1] - p[x - s.half_width];
  }
  return unpack(sum);
}

std::int32_t VisionCounts::nth_active(std::int32_t cell, const Vision& vision, std::int32_t r,
                                      std::span<const CellCode> codes) const {
  const std::int32_t x = torus_.x_of(cell);
  const std::int32_t y = torus_.y_of(cell);
  for (const RowSpan& s : vision.rows()) {
    const std::int32_t yy = Torus::wrap(y + s.dy, torus_.height);
    const std::uint64_t* p = row(yy);
    const std::int32_t in_row =
        unpack(p[x + margin_ + s.half_width + 1] - p[x + margin_ - s.half_width]).actives;
    if (r >= in_row) {
      r -= in_row;
      continue;
    }
    for (std::int32_t dx = -s.half_width; dx <= s.half_width; ++dx) {
      const std::int32_t c = torus_.cell(Torus::wrap(x + dx, torus_.width), yy);
      if (codes[static_cast<std::size_t>(c)] == CellCode::active && r-- == 0) return c;
    }
  }
  return -1;  // r was not below the count of actives
}

}  // namespace insim::epstein
