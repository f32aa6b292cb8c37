#include "sweep/run_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace insim::sweep {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

compare::Term term_of(const std::string& column) {
  const auto slash = column.find('/');
  if (slash == std::string::npos) return {"", column};
  return {column.substr(0, slash), column.substr(slash + 1)};
}

compare::Outcomes outcomes_of(const SweepDef& def) {
  compare::Outcomes o;
  for (const MetricDef& m : def.metrics) {
    compare::Outcome outcome{"metric/" + m.name, m.name, "", {}, compare::Aggregation::flow,
                             1.0, false};
    for (const auto& c : m.columns) outcome.terms.push_back(term_of(c));
    o.outcomes.push_back(std::move(outcome));
  }
  for (const auto& s : def.series) {
    o.outcomes.push_back({"series/" + s, s, "", {{"", s}}, compare::Aggregation::stock, 1.0, false});
  }
  return o;
}

}  // namespace

RunMetrics::RunMetrics(const SweepDef& def, const Simulation& sim)
    : metrics_(def.metrics), outcomes_(outcomes_of(def)), resolved_(outcomes_, sim) {}

RunOutputs RunMetrics::run(Simulation& sim, const Calendar& calendar, std::int64_t steps,
                           const std::function<void()>& between_steps) const {
  const std::size_t m_count = metrics_.size();
  RunOutputs out;
  out.metrics.assign(m_count, kNaN);
  out.series.assign(outcomes_.outcomes.size() - m_count, {});
  for (auto& s : out.series) s.reserve(static_cast<std::size_t>(steps) + 1);
  std::vector<double> national(sim.columns().size());
  std::vector<double> places(sim.places().size() * sim.place_columns().size());
  std::vector<double> sum(m_count, 0.0), max(m_count, -std::numeric_limits<double>::infinity()),
      last(m_count, kNaN);
  std::vector<std::int64_t> count(m_count, 0);

  // A state dated `d`: series, and the mean / max / last of metrics over states.
  auto take_state = [&](Date d) {
    sim.observe(national);
    if (!places.empty()) sim.observe_places(places);
    for (std::size_t k = m_count; k < outcomes_.outcomes.size(); ++k) {
      out.series[k - m_count].push_back(resolved_.value(k, national, places));
    }
    for (std::size_t m = 0; m < m_count; ++m) {
      if (metrics_[m].aggregate == Aggregate::sum || d < metrics_[m].from || metrics_[m].to < d)
        continue;
      const double v = resolved_.value(m, national, places);
      sum[m] += v;
      max[m] = std::max(max[m], v);
      last[m] = v;
      ++count[m];
    }
  };

  take_state(calendar.date_of(0));
  for (std::int64_t w = 0; w < steps; ++w) {
    if (between_steps) between_steps();
    sim.step();
    take_state(calendar.date_of(w + 1));
    // Week w's flows are observed with state w + 1 and belong to the week's first day.
    const Date week = calendar.date_of(w);
    for (std::size_t m = 0; m < m_count; ++m) {
      if (metrics_[m].aggregate != Aggregate::sum || week < metrics_[m].from ||
          metrics_[m].to < week)
        continue;
      sum[m] += resolved_.value(m, national, places);
      ++count[m];
    }
  }
  for (std::size_t m = 0; m < m_count; ++m) {
    if (count[m] == 0) continue;
    switch (metrics_[m].aggregate) {
      case Aggregate::sum: out.metrics[m] = sum[m]; break;
      case Aggregate::mean: out.metrics[m] = sum[m] / static_cast<double>(count[m]); break;
      case Aggregate::max: out.metrics[m] = max[m]; break;
      case Aggregate::last: out.metrics[m] = last[m]; break;
    }
  }
  return out;
}

}  // namespace insim::sweep
