#include "scenario/loader/scalar_parse.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

namespace insim::scenario {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t skip_digits(std::string_view s, std::size_t i) {
  while (i < s.size() && is_digit(s[i])) ++i;
  return i;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_non_finite_word(std::string_view s) {
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  const std::string l = lower(s);
  return l == ".nan" || l == "nan" || l == ".inf" || l == "inf" || l == "infinity";
}
}  // namespace

bool looks_numeric(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::size_t int_begin = i;
  i = skip_digits(s, i);
  bool has_digits = i > int_begin;
  if (i < s.size() && s[i] == '.') {
    const std::size_t frac_begin = i + 1;
    i = skip_digits(s, frac_begin);
    has_digits = has_digits || i > frac_begin;
  }
  if (!has_digits) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    const std::size_t exp_begin = i;
    i = skip_digits(s, i);
    if (i == exp_begin) return false;
  }
  return i == s.size();
}

std::optional<std::int64_t> parse_integer(std::string_view s) {
  if (!s.empty() && s[0] == '+') s.remove_prefix(1);
  const std::size_t digits_begin = !s.empty() && s[0] == '-' ? 1 : 0;
  if (s.size() == digits_begin || skip_digits(s, digits_begin) != s.size()) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_real(std::string_view s) {
  if (!looks_numeric(s)) return std::nullopt;
  if (s[0] == '+') s.remove_prefix(1);
  double value = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<bool> parse_boolean(std::string_view s) {
  if (s == "true") return true;
  if (s == "false") return false;
  return std::nullopt;
}

std::string integer_hint(std::string_view s) {
  if (parse_integer(s).has_value()) return "";
  if (looks_numeric(s)) {
    std::string_view digits = s;
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
    if (skip_digits(digits, 0) == digits.size()) return " (outside the 64-bit integer range)";
    return " (write a whole number, without a decimal point or exponent)";
  }
  return "";
}

std::string real_hint(std::string_view s) {
  if (is_non_finite_word(s)) return " (not a finite number)";
  if (looks_numeric(s) && !parse_real(s).has_value()) return " (too large for a number)";
  return "";
}

std::string boolean_hint(std::string_view s) {
  static constexpr std::array<std::string_view, 8> kYaml11Words{"yes", "no", "on", "off",
                                                                "y",   "n",  "1",  "0"};
  const std::string l = lower(s);
  if (l == "true" || l == "false") return " (write it in lower case: true or false)";
  for (auto w : kYaml11Words)
    if (l == w)
      return " (write true or false; words like yes/no/on/off are not accepted, so that a "
             "value always reads one way)";
  return "";
}

std::string format_real(double value) { return fmt::format("{}", value); }

}  // namespace insim::scenario
