#include "calibrate/distance.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace insim::calibrate {

double log_scale(double x) { return std::copysign(std::log1p(std::fabs(x)), x); }

double observed_term(double simulated, double observed) {
  return log_scale(simulated) - log_scale(observed);
}

double band_term(double value, const validation::Band& band) {
  if (std::isnan(value)) return value;
  if (value < band.low) return log_scale(value) - log_scale(band.low);
  if (value > band.high) return log_scale(value) - log_scale(band.high);
  return 0.0;  // inside, or on an end (an open end is missed by nothing)
}

double rms_distance(std::span<const double> terms, std::span<const double> weights) {
  if (terms.size() != weights.size() || terms.empty()) {
    throw std::invalid_argument(
        fmt::format("rms_distance: {} terms and {} weights", terms.size(), weights.size()));
  }
  double sum = 0.0;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    if (std::isnan(terms[i])) return std::numeric_limits<double>::quiet_NaN();
    const double t = weights[i] * terms[i];
    sum += t * t;
  }
  return std::sqrt(sum / static_cast<double>(terms.size()));
}

}  // namespace insim::calibrate
