#include "calibrate/calibrate_outputs.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>

#include "calibrate/best_scenario.hpp"
#include "calibrate/weighted_summary.hpp"
#include "output/csv_field.hpp"
#include "output/number_format.hpp"
#include "run/run_environment.hpp"

namespace insim::calibrate {

namespace {

using output::csv_field;
using output::format_number;

const Generation& posterior(const CalibrationRecord& r) { return r.result.generations.back(); }

std::vector<double> weights_of(const Generation& g) {
  std::vector<double> w;
  for (const Particle& p : g.particles) w.push_back(p.weight);
  return w;
}

WeightedSummary parameter_summary(const Generation& g, std::size_t j) {
  std::vector<double> values;
  for (const Particle& p : g.particles) values.push_back(p.theta[j]);
  return weighted_summary(values, weights_of(g));
}

WeightedSummary target_summary(const Generation& g, std::size_t k) {
  std::vector<double> values;
  for (const Particle& p : g.particles) {
    values.push_back(k < p.simulated.size() ? p.simulated[k]
                                            : std::numeric_limits<double>::quiet_NaN());
  }
  return weighted_summary(values, weights_of(g));
}

// The value best.yaml sets: the median, rounded for an integer field.
double best_value(const CalibrationRecord& r, std::size_t j, double median) {
  return r.integer[j] ? std::round(median) : median;
}

std::filesystem::path prepared(const std::filesystem::path& out_dir) {
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    throw output::OutputError(
        fmt::format("cannot create the output folder {}: {}", out_dir.string(), ec.message()));
  }
  return out_dir;
}

// JSON has no infinity: generation 0's tolerance is written as null.
nlohmann::ordered_json number_or_null(double x) {
  return std::isfinite(x) ? nlohmann::ordered_json(x) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json generation_json(const Generation& g) {
  return {{"generation", g.index},
          {"tolerance", number_or_null(g.tolerance)},
          {"candidates", g.candidates},
          {"simulated", g.simulated},
          {"undefined", g.undefined},
          {"accepted", g.particles.size()},
          {"acceptance_rate", g.acceptance_rate()}};
}

}  // namespace

std::string particles_csv(const CalibrationRecord& r) {
  std::string out = "generation,particle,weight,distance";
  for (const Prior& p : r.priors) out += "," + csv_field(p.def().path);
  out += "\n";
  for (const Generation& g : r.result.generations) {
    for (std::size_t i = 0; i < g.particles.size(); ++i) {
      const Particle& p = g.particles[i];
      out += fmt::format("{},{},{},{}", g.index, i, format_number(p.weight),
                         format_number(p.distance));
      for (double x : p.theta) out += "," + format_number(x);
      out += "\n";
    }
  }
  return out;
}

std::string posterior_csv(const CalibrationRecord& r) {
  std::string out = "parameter,prior,mean,median,p5,p95\n";
  for (std::size_t j = 0; j < r.priors.size(); ++j) {
    const WeightedSummary s = parameter_summary(posterior(r), j);
    out += fmt::format("{},{},{},{},{},{}\n", csv_field(r.priors[j].def().path),
                       csv_field(r.priors[j].text()), format_number(s.mean), format_number(s.p50),
                       format_number(s.p5), format_number(s.p95));
  }
  return out;
}

std::string fit_csv(const CalibrationRecord& r) {
  std::string out = "target,kind,what,observed,band,source,weight,median,p5,p95\n";
  const auto& targets = r.targets.targets();
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const Target& t = targets[k];
    const bool observed = t.kind == Target::Kind::observed;
    const WeightedSummary s = target_summary(posterior(r), k);
    out += fmt::format(
        "{},{},{},{},{},{},{},{},{},{}\n", csv_field(t.name), observed ? "observed" : "check",
        csv_field(t.what), observed ? format_number(t.observed) : "",
        observed ? "" : csv_field(t.band.to_string()), csv_field(t.source), format_number(t.weight),
        format_number(s.p50), format_number(s.p5), format_number(s.p95));
  }
  return out;
}

