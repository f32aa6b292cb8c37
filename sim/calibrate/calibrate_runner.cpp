#include "calibrate/calibrate_runner.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "calibrate/calibrate_outputs.hpp"
#include "calibrate/calibration_targets.hpp"
#include "scenario/loader/field_location.hpp"
#include "core/error.hpp"
#include "output/number_format.hpp"
#include "run/runner.hpp"
#include "run/stop_request.hpp"
#include "scenario/schema.hpp"
#include "validation/target_checks.hpp"

namespace insim::calibrate {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

void stop_if_requested() {
  if (const int sig = stop_signal(); sig != 0) throw RunStopped(sig, 0, 0);
}

struct Spec {
  CalibrateDef def;
  scenario::LoadResult info;
  std::string file;
};

class Calibration {
 public:
  explicit Calibration(const CalibrateOptions& options)
      : spec_(load_spec(options.spec)),
        base_file_(options.spec.parent_path() / spec_.def.scenario),
        base_(load_scenario_file(base_file_)),
        integer_(parameter_kinds()),
        targets_(spec_.def, spec_.info, spec_.file, base_, targets_file(options.spec)) {
    for (std::size_t i = 0; i < spec_.def.parameters.size(); ++i) {
      try {
        priors_.emplace_back(spec_.def.parameters[i]);
      } catch (const std::invalid_argument& e) {
        throw InputError(scenario::diagnostic_at(spec_.info, spec_.file,
                                fmt::format("calibrate.parameters[{}].distribution", i), e.what()));
      }
    }
    check_prior_ranges();
  }

  const Spec& spec() const { return spec_; }
  const std::filesystem::path& base_file() const { return base_file_; }
  const LoadedScenario& base() const { return base_; }
  const CalibrationTargets& targets() const { return targets_; }
  const std::vector<Prior>& priors() const { return priors_; }
  const std::vector<bool>& integer() const { return integer_; }

  // The candidate's target values, averaged over its replicates, and its distance.
  Evaluation evaluate(std::span<const double> theta, CandidateId id) const {
    const std::vector<scenario::Override> overrides = overrides_for(theta);
    try {
      // Read as `--set` reads a value, so each is checked against its field's range and every
      // check across fields (about 15 ms for the Sahel baseline's files: a few % of a run).
      const LoadedScenario scenario = load_scenario_file(base_file_, overrides);
      const std::size_t n = targets_.targets().size();
      std::vector<double> sum(n, 0.0);
      std::vector<std::int64_t> count(n, 0);
      for (std::int64_t r = 0; r < spec_.def.abc.replicates; ++r) {
        const std::uint64_t seed =
            run_seed(static_cast<std::uint64_t>(spec_.def.seed), id, static_cast<std::uint64_t>(r));
        const std::vector<double> v = targets_.simulate(scenario.def, seed, stop_if_requested);
        for (std::size_t k = 0; k < n; ++k) {
          if (std::isnan(v[k])) continue;
          sum[k] += v[k];
          ++count[k];
        }
      }
      Evaluation e;
      for (std::size_t k = 0; k < n; ++k) {
        e.simulated.push_back(count[k] > 0 ? sum[k] / static_cast<double>(count[k])
                                           : std::numeric_limits<double>::quiet_NaN());
      }
      e.distance = targets_.distance(e.simulated);
      return e;
    } catch (const RunStopped&) {
      throw;
    } catch (const InputError& e) {
      std::vector<Diagnostic> ds = e.diagnostics();
      for (auto& d : ds) d.message = context(id, theta) + ": " + d.message;
      throw InputError(std::move(ds));
    } catch (const std::exception& e) {
      throw std::runtime_error(context(id, theta) + ": " + e.what());
    }
  }

  // Generation 0's first batch: a target no run could measure is a spec problem (a check
  // reading dates after the runs' end, a window with no recorded state), not bad luck.
  void check_measurable(std::span<const Evaluation> batch) const {
    const auto& targets = targets_.targets();
    for (std::size_t k = 0; k < targets.size(); ++k) {
      std::size_t runs = 0;
      bool measured = false;
      for (const Evaluation& e : batch) {
        if (e.simulated.empty()) continue;
        ++runs;
        measured = measured || !std::isnan(e.simulated[k]);
      }
      if (runs == 0 || measured) continue;
      const Target& t = targets[k];
      const TargetDef& d = spec_.def.targets[t.spec_index];
      const std::string field = is_observed(d) ? "columns" : d.check.empty() ? "checks" : "check";
      throw InputError(scenario::diagnostic_at(
          spec_.info, spec_.file, fmt::format("calibrate.targets[{}].{}", t.spec_index, field),
          fmt::format("{} could not be measured on any of the first {} runs of generation 0 "
                      "(their runs are {} steps, run.steps of {}): it reads dates the runs do not "
                      "reach, or its window holds no recorded week; lengthen run.steps or drop "
                      "the target",
                      t.name, runs * static_cast<std::size_t>(spec_.def.abc.replicates),
                      base_.def.run.steps, base_file_.string())));
    }
  }

 private:
  static Spec load_spec(const std::filesystem::path& file) {
    Spec s;
    s.file = file.string();
    s.info = scenario::load(file, {}, [&s](scenario::Schema& schema) {
      scenario::Schema::Section section(schema, "calibrate");
      describe(schema, s.def);
    });
    return s;
  }

