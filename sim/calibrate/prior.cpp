#include "calibrate/prior.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace insim::calibrate {

namespace {

analysis::ParameterDistribution distribution_of(const sweep::ParameterDef& p) {
  switch (p.distribution) {
    case sweep::Distribution::uniform:
      return analysis::ParameterDistribution::uniform(p.low, p.high);
    case sweep::Distribution::log_uniform:
      return analysis::ParameterDistribution::log_uniform(p.low, p.high);
    case sweep::Distribution::normal:
      return analysis::ParameterDistribution::truncated_normal(p.mean, p.sd, p.low, p.high);
    case sweep::Distribution::values:
      break;
  }
  throw std::invalid_argument(fmt::format(
      "{}: a prior must be uniform, log_uniform or normal, not a list of values", p.path));
}

}  // namespace

Prior::Prior(const sweep::ParameterDef& def) : def_(def), distribution_(distribution_of(def)) {
  work_low_ = to_work(def.low);
  work_high_ = to_work(def.high);
}

double Prior::to_work(double x) const {
  return def_.distribution == sweep::Distribution::log_uniform ? std::log(x) : x;
}

double Prior::from_work(double w) const {
  const double x = def_.distribution == sweep::Distribution::log_uniform ? std::exp(w) : w;
  return std::clamp(x, def_.low, def_.high);
}

double Prior::log_density(double w) const {
  if (def_.distribution != sweep::Distribution::normal) return 0.0;  // flat in w
  const double z = (w - def_.mean) / def_.sd;
  return -0.5 * z * z;
}

std::string Prior::text() const {
  switch (def_.distribution) {
    case sweep::Distribution::uniform:
      return fmt::format("uniform [{}, {}]", def_.low, def_.high);
    case sweep::Distribution::log_uniform:
      return fmt::format("log_uniform [{}, {}]", def_.low, def_.high);
    case sweep::Distribution::normal:
      return fmt::format("normal({}, {}) in [{}, {}]", def_.mean, def_.sd, def_.low, def_.high);
    case sweep::Distribution::values:
      break;
  }
  return {};
}

}  // namespace insim::calibrate
