#pragma once
// Paired replicates for the direction tests of the Sahel mechanisms X01-X12
// (tests/sahel/mechanisms_test.cpp): the baseline at a coarse scale, run on the same seeds with
// and without a mechanism (or a change to the history), and the per-seed differences of a
// statistic judged by their mean's sign and a one-sided Wilcoxon signed-rank test.
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "models/sahel/sahel_def.hpp"
#include "models/sahel/sahel_model.hpp"
#include "models/scenario_def.hpp"
#include "rng/counter_rng.hpp"
#include "scenario/loader/loader.hpp"
#include "scenario/schema.hpp"

namespace insim::test {

// scenarios/sahel/baseline.yaml as the runner reads it, with one agent for `people_per_agent`
// people. test_sahel does not link insim_run (run/scenario_loading.hpp), so this declares the
// top level of ScenarioDef itself (model, name, description, run.*) and then the sahel section,
// as models/scenario_def.cpp does.
inline sahel::SahelDef sahel_baseline(std::int64_t people_per_agent) {
  namespace sc = scenario;
  static const sahel::SahelDef loaded = [] {
    sahel::SahelDef def;
    const auto file =
        std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "sahel" / "baseline.yaml";
    (void)sc::load(file, {}, [&def](sc::Schema& s) {
      ModelKind model = ModelKind::epstein;
      sc::choice(s, "model", model, kModelKindNames, "which model");
      s.require(model == ModelKind::sahel, "model", "a Sahel scenario");
      std::string text;
      s.text("name", text, "name");
      s.text("description", text, "description");
      {
        sc::Schema::Section run(s, "run");
        std::int64_t steps = 0, seed = 0, every = 1;
        s.integer("steps", steps, 1, 1'000'000'000, "steps");
        s.integer("seed", seed, 0, 9'007'199'254'740'991, "seed");
        s.integer("record_every", every, 1, 1'000'000'000, "record_every");
      }
      sc::Schema::Section section(s, "sahel");
      describe(s, def);
    });
    return def;
  }();
  sahel::SahelDef def = loaded;
  def.world.people_per_agent = people_per_agent;
  return def;
}

// Runs a model of `def` with `seed` from the start until the week that holds `stop` (not
// simulated), calling each_week(model, week) after each step with the start date of the week
// just simulated: the model's national row then holds that week's tallies.
template <class EachWeek>
void run_until(const sahel::SahelDef& def, std::uint64_t seed, Date stop, EachWeek&& each_week) {
  sahel::SahelModel model(def, seed);
  const Calendar calendar = *model.calendar();  // calendar() returns by value
  const std::int64_t last = std::min(model.calendar_steps(), calendar.step_of(stop));
  for (std::int64_t t = 0; t < last; ++t) {
    model.step();
    each_week(static_cast<const sahel::SahelModel&>(model), calendar.date_of(t));
  }
}

// Per-seed values of a statistic for the run with the mechanism and the run without it.
struct Paired {
  std::vector<double> with;
  std::vector<double> without;
};

// K statistics of runs of several variants ("arms") of a scenario on seeds 1..replicates:
// values[arm][k][replicate].
template <std::size_t K>
struct Runs {
  std::vector<std::array<std::vector<double>, K>> values;
  [[nodiscard]] Paired paired(std::size_t with, std::size_t without, std::size_t k) const {
    return {values[with][k], values[without][k]};
  }
};

// statistics(def, seed) -> std::array<double, K> for each arm and seed, all runs in parallel
// (each run is deterministic for any thread count, so the values do not depend on scheduling).
template <std::size_t K, class Statistics>
Runs<K> run_arms(const std::vector<sahel::SahelDef>& arms, int replicates,
                 Statistics&& statistics) {
  const auto n = static_cast<std::size_t>(replicates);
  std::vector<std::array<double, K>> flat(arms.size() * n);
  oneapi::tbb::parallel_for(std::size_t{0}, flat.size(), [&](std::size_t job) {
    flat[job] = statistics(arms[job / n], job % n + 1);
  });
  Runs<K> out;
  out.values.resize(arms.size());
  for (std::size_t job = 0; job < flat.size(); ++job)
    for (std::size_t k = 0; k < K; ++k) out.values[job / n][k].push_back(flat[job][k]);
  return out;
}

// One statistic(def, seed) -> double, with and without.
template <class Statistic>
Paired run_pairs(const sahel::SahelDef& with, const sahel::SahelDef& without, int replicates,
                 Statistic&& statistic) {
  const auto runs =
      run_arms<1>({with, without}, replicates, [&](const sahel::SahelDef& def, std::uint64_t seed) {
        return std::array<double, 1>{statistic(def, seed)};
      });
  return runs.paired(0, 1, 0);
}

enum class Expect { higher, lower };

// One-sided exact Wilcoxon signed-rank test of paired differences: P(W >= observed) under "no
// effect", W the sum of the ranks of |d| of the differences on the expected side. Zero
// differences are dropped (Wilcoxon's convention) and tied |d| share their mean rank; 1 when no
// pair differs. Exact, by counting the sign assignments of the doubled (integer) ranks.
inline double signed_rank_p(std::vector<double> d, Expect expect) {
  if (expect == Expect::lower)
    for (double& x : d) x = -x;
  d.erase(std::remove(d.begin(), d.end(), 0.0), d.end());
  const std::size_t n = d.size();
  if (n == 0) return 1.0;
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return std::abs(d[a]) < std::abs(d[b]); });
  std::vector<int> rank2(n);  // twice the (mean) rank
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j + 1 < n && std::abs(d[order[j + 1]]) == std::abs(d[order[i]])) ++j;
    for (std::size_t k = i; k <= j; ++k) rank2[order[k]] = static_cast<int>(i + j + 2);
    i = j + 1;
  }
  int observed = 0;
  int total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    total += rank2[i];
    if (d[i] > 0.0) observed += rank2[i];
  }
  std::vector<double> ways(static_cast<std::size_t>(total) + 1, 0.0);  // sign assignments by W
  ways[0] = 1.0;
  for (std::size_t i = 0; i < n; ++i)
    for (int w = total; w >= rank2[i]; --w) ways[w] += ways[w - rank2[i]];
  double tail = 0.0;
  for (int w = observed; w <= total; ++w) tail += ways[w];
  return tail / std::ldexp(1.0, static_cast<int>(n));
}

