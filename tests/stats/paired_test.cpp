#include "stats/paired.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

#include "rng/counter_rng.hpp"

using insim::rng::CounterRng;
using insim::stats::paired_difference;
using insim::stats::PairedDifference;
using insim::stats::student_t_quantile;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint64_t kSeed = 20240401;
constexpr double kTwoPi = 6.283185307179586476925;

// Standard normal by Box-Muller from two of the generator's uniforms.
double normal(CounterRng& rng) {
  const double u1 = 1.0 - rng.uniform();  // (0, 1]: log is finite
  const double u2 = rng.uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
}

// Poisson(mean) by inversion of the cumulative distribution (means up to a few hundred).
double poisson(CounterRng& rng, double mean) {
  const double u = rng.uniform();
  double k = 0.0, p = std::exp(-mean), cumulative = p;
  while (u > cumulative && p > 0.0) {
    k += 1.0;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

// One replicated comparison: n runs of a base and an alternative scenario sharing seeds, with
// the true difference and ratio of their means known by construction.
struct Sample {
  std::vector<double> base, alt;
};

struct Design {
  Design(double difference, double ratio) : true_difference(difference), true_ratio(ratio) {}
  double true_difference;
  double true_ratio;  // E[alt] / E[base]
  virtual void draw(CounterRng& rng, Sample& s) const = 0;
  virtual ~Design() = default;
};

// Bivariate normal pairs: base ~ N(100, 15^2), alt ~ N(80, 15^2), correlation rho.
struct CorrelatedNormal final : Design {
  double rho;
  explicit CorrelatedNormal(double r) : Design{80.0 - 100.0, 0.8}, rho(r) {}
  void draw(CounterRng& rng, Sample& s) const override {
    for (std::size_t i = 0; i < s.base.size(); ++i) {
      const double z1 = normal(rng), z2 = normal(rng);
      s.base[i] = 100.0 + 15.0 * z1;
      s.alt[i] = 80.0 + 15.0 * (rho * z1 + std::sqrt(1.0 - rho * rho) * z2);
    }
  }
};

// Death counts: a run's violence level lambda is lognormal (shared by both scenarios through
// the common seed), deaths are Poisson(lambda) in the base and Poisson(0.7 lambda) in the
// alternative. Skewed, discrete and correlated, like the model's outputs.
// E[lambda] = 40 exp(sigma^2 / 2).
struct PoissonCounts final : Design {
  static constexpr double kSigma = 0.5;
  PoissonCounts() : Design{-0.3 * 40.0 * std::exp(kSigma * kSigma / 2.0), 0.7} {}
  void draw(CounterRng& rng, Sample& s) const override {
    for (std::size_t i = 0; i < s.base.size(); ++i) {
      const double lambda = 40.0 * std::exp(kSigma * normal(rng));
      s.base[i] = poisson(rng, lambda);
      s.alt[i] = poisson(rng, 0.7 * lambda);
    }
  }
};

struct Coverage {
  double absolute = 0.0, relative = 0.0;
};

Coverage coverage(const Design& design, std::size_t n, std::uint64_t stream, int trials) {
  Sample s{std::vector<double>(n), std::vector<double>(n)};
  int abs_hits = 0, rel_hits = 0;
  for (int t = 0; t < trials; ++t) {
    CounterRng rng(kSeed, stream, static_cast<std::uint64_t>(t), n);
    design.draw(rng, s);
    const PairedDifference d = paired_difference(s.base, s.alt);
    if (d.absolute.low <= design.true_difference && design.true_difference <= d.absolute.high) {
      ++abs_hits;
    }
    const double true_relative = design.true_ratio - 1.0;
    if (d.relative_defined && d.relative.low <= true_relative && true_relative <= d.relative.high) {
      ++rel_hits;
    }
  }
  return {abs_hits / static_cast<double>(trials), rel_hits / static_cast<double>(trials)};
}

double width(const insim::stats::Interval& i) { return i.high - i.low; }

double mean(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s / static_cast<double>(v.size());
}

double variance(const std::vector<double>& v) {
  const double m = mean(v);
  double s = 0.0;
  for (double x : v) s += (x - m) * (x - m);
  return s / static_cast<double>(v.size() - 1);
}

double covariance(const std::vector<double>& a, const std::vector<double>& b) {
  const double ma = mean(a), mb = mean(b);
  double s = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) s += (a[i] - ma) * (b[i] - mb);
  return s / static_cast<double>(a.size() - 1);
}

}  // namespace