std::string best_yaml(const CalibrationRecord& r, const std::filesystem::path& out_dir) {
  const Generation& g = posterior(r);
  const std::size_t generations = r.result.generations.size() - 1;
  std::vector<BestValue> values;
  for (std::size_t j = 0; j < r.priors.size(); ++j) {
    const WeightedSummary s = parameter_summary(g, j);
    values.push_back(
        {r.priors[j].def().path, format_number(best_value(r, j, s.p50)),
         fmt::format("insim calibrate {} (ABC-SMC, {} particles, {} generations): posterior "
                     "median, 90% interval [{:.4g}, {:.4g}]",
                     r.spec_file.string(), g.particles.size(), generations, s.p5, s.p95)});
  }
  const std::filesystem::path base = std::filesystem::relative(
      std::filesystem::absolute(r.base_file), std::filesystem::absolute(out_dir));
  const std::string comment = fmt::format(
      "The posterior medians of insim calibrate {} (docs/calibrate.md): the base scenario with\n"
      "the fitted parameters set; posterior.csv has their intervals, fit.csv how the runs meet\n"
      "the targets.",
      r.spec_file.string());
  return best_scenario_yaml(base.generic_string(), r.base.def.name + " (calibrated)", comment,
                            values);
}

std::string manifest_json(const CalibrationRecord& r) {
  nlohmann::ordered_json m = manifest_opening("insim calibrate", r.started_utc, r.command_line);
  m["threads"] = r.threads;
  m["spec"] = {{"file", r.spec_file.string()}, {"hash", r.spec_info.hash}};
  m["base_scenario"] = {
      {"file", r.base_file.string()}, {"files", r.base.info.files}, {"hash", r.base.info.hash}};
  if (r.targets.has_checks()) {
    m["targets_file"] = {{"file", r.targets.targets_file().string()},
                         {"hash", r.targets.targets_hash()}};
  }
  m["seed"] = r.def.seed;
  m["algorithm"] = {
      {"name", "ABC-SMC (Beaumont et al. 2009 population Monte Carlo, adaptive tolerances)"},
      {"particles", r.def.abc.particles},
      {"generations", r.def.abc.generations},
      {"quantile", r.def.abc.quantile},
      {"replicates", r.def.abc.replicates},
      {"min_acceptance", r.def.abc.min_acceptance},
      {"kernel", "Gaussian, twice the previous population's weighted covariance"}};
  nlohmann::ordered_json parameters = nlohmann::ordered_json::array();
  for (const Prior& p : r.priors)
    parameters.push_back({{"path", p.def().path}, {"prior", p.text()}});
  m["parameters"] = parameters;
  nlohmann::ordered_json targets = nlohmann::ordered_json::array();
  for (const Target& t : r.targets.targets()) {
    targets.push_back({{"name", t.name},
                       {"kind", t.kind == Target::Kind::observed ? "observed" : "check"},
                       {"weight", t.weight}});
  }
  m["targets"] = targets;
  nlohmann::ordered_json generations = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < r.result.generations.size(); ++i) {
    nlohmann::ordered_json g = generation_json(r.result.generations[i]);
    if (i < r.generation_seconds.size()) g["wall_seconds"] = r.generation_seconds[i];
    generations.push_back(std::move(g));
  }
  m["generations"] = generations;
  if (r.result.stop == StopReason::acceptance) {
    m["stopped"] = "the acceptance rate fell below min_acceptance";
    m["abandoned_generation"] = generation_json(r.result.abandoned);
  } else {
    m["stopped"] = "all generations done";
  }
  m["wall_seconds"] = r.wall_seconds;
  m["outputs"] = {kParticlesCsv, kPosteriorCsv, kFitCsv, kBestYaml, kCalibrateManifest};
  return m.dump(2) + "\n";
}

CalibrateOutputs::CalibrateOutputs(const std::filesystem::path& out_dir)
    : out_dir_(prepared(out_dir)),
      particles_(out_dir / kParticlesCsv),
      posterior_(out_dir / kPosteriorCsv),
      fit_(out_dir / kFitCsv),
      best_(out_dir / kBestYaml),
      manifest_(out_dir / kCalibrateManifest) {}

std::vector<std::filesystem::path> CalibrateOutputs::write(const CalibrationRecord& r) {
  particles_.write(particles_csv(r));
  posterior_.write(posterior_csv(r));
  fit_.write(fit_csv(r));
  best_.write(best_yaml(r, out_dir_));
  manifest_.write(manifest_json(r));
  std::vector<output::AtomicFile*> files{&particles_, &posterior_, &fit_, &best_, &manifest_};
  for (auto* f : files) f->finish();
  std::vector<std::filesystem::path> paths;
  for (auto* f : files) {
    f->commit();
    paths.push_back(f->target());
  }
  return paths;
}

}  // namespace insim::calibrate