// The direction tests' criterion: the mean difference has the expected sign and the one-sided
// signed-rank p is at most 0.05 (six pairs all one way give 1/64; skewed differences, such as
// counts of rare events, are judged fairly, unlike by a t statistic).
inline constexpr double kSignificance = 0.05;

inline bool moves(const std::vector<double>& d, Expect expect) {
  double mean = 0.0;
  for (double x : d) mean += x / static_cast<double>(d.size());
  const bool sign = expect == Expect::higher ? mean > 0.0 : mean < 0.0;
  return sign && signed_rank_p(d, expect) <= kSignificance;
}

// The paired differences (with - without) and what they say about the direction.
struct Difference {
  std::vector<double> d;
  double mean = 0.0;
  double sd = 0.0;  // sample standard deviation of the differences
  double t = 0.0;   // paired t, reported only: mean / (sd / sqrt(n)); +-inf if all differ alike
  int above = 0;    // pairs with with > without
  int below = 0;

  // Bootstrap power: the share of 1,000 samples of d.size() pairs, drawn with replacement from
  // these differences, that pass `moves`. An estimate of how reliably this N shows an effect of
  // the size observed (optimistic for small N, which under-represents the tails).
  [[nodiscard]] double power(Expect expect) const {
    constexpr int kSamples = 1000;
    int passed = 0;
    std::vector<double> sample(d.size());
    for (int b = 0; b < kSamples; ++b) {
      rng::CounterRng g(0, 0, static_cast<std::uint64_t>(b), 0);  // a fixed key: reproducible
      for (double& x : sample) x = d[g.below(d.size())];
      passed += moves(sample, expect);
    }
    return static_cast<double>(passed) / kSamples;
  }

  [[nodiscard]] std::string report(const std::string& statistic, Expect expect) const {
    std::ostringstream out;
    out << statistic << " [" << (expect == Expect::higher ? "expected higher" : "expected lower")
        << "]: n = " << d.size() << ", mean difference " << mean << " (sd " << sd << "), t = " << t
        << ", " << above << " pairs higher / " << below
        << " lower, signed-rank p = " << signed_rank_p(d, expect) << ", bootstrap power "
        << power(expect) << "; differences:";
    for (double x : d) out << ' ' << x;
    return out.str();
  }
};

inline Difference difference(const Paired& p) {
  Difference out;
  const std::size_t n = p.with.size();
  for (std::size_t i = 0; i < n; ++i) {
    const double x = p.with[i] - p.without[i];
    out.d.push_back(x);
    out.mean += x / static_cast<double>(n);
    if (x > 0.0) ++out.above;
    if (x < 0.0) ++out.below;
  }
  double squares = 0.0;
  for (double x : out.d) squares += (x - out.mean) * (x - out.mean);
  out.sd = n > 1 ? std::sqrt(squares / static_cast<double>(n - 1)) : 0.0;
  if (out.sd > 0.0)
    out.t = out.mean / (out.sd / std::sqrt(static_cast<double>(n)));
  else if (out.mean != 0.0)
    out.t = std::copysign(std::numeric_limits<double>::infinity(), out.mean);
  return out;
}

}  // namespace insim::test