TEST_CASE("t quantile: matches the printed table", "[stats][paired]") {
  CHECK(student_t_quantile(0.975, 1) == Approx(12.7062).epsilon(1e-5));
  CHECK(student_t_quantile(0.975, 4) == Approx(2.7764).epsilon(1e-4));
  CHECK(student_t_quantile(0.975, 19) == Approx(2.0930).epsilon(1e-4));
  CHECK(student_t_quantile(0.95, 10) == Approx(1.8125).epsilon(1e-4));
  CHECK(student_t_quantile(0.975, 1e6) == Approx(1.95996).epsilon(1e-5));
  CHECK(student_t_quantile(0.5, 7) == Approx(0.0).margin(1e-12));
  CHECK(student_t_quantile(0.025, 19) == Approx(-student_t_quantile(0.975, 19)));
}

TEST_CASE("t quantile: refuses p outside (0, 1) and df <= 0", "[stats][paired]") {
  CHECK_THROWS_AS(student_t_quantile(0.0, 5), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(1.0, 5), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(0.9, 0), std::invalid_argument);
  CHECK_THROWS_AS(student_t_quantile(0.9, kNaN), std::invalid_argument);
}

TEST_CASE("paired difference: the absolute interval is R's t.test on the differences",
          "[stats][paired]") {
  // Differences 1..5: R's t.test(1:5) gives mean 3, 95% CI 1.036757 to 4.963243.
  const std::vector<double> base = {10, 25, 15, 40, 30};
  const std::vector<double> alt = {11, 27, 18, 44, 35};
  const PairedDifference d = paired_difference(base, alt);
  CHECK(d.n == 5);
  CHECK(d.level == 0.95);
  CHECK(d.base_mean == Approx(24.0));
  CHECK(d.alternative_mean == Approx(27.0));
  CHECK(d.absolute.estimate == Approx(3.0));
  CHECK(d.absolute.low == Approx(1.036757).epsilon(1e-6));
  CHECK(d.absolute.high == Approx(4.963243).epsilon(1e-6));
  CHECK_FALSE(d.spans_zero);
  REQUIRE(d.relative_defined);
  CHECK(d.relative.estimate == Approx(0.125));
  CHECK(d.relative.low < 0.125);
  CHECK(d.relative.high > 0.125);
}

TEST_CASE("paired difference: equal differences give an interval of zero width",
          "[stats][paired]") {
  const std::vector<double> base = {1.5, 2.25, 10.0, 7.0, 0.125};
  const std::vector<double> alt = {4.5, 5.25, 13.0, 10.0, 3.125};  // base + 3, exactly
  const PairedDifference d = paired_difference(base, alt);
  CHECK(d.absolute.estimate == 3.0);
  CHECK(d.absolute.low == 3.0);
  CHECK(d.absolute.high == 3.0);
  CHECK_FALSE(d.spans_zero);

  // alt = 2 base exactly: the ratio is known without error.
  const std::vector<double> steady = {10.0, 12.0, 11.0, 9.5, 10.25};
  const std::vector<double> twice = {20.0, 24.0, 22.0, 19.0, 20.5};
  const PairedDifference r = paired_difference(steady, twice);
  REQUIRE(r.relative_defined);
  CHECK(r.relative.estimate == Approx(1.0));
  CHECK(r.relative.low == Approx(1.0));
  CHECK(r.relative.high == Approx(1.0));
}

