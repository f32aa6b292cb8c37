#include "sweep/sensitivity_design.hpp"

#include <fmt/format.h>
#include <stdlib.h>  // mkdtemp

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "core/error.hpp"
#include "output/number_format.hpp"
#include "scenario/loader/loader.hpp"
#include "scenario/schema.hpp"
#include "sweep/sweep_points.hpp"

namespace insim::sweep {

namespace fs = std::filesystem;

namespace {

InputError database_error(const fs::path& database, std::string message) {
  return InputError(Diagnostic{database.string(), 0, 0, "", std::move(message)});
}

// A private folder for the spec's text while the loader reads it (the loader reads files),
// removed with its content when done.
class TemporaryFolder {
 public:
  TemporaryFolder() {
    std::string pattern = (fs::temp_directory_path() / "insim-spec-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error(
          fmt::format("cannot create a temporary folder like {}: {}", pattern,
                      std::error_code(errno, std::generic_category()).message()));
    }
    path_ = pattern;
  }
  ~TemporaryFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Equal as stored: the very double, or (an integer parameter) the double rounded. The tolerance
// only absorbs a last-bit difference between builds; a different design differs by far more.
bool same_value(double stored, double rebuilt) {
  const auto close = [](double a, double b) {
    return std::abs(a - b) <= 1e-12 * std::max({1.0, std::abs(a), std::abs(b)});
  };
  return close(stored, rebuilt) || close(stored, std::round(rebuilt));
}

}  // namespace

SweepDef stored_spec(const SweepHeader& header, const fs::path& database) {
  const TemporaryFolder folder;
  // The stored file's own name, so that the loader's messages read like the original's.
  fs::path name = fs::path(header.spec_path).filename();
  if (name.empty()) name = "spec.yaml";
  const fs::path file = folder.path() / name;
  {
    std::ofstream out(file, std::ios::binary);
    out << header.spec_text;
    if (!out.flush()) {
      throw std::runtime_error(fmt::format("cannot write {}", file.string()));
    }
  }
  SweepDef def;
  try {
    (void)scenario::load(file, {}, [&def](scenario::Schema& s) {
      scenario::Schema::Section section(s, "sweep");
      describe(s, def);
    });
  } catch (const InputError& e) {
    throw database_error(
        database, fmt::format("the sweep spec stored in it ({}) does not load with this insim, "
                              "so its design cannot be rebuilt:\n{}",
                              header.spec_path, e.what()));
  }
  return def;
}

RebuiltDesign rebuild_design(const SweepPlan& plan, const fs::path& database) {
  const auto& h = plan.header;
  if (h.design != kDesignNames[static_cast<std::size_t>(Design::sobol)] &&
      h.design != kDesignNames[static_cast<std::size_t>(Design::morris)]) {
    throw database_error(
        database,
        fmt::format("is a sweep with design '{}'; sensitivity analysis needs design 'sobol' "
                    "(Sobol' indices) or 'morris' (elementary effects): run a sweep with one of "
                    "them (docs/sweeps.md)",
                    h.design));
  }
  RebuiltDesign rebuilt;
  rebuilt.def = stored_spec(h, database);
  const SweepDef& def = rebuilt.def;
  const auto made_by =
      fmt::format("the insim that made it (version {}, commit {})", h.insim_version, h.git_commit);
  const auto differs = [&](const std::string& what) {
    return database_error(
        database,
        fmt::format("{}; the runs cannot be paired as the design pairs them, so no indices are "
                    "computed. Analyse it with {}",
                    what, made_by));
  };
  if (kDesignNames[static_cast<std::size_t>(def.design)] != h.design) {
    throw differs(fmt::format("its stored spec has design '{}', its header '{}'",
                              kDesignNames[static_cast<std::size_t>(def.design)], h.design));
  }
  if (def.parameters.size() != plan.parameters.size()) {
    throw differs(fmt::format("its stored spec varies {} parameters, its plan {}",
                              def.parameters.size(), plan.parameters.size()));
  }
  for (std::size_t j = 0; j < def.parameters.size(); ++j) {
    if (def.parameters[j].path != plan.parameters[j].name) {
      throw differs(fmt::format("parameter {} is {} in its stored spec and {} in its plan", j + 1,
                                def.parameters[j].path, plan.parameters[j].name));
    }
  }

  const SweepPoints points = sweep_points(def, h.spec_path);
  if (points.count() != plan.points.size()) {
    throw differs(fmt::format("it holds {} points; the {} design of its spec has {}",
                              plan.points.size(), h.design, points.count()));
  }
  for (std::size_t i = 0; i < points.count(); ++i) {
    for (std::size_t j = 0; j < def.parameters.size(); ++j) {
      const ParameterValue& stored = plan.points[i].values[j];
      const double value = points.value(i, j);
      if (!stored.number || !same_value(*stored.number, value)) {
        throw differs(fmt::format(
            "point {} ({}) has {} = {} in the database, but the design rebuilt from its spec "
            "gives {}",
            i, plan.points[i].role.empty() ? "no role" : plan.points[i].role,
            def.parameters[j].path, stored.text, output::format_number(value)));
      }
    }
  }

  const std::size_t n = static_cast<std::size_t>(def.samples);
  const std::size_t d = def.parameters.size();
  if (def.design == Design::sobol) {
    rebuilt.saltelli = analysis::saltelli_design(n, d);
  } else {
    rebuilt.morris = analysis::morris_design(n, d, static_cast<std::size_t>(def.morris_levels),
                                             static_cast<std::uint64_t>(def.seed));
  }
  return rebuilt;
}

}  // namespace insim::sweep
