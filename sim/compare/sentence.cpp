#include "compare/sentence.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

namespace insim::compare {

namespace {

// "1234567.50" -> "1,234,567.5": separators in the whole part, trailing zeros of the fraction
// dropped.
std::string tidy(std::string digits) {
  if (const auto dot = digits.find('.'); dot != std::string::npos) {
    while (digits.back() == '0') digits.pop_back();
    if (digits.back() == '.') digits.pop_back();
  }
  const std::size_t whole_end = std::min(digits.find('.'), digits.size());
  for (std::size_t i = whole_end; i > 3; i -= 3) digits.insert(i - 3, ",");
  return digits;
}

// `magnitude` >= 0 rounded to `decimals` places, with the sign put back unless it rounds to 0.
std::string signed_text(double value, double magnitude, int decimals) {
  std::string text = tidy(fmt::format("{:.{}f}", magnitude, decimals));
  if (value < 0.0 && text != "0") text.insert(0, "-");
  return text;
}

// How one kind of number is spoken of: relative changes in percent ("31% lower"), counts in
// their unit ("12 people more").
struct Wording {
  std::function<std::string(double)> spell;  // of a magnitude >= 0
  std::string down, up;                      // "lower" / "higher", "fewer" / "more"
  bool relative = false;
  std::string unit;         // after the number: "people"; empty for percentages
  std::string unit_single;  // after "1": "person"
};

bool rounds_to_zero(const Wording& w, double value) {
  return w.spell(std::fabs(value)) == w.spell(0.0);
}

// "31% lower", "12 people more", "1 person fewer"; empty when it rounds to no change.
std::string change_text(const Wording& w, double value) {
  if (rounds_to_zero(w, value)) return {};
  const std::string number = w.spell(std::fabs(value));
  std::string text = number;
  if (!w.unit.empty()) text += " " + (number == "1" ? w.unit_single : w.unit);
  return text + " " + (value < 0.0 ? w.down : w.up);
}

// "22% to 40% lower", "from 5% lower to 11% higher", "4 to 20", "from 4 fewer to 10 more".
std::string interval_text(const Wording& w, double low, double high) {
  const bool low_below = low < 0.0 && !rounds_to_zero(w, low);
  const bool high_above = high > 0.0 && !rounds_to_zero(w, high);
  if (low_below && high_above) {
    return fmt::format("from {} {} to {} {}", w.spell(std::fabs(low)), w.down,
                       w.spell(std::fabs(high)), w.up);
  }
  // Both on one side of zero (or at it): nearest to zero first.
  const bool below = low_below;
  const double near = below ? high : low;
  const double far = below ? low : high;
  std::string text = fmt::format("{} to {}", w.spell(std::fabs(near)), w.spell(std::fabs(far)));
  // Relative limits carry their direction; absolute ones read after the change ("12 people
  // more (95% CI 4 to 20)") do not need it.
  if (w.relative && (low_below || high_above)) text += " " + (below ? w.down : w.up);
  return text;
}

std::string singular(std::string_view unit) {
  if (unit == "people") return "person";
  if (!unit.empty() && unit.back() == 's') return std::string(unit.substr(0, unit.size() - 1));
  return std::string(unit);
}

bool finite(const stats::Interval& i) {
  return std::isfinite(i.estimate) && std::isfinite(i.low) && std::isfinite(i.high);
}

}  // namespace

std::string plain_number(double value) {
  if (!std::isfinite(value)) return "n/a";
  double magnitude = std::fabs(value);
  if (magnitude >= 1000.0) {
    const double step = std::pow(10.0, std::floor(std::log10(magnitude)) - 2.0);
    magnitude = std::round(magnitude / step) * step;
    return signed_text(value, magnitude, 0);
  }
  const int decimals = magnitude >= 10.0 ? 0 : magnitude >= 1.0 ? 1 : 2;
  return signed_text(value, magnitude, decimals);
}

std::string plain_percent(double share) {
  if (!std::isfinite(share)) return "n/a";
  const double percent = share * 100.0;
  const double magnitude = std::fabs(percent);
  return signed_text(percent, magnitude, magnitude >= 10.0 ? 0 : 1) + "%";
}

std::string difference_sentence(std::string_view scenario_label, std::string_view outcome,
                                std::string_view unit, std::string_view window,
                                std::string_view base_label, const stats::PairedDifference& d) {
  std::string subject = fmt::format("In \"{}\", {}", scenario_label, outcome);
  if (!window.empty()) subject += fmt::format(" {}", window);
  if (d.n < 2 || !finite(d.absolute)) {
    return fmt::format("{} cannot be compared with {}: too few runs have a value for it.", subject,
                       base_label);
  }
  const bool use_relative = d.relative_defined && finite(d.relative);
  const bool percent_unit = !unit.empty() && unit.front() == '%';
  Wording w;
  std::string base_value;  // "(0)" after the base label in the absolute form
  if (use_relative) {
    w = {plain_percent, "lower", "higher", true, "", ""};
  } else if (percent_unit) {
    w = {plain_number, "lower", "higher", false, "percentage points", "percentage point"};
    base_value = fmt::format(" ({}%)", plain_number(d.base_mean));
  } else {
    w = {plain_number, "fewer", "more", false, std::string(unit), singular(unit)};
    base_value = fmt::format(" ({})", plain_number(d.base_mean));
  }
  const stats::Interval& x = use_relative ? d.relative : d.absolute;
  const std::string change = change_text(w, x.estimate);
  const std::string level = plain_percent(d.level) + " CI";
  const std::string interval = interval_text(w, x.low, x.high);
  const std::string apart = d.spans_zero ? "; the runs cannot tell the two apart" : "";
  if (change.empty()) {
    return fmt::format("{} are about the same ({} {}) as in {}{}{}.", subject, level, interval,
                       base_label, base_value, apart);
  }
  return fmt::format("{} are {} ({} {}) than in {}{}{}.", subject, change, level, interval,
                     base_label, base_value, apart);
}

}  // namespace insim::compare
