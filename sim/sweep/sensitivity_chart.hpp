#pragma once
// The chart of `insim analyze sensitivity --svg`: one row per parameter, most important first,
// a horizontal bar per index with its bootstrap interval as a whisker: Sobol' first-order (S1)
// and total (ST) indices side by side, or Morris's mu*. Titled with the metric, the value axis
// labelled with what the index measures, the runs used in a note.
#include <string>

#include "sweep/sensitivity_analysis.hpp"

namespace insim::sweep {

// A standalone SVG document. Elements a test can find: <svg class="sensitivity-chart">,
// per parameter <g class="parameter" data-parameter="NAME">, per index a
// <rect class="bar" data-index="S1|ST|mu*"> and, where the interval is known, a
// <path class="whisker">.
[[nodiscard]] std::string sensitivity_svg(const SensitivityResult& result,
                                          const std::string& database);

}  // namespace insim::sweep
