#include "models/epstein/vision.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "models/epstein/empty_cells.hpp"
#include "models/epstein/epstein_model.hpp"
#include "models/epstein/vision_counts.hpp"
#include "rng/counter_rng.hpp"

using namespace insim::epstein;

TEST_CASE("epstein: vision shapes hold the cells their definitions name", "[epstein]") {
  for (int v : {1, 2, 7}) {
    const Vision vn(VisionShape::von_neumann, v);
    const Vision mo(VisionShape::moore, v);
    const Vision eu(VisionShape::euclidean, v);
    std::size_t n_vn = 0, n_mo = 0, n_eu = 0;
    for (int dy = -v - 1; dy <= v + 1; ++dy) {
      for (int dx = -v - 1; dx <= v + 1; ++dx) {
        const bool in_vn = std::abs(dx) + std::abs(dy) <= v;
        const bool in_mo = std::max(std::abs(dx), std::abs(dy)) <= v;
        const bool in_eu = dx * dx + dy * dy <= v * v;
        CHECK(vn.contains(dx, dy) == in_vn);
        CHECK(mo.contains(dx, dy) == in_mo);
        CHECK(eu.contains(dx, dy) == in_eu);
        const bool centre = dx == 0 && dy == 0;
        n_vn += in_vn && !centre;
        n_mo += in_mo && !centre;
        n_eu += in_eu && !centre;
      }
    }
    CHECK(vn.offsets().size() == n_vn);
    CHECK(mo.offsets().size() == n_mo);
    CHECK(eu.offsets().size() == n_eu);
    // every offset is in the shape, once, and the rows cover the same cells
    for (const Vision* s : {&vn, &mo, &eu}) {
      std::set<std::pair<int, int>> seen;
      for (const Offset& o : s->offsets()) {
        CHECK(s->contains(o.dx, o.dy));
        CHECK(seen.insert({o.dx, o.dy}).second);
      }
      std::size_t row_cells = 0;
      for (const RowSpan& r : s->rows())
        row_cells += 2 * static_cast<std::size_t>(r.half_width) + 1;
      CHECK(row_cells == s->offsets().size() + 1);
    }
  }
  // NetLogo's `patches in-radius 7` holds 149 patches; Mesa's von Neumann radius 7, 113 cells.
  CHECK(Vision(VisionShape::euclidean, 7).offsets().size() + 1 == 149);
  CHECK(Vision(VisionShape::von_neumann, 7).offsets().size() + 1 == 113);
}

namespace {

std::vector<CellCode> random_codes(const Torus& torus, std::uint64_t seed, double p_empty) {
  std::vector<CellCode> codes(static_cast<std::size_t>(torus.cells()));
  insim::rng::CounterRng rng(seed, 99, 0, 0);
  for (CellCode& c : codes) {
    const double u = rng.uniform();
    c = u < p_empty
            ? CellCode::empty
            : (u < p_empty + 0.1 ? CellCode::cop
                                 : (u < p_empty + 0.4 ? CellCode::active : CellCode::quiet));
  }
  return codes;
}

// Reference count by torus distance, independent of the spans.
SeenCounts brute_count(const Torus& t, const Vision& v, const std::vector<CellCode>& codes,
                       std::int32_t cell) {
  SeenCounts s;
  for (std::int32_t c = 0; c < t.cells(); ++c) {
    if (!v.contains(t.dx(cell, c), t.dy(cell, c))) continue;
    s.cops += codes[static_cast<std::size_t>(c)] == CellCode::cop;
    s.actives += codes[static_cast<std::size_t>(c)] == CellCode::active;
  }
  return s;
}

}  // namespace

