#pragma once
// The design a sobol or morris sweep ran, rebuilt from the spec stored in its database (the
// loader, sweep_points, and saltelli_design / morris_design with the spec's arguments, as
// `insim sweep` made it) and checked against the points stored with the runs: the estimators
// pair runs by their place in the design (Saltelli's groups, Morris's moves), so a database
// whose points are not the design's would give wrong indices without any sign of it.
#include <filesystem>
#include <optional>
#include <string>

#include "analysis/morris_design.hpp"
#include "analysis/saltelli_design.hpp"
#include "sweep/result_store.hpp"
#include "sweep/sweep_def.hpp"

namespace insim::sweep {

// The spec text of `header` read back through the scenario loader. Throws InputError naming
// `database` and the stored spec's path when it no longer loads (e.g. a key this insim does not
// know, or an `extends:` that only resolved beside the original file).
[[nodiscard]] SweepDef stored_spec(const SweepHeader& header,
                                   const std::filesystem::path& database);

struct RebuiltDesign {
  SweepDef def;
  std::optional<analysis::SaltelliDesign> saltelli;  // a sobol sweep
  std::optional<analysis::MorrisDesign> morris;      // a morris sweep
};

// Throws InputError naming `database` when the sweep is neither sobol nor morris (saying which
// designs support sensitivity analysis), its spec does not load, or the rebuilt design differs
// from the stored plan: parameters, number of points, or any value (an integer parameter's
// value may be the design's rounded, as `insim sweep` applies it).
[[nodiscard]] RebuiltDesign rebuild_design(const SweepPlan& plan,
                                           const std::filesystem::path& database);

}  // namespace insim::sweep