  std::filesystem::path targets_file(const std::filesystem::path& spec) const {
    return spec_.def.targets_file.empty() ? validation::default_targets_file(base_file_)
                                          : spec.parent_path() / spec_.def.targets_file;
  }

  std::vector<bool> parameter_kinds() const {
    std::vector<bool> integer;
    for (std::size_t i = 0; i < spec_.def.parameters.size(); ++i) {
      const std::string& path = spec_.def.parameters[i].path;
      const std::string key = fmt::format("calibrate.parameters[{}].path", i);
      if (path.find('[') != std::string::npos) {
        throw InputError(
            scenario::diagnostic_at(spec_.info, spec_.file, key,
                   fmt::format("{} is an element of a list: best.yaml could not set it alone (a "
                               "scenario that extends another replaces whole lists); fit a value "
                               "outside a list",
                               path)));
      }
      const auto* field = scenario::numeric_field(base_.info, path);
      if (!field) {
        throw InputError(scenario::diagnostic_at(
            spec_.info, spec_.file, key,
            fmt::format("{} is not a number or integer of the base scenario {} (insim params {} "
                        "lists them)",
                        path, base_file_.string(), base_file_.string())));
      }
      integer.push_back(field->type.rfind("integer", 0) == 0);
    }
    return integer;
  }

  std::string value_text(std::size_t j, double x) const {
    return output::format_number(integer_[j] ? std::round(x) : x);
  }

  std::vector<scenario::Override> overrides_for(std::span<const double> theta) const {
    std::vector<scenario::Override> o;
    for (std::size_t j = 0; j < theta.size(); ++j)
      o.push_back({spec_.def.parameters[j].path, value_text(j, theta[j])});
    return o;
  }

  std::string context(CandidateId id, std::span<const double> theta) const {
    std::vector<std::string> values;
    for (const auto& v : overrides_for(theta)) values.push_back(v.path + " = " + v.value);
    return fmt::format("calibration candidate {} of generation {} ({})", id.index, id.generation,
                       fmt::join(values, ", "));
  }

  // Every value a prior can give must be one the base accepts: its ends are tried (a field's
  // range is an interval).
  void check_prior_ranges() const {
    const auto& params = spec_.def.parameters;
    for (const bool high : {false, true}) {
      std::vector<double> ends;
      for (const auto& p : params) ends.push_back(high ? p.high : p.low);
      const std::vector<scenario::Override> o = overrides_for(ends);
      try {
        (void)load_scenario_file(base_file_, o);
      } catch (const InputError& e) {
        for (const Diagnostic& d : e.diagnostics()) {
          for (std::size_t j = 0; j < params.size(); ++j) {
            if (d.key_path != params[j].path) continue;
            throw InputError(
                scenario::diagnostic_at(spec_.info, spec_.file,
                       fmt::format("calibrate.parameters[{}].{}", j, high ? "high" : "low"),
                       fmt::format("the prior reaches {} = {}, which the base scenario refuses: {}",
                                   params[j].path, o[j].value, d.message)));
          }
        }
        throw;
      }
    }
  }

  Spec spec_;
  std::filesystem::path base_file_;
  LoadedScenario base_;
  std::vector<bool> integer_;
  CalibrationTargets targets_;
  std::vector<Prior> priors_;
};

}  // namespace

void check_calibration_spec(const std::filesystem::path& spec) {
  CalibrateOptions options;
  options.spec = spec;
  (void)Calibration(options);
}

CalibrateOutcome run_calibration(const CalibrateOptions& options) {
  const auto started = Clock::now();
  const auto started_utc = std::chrono::system_clock::now();
  const Calibration c(options);
  CalibrateOutputs outputs(options.out_dir);  // fails now if the folder cannot be written

  const CalibrateDef& def = c.spec().def;
  AbcOptions abc;
  abc.particles = static_cast<std::size_t>(def.abc.particles);
  abc.generations = static_cast<std::size_t>(def.abc.generations);
  abc.quantile = def.abc.quantile;
  abc.min_acceptance = def.abc.min_acceptance;
  abc.seed = static_cast<std::uint64_t>(def.seed);
  abc.min_batch =
      static_cast<std::size_t>(std::max(4, 2 * oneapi::tbb::this_task_arena::max_concurrency()));
  abc.after_batch = [&c](CandidateId first, std::span<const Evaluation> batch) {
    stop_if_requested();
    if (first.generation == 0 && first.index == 0) c.check_measurable(batch);
  };
  std::vector<double> generation_seconds;
  auto generation_started = Clock::now();
  abc.on_generation = [&](const Generation& g) {
    generation_seconds.push_back(seconds_since(generation_started));
    generation_started = Clock::now();
    if (options.progress) options.progress(g, generation_seconds.back());
  };

  CalibrateOutcome outcome;
  outcome.result = abc_smc(c.priors(), abc, [&c](std::span<const double> theta, CandidateId id) {
    return c.evaluate(theta, id);
  });
  stop_if_requested();

  outcome.wall_seconds = seconds_since(started);
  const CalibrationRecord record{def,
                                 options.spec,
                                 c.spec().info,
                                 c.base_file(),
                                 c.base(),
                                 c.targets(),
                                 c.priors(),
                                 c.integer(),
                                 outcome.result,
                                 options.command_line,
                                 options.threads,
                                 started_utc,
                                 outcome.wall_seconds,
                                 generation_seconds};
  outcome.files = outputs.write(record);
  return outcome;
}

}  // namespace insim::calibrate
