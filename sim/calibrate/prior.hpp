#pragma once
// A fitted parameter's prior, and the coordinate ABC-SMC moves it in. The perturbation kernel
// works on w = ln x for a log-uniform prior (a rate spanning orders of magnitude is moved by
// factors, and its prior is flat in w) and on w = x otherwise. Densities are in w and known up to
// a constant factor, which cancels when the importance weights are normalised.
#include <string>

#include "analysis/parameter_distribution.hpp"
#include "sweep/sweep_def.hpp"

namespace insim::calibrate {

class Prior {
 public:
  // Throws std::invalid_argument for a list of values or bounds that hold no probability.
  explicit Prior(const sweep::ParameterDef& def);

  // A draw from the prior, from a uniform u in [0, 1] (inverse CDF, as a sweep's designs do).
  [[nodiscard]] double value(double u) const { return distribution_.value(u); }

  [[nodiscard]] double to_work(double x) const;
  // Back from the working coordinate, kept inside [low, high] against rounding.
  [[nodiscard]] double from_work(double w) const;
  [[nodiscard]] bool in_support(double w) const { return w >= work_low_ && w <= work_high_; }
  // ln of the prior density in w, up to a constant; only meaningful inside the support.
  [[nodiscard]] double log_density(double w) const;
  // The support's width in w: the scale of the kernel's smallest spread.
  [[nodiscard]] double work_width() const { return work_high_ - work_low_; }

  [[nodiscard]] const sweep::ParameterDef& def() const { return def_; }
  // "log_uniform [0.001, 0.025]", "normal(0.3, 0.1) in [0, 1]"
  [[nodiscard]] std::string text() const;

 private:
  sweep::ParameterDef def_;
  analysis::ParameterDistribution distribution_;
  double work_low_ = 0.0, work_high_ = 1.0;
};

}  // namespace insim::calibrate
