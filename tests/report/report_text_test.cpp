#include "report/report_text.hpp"

#include <catch2/catch.hpp>
#include <cmath>

using namespace insim::report;

TEST_CASE("report text: escaping makes markup inert in content and attributes") {
  CHECK(escape_xml("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(escape_xml("Ségou") == "Ségou");
}

TEST_CASE("report text: numbers get thousands separators, a true minus and no minus zero") {
  CHECK(fixed(1234567.891, 2) == "1,234,567.89");
  CHECK(fixed(-12345.678, 1) == "\u221212,345.7");
  CHECK(fixed(-0.04, 1) == "0.0");
  CHECK(fixed(999, 0) == "999");
  CHECK(fixed(1000, 0) == "1,000");
  CHECK(fixed(std::nan(""), 0) == "n/a");
}

TEST_CASE("report text: quantities show three significant digits without trailing zeros") {
  CHECK(readable(12345.6) == "12,346");
  CHECK(readable(31.42) == "31.4");
  CHECK(readable(31.0) == "31");
  CHECK(readable(0.04567) == "0.0457");
  CHECK(readable(99.96) == "100");
  CHECK(readable(-2.5) == "\u22122.5");
  CHECK(readable(0.0) == "0");
  CHECK(signed_readable(1200) == "+1,200");
  CHECK(signed_readable(-35.24) == "\u221235.2");
  CHECK(signed_readable(0.0) == "0");
}

TEST_CASE("report text: ratios read as signed percentages") {
  CHECK(signed_percent(-0.314) == "\u221231%");
  CHECK(signed_percent(0.052) == "+5.2%");
  CHECK(signed_percent(0.0) == "0.0%");
  CHECK(signed_percent(1.5) == "+150%");
}

TEST_CASE("report text: months are named and malformed months are refused") {
  CHECK(month_label("2030-12") == "December 2030");
  CHECK(month_label("2012-01") == "January 2012");
  CHECK(is_year_month("2012-09"));
  CHECK_FALSE(is_year_month("2012-13"));
  CHECK_FALSE(is_year_month("2012-1"));
  CHECK_THROWS_AS(month_label("12/2030"), std::invalid_argument);
}

TEST_CASE("report text: wrapping keeps lines within the width and every word in order") {
  const auto lines = wrap_words("the quick brown fox jumps over the lazy dog", 10);
  CHECK(lines ==
        std::vector<std::string>{"the quick", "brown fox", "jumps over", "the lazy", "dog"});
  CHECK(wrap_words("averyveryverylongword fits", 5) ==
        std::vector<std::string>{"averyveryverylongword", "fits"});
  CHECK(code_points("Ségou") == 5);
}
