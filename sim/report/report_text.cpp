#include "report/report_text.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <stdexcept>

namespace insim::report {

namespace {
constexpr std::string_view kMinus = "\u2212";

std::string group_thousands(std::string digits) {
  const std::size_t point = digits.find('.');
  const std::size_t integer_end = point == std::string::npos ? digits.size() : point;
  std::string out;
  for (std::size_t i = 0; i < integer_end; ++i) {
    if (i > 0 && (integer_end - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  out.append(digits, integer_end, std::string::npos);
  return out;
}

int decimals_for_three_digits(double magnitude) {
  if (magnitude == 0.0) return 0;
  const int exponent = static_cast<int>(std::floor(std::log10(magnitude)));
  return exponent >= 2 ? 0 : 2 - exponent;
}
}  // namespace

std::string escape_xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string fixed(double value, int decimals) {
  if (std::isnan(value)) return "n/a";
  if (std::isinf(value)) return value > 0 ? "\u221e" : std::string(kMinus) + "\u221e";
  std::string digits = fmt::format("{:.{}f}", std::fabs(value), decimals);
  const bool zero = digits.find_first_not_of("0.") == std::string::npos;
  std::string out = group_thousands(std::move(digits));
  return value < 0 && !zero ? std::string(kMinus) + out : out;
}

std::string readable(double value) {
  if (!std::isfinite(value)) return fixed(value, 0);
  int decimals = decimals_for_three_digits(std::fabs(value));
  // Rounding can carry into a new digit (99.96 -> "100.0"): count again from the rounded value.
  const double rounded = std::stod(fmt::format("{:.{}f}", std::fabs(value), decimals));
  decimals = decimals_for_three_digits(rounded);
  std::string text = fixed(value, decimals);
  if (text.find('.') != std::string::npos) {  // "31.0" reads as "31"
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  return text == std::string(kMinus) + "0" ? "0" : text;
}

std::string signed_readable(double value) {
  const std::string text = readable(value);
  if (std::isnan(value) || text == "0" || text.rfind(kMinus, 0) == 0) return text;
  if (text.find_first_not_of("0.,") == std::string::npos) return text;
  return "+" + text;
}

std::string signed_percent(double ratio) {
  if (std::isnan(ratio)) return "n/a";
  const double percent = 100.0 * ratio;
  const std::string text = fixed(percent, std::fabs(percent) < 9.95 ? 1 : 0);
  if (text.rfind(kMinus, 0) == 0 || text.find_first_not_of("0.,") == std::string::npos) {
    return text + "%";
  }
  return "+" + text + "%";
}

bool is_year_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  return month >= 1 && month <= 12;
}

std::string month_label(std::string_view year_month) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (!is_year_month(year_month)) {
    throw std::invalid_argument(fmt::format("'{}' is not a month written YYYY-MM", year_month));
  }
  const int month = (year_month[5] - '0') * 10 + (year_month[6] - '0');
  return fmt::format("{} {}", kMonths[month - 1], year_month.substr(0, 4));
}

std::string coordinate(double pixels) {
  const std::string text = fmt::format("{:.1f}", pixels);
  return text == "-0.0" ? "0.0" : text;
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;  // not a continuation byte
  }
  return n;
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t max_chars) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t space = text.find(' ', start);
    const std::size_t end = space == std::string_view::npos ? text.size() : space;
    const std::string_view word = text.substr(start, end - start);
    start = end + 1;
    if (word.empty()) continue;
    if (!line.empty() && code_points(line) + 1 + code_points(word) > max_chars) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace insim::report
