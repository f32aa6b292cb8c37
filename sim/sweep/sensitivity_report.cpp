#include "sweep/sensitivity_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <vector>

#include "output/csv_field.hpp"
#include "output/number_format.hpp"

namespace insim::sweep {

namespace {

// How far the sums of the estimated indices may stray past 1 before they are called noise.
constexpr double kSumSlack = 0.1;

// Digits after the point that give about three significant digits to the largest magnitude,
// so one column reads in one precision: 50.0 and 3.0, or 12345 and 870.
int decimals_for(double largest) {
  if (!(largest > 0.0) || !std::isfinite(largest)) return 3;
  const int d = 2 - static_cast<int>(std::floor(std::log10(largest)));
  return std::clamp(d, 0, 6);
}

std::string fixed(double v, int decimals) {
  if (std::isnan(v)) return "n/a";
  const std::string s = fmt::format("{:.{}f}", v, decimals);
  // Never "-0.000": a tiny negative estimate rounds to zero without a sign.
  return s.find_first_not_of("-0.") == std::string::npos ? s.substr(s[0] == '-' ? 1 : 0) : s;
}

std::string with_interval(const stats::Interval& i, int decimals) {
  if (std::isnan(i.estimate)) return "n/a";
  return fmt::format("{} [{}, {}]", fixed(i.estimate, decimals), fixed(i.low, decimals),
                     fixed(i.high, decimals));
}

std::string number_or_empty(double v) {
  return std::isfinite(v) ? output::format_number(v) : std::string();
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string left_out_text(const SensitivityResult& r) {
  const auto& o = r.outputs;
  if (o.points_without_value == 0) return {};
  std::vector<std::string> why;
  if (o.runs_failed > 0) why.push_back(plural(o.runs_failed, "run failed", "runs failed"));
  if (o.runs_pending > 0) {
    why.push_back(plural(o.runs_pending, "run pending", "runs pending"));
  }
  if (o.runs_without_value > 0) {
    why.push_back(fmt::format("{} without a value of {}",
                              plural(o.runs_without_value, "run", "runs"), r.metric));
  }
  return fmt::format("; left out: the {} of {} ({})",
                     r.design == Design::sobol ? "base samples" : "trajectories",
                     plural(static_cast<std::size_t>(o.points_without_value), "point", "points"),
                     fmt::join(why, ", "));
}

std::string names_with_values(const SensitivityResult& r, const std::vector<std::size_t>& which,
                              const std::vector<double>& key, int decimals) {
  std::vector<std::string> items;
  for (const std::size_t i : which) {
    items.push_back(fmt::format("{} ({})", r.parameters[i], fixed(key[i], decimals)));
  }
  return fmt::format("{}", fmt::join(items, ", "));
}

std::string sobol_summary(const SensitivityResult& r) {
  const auto& s = r.sobol;
  if (!(s.variance > 0.0)) {
    return fmt::format(
        "{} does not vary over the points used: there is no variance to apportion, so every "
        "index is undefined.\n",
        r.metric);
  }
  std::vector<double> total;
  for (const auto& t : s.total) total.push_back(t.estimate);
  std::vector<std::size_t> most, little;
  for (const std::size_t i : importance_order(r)) {
    (total[i] >= kSmallTotalIndex ? most : little).push_back(i);
  }
  std::string out;
  if (most.empty()) {
    out += fmt::format(
        "No parameter reaches a total index of {}: over these ranges {} hardly "
        "depends on any of them.\n",
        kSmallTotalIndex, r.metric);
  } else {
    out += fmt::format("Matter most for {} (total index ST, interactions included): {}.\n",
                       r.metric, names_with_values(r, most, total, 2));
  }
  if (!little.empty() && !most.empty()) {
    out += fmt::format("Matter little (ST below {}): {}.\n", kSmallTotalIndex,
                       names_with_values(r, little, total, 2));
  }
  double first_sum = 0.0, total_sum = 0.0;
  for (const auto& f : s.first_order) first_sum += f.estimate;
  for (const double t : total) total_sum += t;
  // Exact indices have sum S_i <= 1 <= sum ST_i (Saltelli et al. 2008, 4.4); estimates far
  // from that say the sample is too small to apportion the variance, not that it is shared
  // by interactions.
  if (first_sum > 1.0 + kSumSlack || total_sum < 1.0 - kSumSlack) {
    out += fmt::format(
        "The estimates are too noisy to apportion the variance: first-order indices sum to "
        "{:.2f} and total indices to {:.2f}, where exact ones give at most 1 and at least 1. "
        "Run the sweep with more base samples (samples: in the spec).\n",
        first_sum, total_sum);
  } else if (1.0 - first_sum > 0.005) {
    out += fmt::format(
        "First-order indices sum to {:.2f}: about {:.0f}% of the variance of {} comes from "
        "interactions between parameters.\n",
        first_sum, 100.0 * (1.0 - first_sum), r.metric);
  } else {
    out += fmt::format(
        "First-order indices sum to {:.2f}: the parameters act on {} one by one, with no sign "
        "of interactions.\n",
        first_sum, r.metric);
  }
  return out;
}

std::string morris_summary(const SensitivityResult& r) {
  const auto& p = r.morris.parameters;
  std::vector<double> mu_star;
  for (const auto& e : p) mu_star.push_back(e.mu_star);
  const double largest = *std::max_element(mu_star.begin(), mu_star.end());
  if (!(largest > 0.0)) {
    return fmt::format(
        "{} does not change along any trajectory: no parameter has an effect "
        "over these ranges.\n",
        r.metric);
  }
  const int decimals = decimals_for(largest);
  std::vector<std::size_t> most, little, raise, lower, varying;
  for (const std::size_t i : importance_order(r)) {
    const bool matters = mu_star[i] >= kSmallMuStarShare * largest;
    (matters ? most : little).push_back(i);
    if (!matters) continue;
    // Monotonic when nearly every effect has the sign of the mean: |mu| close to mu*.
    if (p[i].mu >= 0.9 * p[i].mu_star) raise.push_back(i);
    if (-p[i].mu >= 0.9 * p[i].mu_star) lower.push_back(i);
    if (p[i].sigma >= p[i].mu_star) varying.push_back(i);
  }
  const auto names = [&](const std::vector<std::size_t>& which) {
    std::vector<std::string> n;
    for (const std::size_t i : which) n.push_back(r.parameters[i]);
    return fmt::format("{}", fmt::join(n, ", "));
  };
  std::string out =
      fmt::format("Matter most for {} (mu*, the mean absolute elementary effect): {}.\n", r.metric,
                  names_with_values(r, most, mu_star, decimals));
  if (!little.empty()) {
    out += fmt::format("Matter little (mu* below a tenth of the largest): {}.\n",
                       names_with_values(r, little, mu_star, decimals));
  }
  if (!raise.empty()) out += fmt::format("{} rises with: {}.\n", r.metric, names(raise));
  if (!lower.empty()) out += fmt::format("{} falls as these rise: {}.\n", r.metric, names(lower));
  if (!varying.empty()) {
    out += fmt::format(
        "Effects differ along the trajectories (sigma at least mu*: a nonlinear effect or "
        "interactions): {}.\n",
        names(varying));
  }
  return out;
}

}  // namespace

std::string importance_summary(const SensitivityResult& result) {
  return result.design == Design::sobol ? sobol_summary(result) : morris_summary(result);
}

std::string sensitivity_text(const SensitivityResult& r, const std::string& database) {
  const bool sobol = r.design == Design::sobol;
  const std::size_t d = r.parameters.size();
  const std::size_t points = r.units * (sobol ? d + 2 : d + 1);
  std::string out =
      fmt::format("{} of {} in {}\n", sobol ? "Sobol' indices" : "Morris elementary effects",
                  r.metric, database);
  out += fmt::format("  {}: {}\n", r.metric, r.metric_definition);
  out +=
      fmt::format("  design: {}, {} x ({} + {}) = {} points, {} each\n", sobol ? "sobol" : "morris",
                  plural(r.units, sobol ? "base sample" : "trajectory",
                         sobol ? "base samples" : "trajectories"),
                  plural(d, "parameter", "parameters"), sobol ? 2 : 1, points,
                  plural(static_cast<std::size_t>(r.replicates), "replicate", "replicates"));
  out += fmt::format("  used: {} of {} {}{}\n", r.units_used, r.units,
                     sobol ? "base samples" : "trajectories", left_out_text(r));
  if (r.replicates > 1) {
    out += fmt::format("  a point's value of {} is the mean over its {} replicates\n", r.metric,
                       r.replicates);
  }
  out += fmt::format("  intervals: {:g}% bootstrap percentile, {} resamples of the {}, seed {}\n",
                     100.0 * r.bootstrap.level, r.bootstrap.resamples,
                     sobol ? "base samples" : "trajectories", r.bootstrap.seed);
  if (!sobol) {
    out += fmt::format(
        "  effects: change in {} per move of a parameter across its whole range, as the "
        "design's steps measure it\n",
        r.metric);
  }
  out += '\n';

  std::size_t width = std::string_view("parameter").size();
  for (const auto& name : r.parameters) width = std::max(width, name.size());
  width += 2;
  const auto order = importance_order(r);
  if (sobol) {
    out += fmt::format("{:<{}}{:<26}{}\n", "parameter", width, "S1 first order [95%]",
                       "ST total [95%]");
    for (const std::size_t i : order) {
      out +=
          fmt::format("{:<{}}{:<26}{}\n", r.parameters[i], width,
                      with_interval(r.sobol.first_order[i], 3), with_interval(r.sobol.total[i], 3));
    }
  } else {
    double largest = 0.0;
    for (const auto& e : r.morris.parameters) {
      largest = std::max({largest, std::abs(e.mu_star_interval.high), std::abs(e.mu),
                          std::isfinite(e.sigma) ? e.sigma : 0.0});
    }
    const int dec = decimals_for(largest);
    out +=
        fmt::format("{:<{}}{:<26}{:>10}{:>10}\n", "parameter", width, "mu* [95%]", "mu", "sigma");
    for (const std::size_t i : order) {
      const auto& e = r.morris.parameters[i];
      out += fmt::format("{:<{}}{:<26}{:>10}{:>10}\n", r.parameters[i], width,
                         with_interval(e.mu_star_interval, dec), fixed(e.mu, dec),
                         fixed(e.sigma, dec));
    }
  }
  out += '\n';
  out += importance_summary(r);
  return out;
}

std::string sensitivity_csv(const SensitivityResult& r) {
  std::string out;
  auto row = [&out](const std::string& name, std::initializer_list<double> values) {
    output::write_csv_field(std::back_inserter(out), name);
    for (const double v : values) {
      out += ',';
      out += number_or_empty(v);
    }
    out += '\n';
  };
  if (r.design == Design::sobol) {
    out += "parameter,first_order,first_order_low,first_order_high,total,total_low,total_high\n";
    for (std::size_t i = 0; i < r.parameters.size(); ++i) {
      const auto& f = r.sobol.first_order[i];
      const auto& t = r.sobol.total[i];
      row(r.parameters[i], {f.estimate, f.low, f.high, t.estimate, t.low, t.high});
    }
  } else {
    out += "parameter,mu_star,mu_star_low,mu_star_high,mu,sigma\n";
    for (std::size_t i = 0; i < r.parameters.size(); ++i) {
      const auto& e = r.morris.parameters[i];
      row(r.parameters[i],
          {e.mu_star, e.mu_star_interval.low, e.mu_star_interval.high, e.mu, e.sigma});
    }
  }
  return out;
}

}  // namespace insim::sweep