TEST_CASE("epstein: prefix-sum vision counts equal a direct count, across the torus edges",
          "[epstein]") {
  const Torus torus{23, 17};
  const auto codes = random_codes(torus, 5, 0.3);
  for (VisionShape shape : {VisionShape::von_neumann, VisionShape::moore, VisionShape::euclidean}) {
    for (int v : {1, 3, 8}) {
      const Vision vision(shape, v);
      VisionCounts counts(torus, 8);
      counts.build(codes);
      for (std::int32_t cell = 0; cell < torus.cells(); ++cell) {
        const SeenCounts expected = brute_count(torus, vision, codes, cell);
        const SeenCounts fast = counts.count(cell, vision);
        const SeenCounts row = counts.row_view(torus.y_of(cell), vision).count(torus.x_of(cell));
        const SeenCounts direct = count_directly(torus, vision, codes, cell);
        REQUIRE(fast.cops == expected.cops);
        REQUIRE(fast.actives == expected.actives);
        REQUIRE(row.cops == expected.cops);
        REQUIRE(row.actives == expected.actives);
        REQUIRE(direct.cops == expected.cops);
        REQUIRE(direct.actives == expected.actives);
        // the r-th active, for every r, enumerates each active in vision exactly once
        std::set<std::int32_t> found, found_directly;
        for (std::int32_t r = 0; r < expected.actives; ++r) {
          const std::int32_t a = counts.nth_active(cell, vision, r, codes);
          const std::int32_t b = nth_active_directly(torus, vision, codes, cell, r);
          REQUIRE(a == b);
          REQUIRE(codes[static_cast<std::size_t>(a)] == CellCode::active);
          REQUIRE(vision.contains(torus.dx(cell, a), torus.dy(cell, a)));
          found.insert(a);
        }
        REQUIRE(found.size() == static_cast<std::size_t>(expected.actives));
      }
    }
  }
}

TEST_CASE("epstein: a random empty cell is empty, in vision, and uniform over the empty ones",
          "[epstein]") {
  const Torus torus{30, 30};
  const auto codes = random_codes(torus, 11, 0.25);
  for (VisionShape shape : {VisionShape::von_neumann, VisionShape::moore, VisionShape::euclidean}) {
    const Vision vision(shape, 4);
    const EmptyCellPicker picker(torus, vision);
    for (std::int32_t cell : {0, 29, 465, 899}) {  // corners wrap, the middle does not
      std::vector<std::int32_t> empties;
      for (const Offset& o : vision.offsets()) {
        const std::int32_t c = torus.offset(cell, o.dx, o.dy);
        if (codes[static_cast<std::size_t>(c)] == CellCode::empty) empties.push_back(c);
      }
      REQUIRE(empties.size() >= 3);
      std::vector<int> hits(static_cast<std::size_t>(torus.cells()), 0);
      const int draws = 4000 * static_cast<int>(empties.size());
      for (int i = 0; i < draws; ++i) {
        insim::rng::CounterRng rng(3, 5, static_cast<std::uint64_t>(i),
                                   static_cast<std::uint64_t>(cell));
        const std::int32_t c = picker.pick(codes, torus.x_of(cell), torus.y_of(cell), rng);
        REQUIRE(c >= 0);
        REQUIRE(c != cell);
        REQUIRE(codes[static_cast<std::size_t>(c)] == CellCode::empty);
        REQUIRE(vision.contains(torus.dx(cell, c), torus.dy(cell, c)));
        ++hits[static_cast<std::size_t>(c)];
      }
      // chi-square against uniform; 99.9% quantile of chi2(df <= 40) is below 74
      double chi2 = 0;
      for (std::int32_t c : empties) {
        const double d = hits[static_cast<std::size_t>(c)] - 4000.0;
        chi2 += d * d / 4000.0;
      }
      CHECK(chi2 < 74.0);
    }
  }
}

TEST_CASE("epstein: with every candidate cell taken, no empty cell is found", "[epstein]") {
  const Torus torus{9, 9};
  std::vector<CellCode> codes(81, CellCode::quiet);
  codes[static_cast<std::size_t>(torus.cell(8, 8))] = CellCode::empty;  // out of reach of (2, 2)
  const Vision vision(VisionShape::moore, 2);
  const EmptyCellPicker picker(torus, vision);
  insim::rng::CounterRng rng(1, 2, 3, 4);
  CHECK(picker.pick(codes, 2, 2, rng) == -1);
  CHECK(picker.pick(codes, 0, 0, rng) == torus.cell(8, 8));  // reached across the edges
  CHECK(random_empty_cell(torus, codes, rng) == torus.cell(8, 8));
  codes[static_cast<std::size_t>(torus.cell(8, 8))] = CellCode::cop;
  CHECK(random_empty_cell(torus, codes, rng) == -1);
}

TEST_CASE("epstein: a vision wider than the torus is refused with the key to fix", "[epstein]") {
  EpsteinDef def;
  def.width = def.height = 12;
  def.citizen_vision = 7;  // needs 15 x 15
  def.cop_vision = 5;
  try {
    EpsteinModel model(def, 1);
    FAIL("expected an InputError");
  } catch (const insim::InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].key_path == "epstein.citizen_vision");
    CHECK_THAT(e.what(), Catch::Contains("2v + 1"));
  }
}
