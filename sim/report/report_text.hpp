#pragma once
// How the report spells text and numbers for a reader: escaped for HTML and SVG, numbers rounded
// to what a reader can take in, with thousands separators and a true minus sign, months by name.
#include <string>
#include <string_view>
#include <vector>

namespace insim::report {

// Escapes & < > " ' so that text is safe both as element content and inside attribute values,
// in HTML and in SVG (XML).
[[nodiscard]] std::string escape_xml(std::string_view text);

// `value` with `decimals` digits after the point, thousands grouped with commas, "−" (U+2212)
// for negatives, never "−0": fixed(-12345.678, 1) == "−12,345.7".
[[nodiscard]] std::string fixed(double value, int decimals);

// A reported quantity to three significant digits (at least the integer part), without
// trailing zeros:
// 12345.6 -> "12,346", 31.42 -> "31.4", 0.04567 -> "0.0457". "n/a" for NaN.
[[nodiscard]] std::string readable(double value);

// A ratio as a signed percentage, whole percents (one decimal below 10%): -0.314 -> "−31%",
// 0.052 -> "+5.2%". "n/a" for NaN.
[[nodiscard]] std::string signed_percent(double ratio);

// readable() with a sign: "+1,200", "−35.2", "0".
[[nodiscard]] std::string signed_readable(double value);

// "2030-12" -> "December 2030". std::invalid_argument unless the text is YYYY-MM.
[[nodiscard]] std::string month_label(std::string_view year_month);
// Whether the text is YYYY-MM with a month 01..12.
[[nodiscard]] bool is_year_month(std::string_view text);

// Splits text at spaces into lines of at most `max_chars` characters (counting UTF-8 code
// points); a word longer than that gets a line of its own.
[[nodiscard]] std::vector<std::string> wrap_words(std::string_view text, std::size_t max_chars);

// An SVG coordinate or length in pixels, to a tenth: 12.345 -> "12.3".
[[nodiscard]] std::string coordinate(double pixels);

// Code points in UTF-8 text: the width estimates of SVG labels count characters, not bytes.
[[nodiscard]] std::size_t code_points(std::string_view text);

}  // namespace insim::report