TEST_CASE(
    "paired difference: Fieller's limits are where the paired t test of a - R b is "
    "just significant",
    "[stats][paired]") {
  const std::vector<double> base = {52, 61, 47, 70, 58, 66, 49, 55};
  const std::vector<double> alt = {40, 50, 41, 52, 47, 49, 42, 41};
  const PairedDifference d = paired_difference(base, alt);
  REQUIRE(d.relative_defined);
  const double n = 8.0, t = student_t_quantile(0.975, 7);
  const double ma = mean(alt), mb = mean(base);
  const double saa = variance(alt), sbb = variance(base), sab = covariance(alt, base);
  for (double relative : {d.relative.low, d.relative.high}) {
    const double r = relative + 1.0;
    const double statistic = (ma - r * mb) / std::sqrt((saa - 2 * r * sab + r * r * sbb) / n);
    CHECK(std::fabs(statistic) == Approx(t).epsilon(1e-9));
  }
  CHECK(d.relative.estimate == Approx(ma / mb - 1.0));
  CHECK(d.relative.low < d.relative.estimate);
  CHECK(d.relative.estimate < d.relative.high);
}

TEST_CASE("paired difference: the relative interval spans 0 exactly when the absolute one does",
          "[stats][paired]") {
  const std::vector<double> base = {52, 61, 47, 70, 58, 66, 49, 55};
  const std::vector<double> clear = {40, 50, 41, 52, 47, 49, 42, 41};
  const std::vector<double> unclear = {55, 58, 45, 73, 57, 63, 50, 54};
  const PairedDifference a = paired_difference(base, clear);
  const PairedDifference b = paired_difference(base, unclear);
  CHECK_FALSE(a.spans_zero);
  CHECK(a.relative.high < 0.0);
  CHECK(b.spans_zero);
  REQUIRE(b.relative_defined);
  CHECK(b.relative.low < 0.0);
  CHECK(b.relative.high > 0.0);
}

TEST_CASE("paired difference: no relative difference when the base mean is 0 or too noisy",
          "[stats][paired]") {
  const std::vector<double> zero = {0, 0, 0, 0};
  const std::vector<double> some = {3, 5, 4, 4};
  const PairedDifference d = paired_difference(zero, some);
  CHECK_FALSE(d.relative_defined);
  CHECK(std::isnan(d.relative.estimate));
  CHECK(d.absolute.estimate == Approx(4.0));

  // Base mean 0.15 with a spread of about 2: any ratio is compatible with the data.
  const std::vector<double> noisy = {-2.0, 2.5, -1.5, 1.6};
  const PairedDifference e = paired_difference(noisy, some);
  CHECK(e.base_mean == Approx(0.15));
  CHECK_FALSE(e.relative_defined);
  CHECK(std::isnan(e.relative.low));
}

TEST_CASE("paired difference: pairs with NaN are left out", "[stats][paired]") {
  const std::vector<double> base = {1, 2, kNaN, 4};
  const std::vector<double> alt = {2, kNaN, 5, 6};
  const PairedDifference d = paired_difference(base, alt);
  CHECK(d.n == 2);
  CHECK(d.base_mean == Approx(2.5));
  CHECK(d.absolute.estimate == Approx(1.5));  // differences 1 and 2

  const std::vector<double> gaps = {kNaN, 1, kNaN, kNaN};
  const PairedDifference none = paired_difference(gaps, alt);
  CHECK(none.n == 0);
  CHECK(std::isnan(none.absolute.low));
  CHECK_FALSE(none.relative_defined);
  CHECK_FALSE(none.spans_zero);
}

