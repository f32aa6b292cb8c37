#pragma once
// What a cell holds, one byte per cell: the model's hot loops (counting what an agent sees,
// finding empty cells) read this array rather than following agent ids.
#include <cstdint>

namespace insim::epstein {

enum class CellCode : std::uint8_t { empty = 0, quiet = 1, active = 2, cop = 3 };

[[nodiscard]] inline bool is_citizen(CellCode c) {
  return c == CellCode::quiet || c == CellCode::active;
}

}  // namespace insim::epstein