TEST_CASE("paired difference: refuses unequal sizes, fewer than 2 runs and a bad level",
          "[stats][paired]") {
  const std::vector<double> two = {1, 2}, three = {1, 2, 3}, one = {1};
  CHECK_THROWS_AS(paired_difference(two, three), std::invalid_argument);
  CHECK_THROWS_AS(paired_difference(one, one), std::invalid_argument);
  CHECK_THROWS_AS(paired_difference(two, two, 1.0), std::invalid_argument);
  CHECK_THROWS_AS(paired_difference(two, two, 0.0), std::invalid_argument);
}

TEST_CASE("paired difference: a lower level gives a narrower interval", "[stats][paired]") {
  const std::vector<double> base = {52, 61, 47, 70, 58, 66, 49, 55};
  const std::vector<double> alt = {40, 50, 41, 52, 47, 49, 42, 41};
  const PairedDifference d95 = paired_difference(base, alt, 0.95);
  const PairedDifference d80 = paired_difference(base, alt, 0.80);
  CHECK(d80.level == 0.80);
  CHECK(width(d80.absolute) < width(d95.absolute));
  CHECK(width(d80.relative) < width(d95.relative));
  CHECK(width(d80.absolute) / width(d95.absolute) ==
        Approx(student_t_quantile(0.9, 7) / student_t_quantile(0.975, 7)));
}

// Acceptance of issue 4: the 95% intervals cover the truth in 93-97% of 4000 synthetic
// comparisons, for normal pairs and for skewed, discrete counts like deaths.
TEST_CASE(
    "paired difference: 95% intervals cover the true difference and ratio 93-97% of the "
    "time",
    "[stats][paired][coverage]") {
  constexpr int kTrials = 4000;
  const CorrelatedNormal normal_pairs(0.7);
  const PoissonCounts counts;
  struct Case {
    const Design* design;
    std::size_t n;
    std::uint64_t stream;
  };
  for (const Case& c : {Case{&normal_pairs, 20, 1}, Case{&normal_pairs, 50, 2},
                        Case{&counts, 20, 3}, Case{&counts, 50, 4}}) {
    const Coverage cov = coverage(*c.design, c.n, c.stream, kTrials);
    INFO("stream " << c.stream << ", n = " << c.n << ": absolute " << cov.absolute << ", relative "
                   << cov.relative);
    CHECK(cov.absolute >= 0.93);
    CHECK(cov.absolute <= 0.97);
    CHECK(cov.relative >= 0.93);
    CHECK(cov.relative <= 0.97);
  }
}

TEST_CASE("paired difference: pairing makes the interval much narrower for correlated runs",
          "[stats][paired]") {
  // Welch's unpaired interval, which ignores that run i of both scenarios shares its seed.
  const auto unpaired_width = [](const std::vector<double>& a, const std::vector<double>& b) {
    const double n = static_cast<double>(a.size());
    const double va = variance(a) / n, vb = variance(b) / n;
    const double df = (va + vb) * (va + vb) / (va * va / (n - 1) + vb * vb / (n - 1));
    return 2.0 * student_t_quantile(0.975, df) * std::sqrt(va + vb);
  };
  const auto mean_width_ratio = [&](double rho, std::uint64_t stream) {
    const CorrelatedNormal design(rho);
    Sample s{std::vector<double>(30), std::vector<double>(30)};
    double sum = 0.0;
    constexpr int kTrials = 200;
    for (int t = 0; t < kTrials; ++t) {
      CounterRng rng(kSeed, stream, static_cast<std::uint64_t>(t), 0);
      design.draw(rng, s);
      sum += width(paired_difference(s.base, s.alt).absolute) / unpaired_width(s.base, s.alt);
    }
    return sum / kTrials;
  };
  // sd(a - b) = sqrt(2 (1 - rho)) sigma against sqrt(2) sigma unpaired: ratio sqrt(1 - rho).
  const double correlated = mean_width_ratio(0.95, 10);
  CHECK(correlated < 0.3);
  CHECK(correlated == Approx(std::sqrt(0.05)).epsilon(0.15));
  const double independent = mean_width_ratio(0.0, 11);
  CHECK(independent == Approx(1.0).epsilon(0.1));
}
