// The loader's small parts: edit distance and suggestions, strict scalars, key paths.
#include <catch2/catch.hpp>

#include "scenario/loader/key_path.hpp"
#include "scenario/loader/scalar_parse.hpp"
#include "scenario/loader/suggest.hpp"

namespace sc = insim::scenario;

TEST_CASE("suggest: Damerau-Levenshtein counts a swap of neighbours as one edit", "[suggest]") {
  CHECK(sc::edit_distance("", "") == 0);
  CHECK(sc::edit_distance("abc", "") == 3);
  CHECK(sc::edit_distance("flor", "floor") == 1);
  CHECK(sc::edit_distance("hieght", "height") == 1);  // Levenshtein alone says 2
  CHECK(sc::edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("suggest: only close names are offered, best first, ties in the given order",
          "[suggest]") {
  const std::vector<std::string> keys{"width", "height", "citizen_vision", "cop_vision"};
  CHECK(sc::closest("widht", keys) == std::vector<std::string>{"width"});
  CHECK(sc::closest("HEIGHT", keys) == std::vector<std::string>{"height"});
  CHECK(sc::closest("vison", keys) == std::vector<std::string>{"citizen_vision", "cop_vision"});
  CHECK(sc::closest("cop_visoin", keys) == std::vector<std::string>{"cop_vision"});
  CHECK(sc::closest("banana", keys).empty());
  CHECK(sc::closest("x", keys).empty());
  CHECK(sc::did_you_mean({}).empty());
  CHECK(sc::did_you_mean({"a"}) == " (did you mean 'a'?)");
  CHECK(sc::did_you_mean({"a", "b", "c"}) == " (did you mean 'a', 'b' or 'c'?)");
}

TEST_CASE("scalars: integers are digits with an optional sign, within 64 bits", "[scalars]") {
  CHECK(sc::parse_integer("42") == 42);
  CHECK(sc::parse_integer("-7") == -7);
  CHECK(sc::parse_integer("+7") == 7);
  for (const char* bad :
       {"", "1.5", "1e3", "abc", "0x10", "1_000", " 1", "99999999999999999999", "-", "+"}) {
    INFO(bad);
    CHECK_FALSE(sc::parse_integer(bad).has_value());
  }
}

TEST_CASE("scalars: numbers follow the YAML 1.2 core syntax and must be finite", "[scalars]") {
  CHECK(sc::parse_real("0.5") == 0.5);
  CHECK(sc::parse_real(".5") == 0.5);
  CHECK(sc::parse_real("5.") == 5.0);
  CHECK(sc::parse_real("-2.5e-3") == -0.0025);
  CHECK(sc::parse_real("+1E2") == 100.0);
  CHECK(sc::parse_real("3") == 3.0);
  for (const char* bad :
       {"", ".", "e3", "1e", "nan", ".nan", ".inf", "-.inf", "1e999", "0x1p3", "1,5", "one"}) {
    INFO(bad);
    CHECK_FALSE(sc::parse_real(bad).has_value());
  }
  CHECK(sc::format_real(0.1) == "0.1");
  CHECK(sc::format_real(1.0) == "1");
  CHECK(sc::format_real(0.1 + 0.2) == "0.30000000000000004");
}

TEST_CASE("scalars: booleans are exactly true or false", "[scalars]") {
  CHECK(sc::parse_boolean("true") == true);
  CHECK(sc::parse_boolean("false") == false);
  for (const char* bad : {"yes", "no", "on", "off", "True", "FALSE", "1", "0", "y"}) {
    INFO(bad);
    CHECK_FALSE(sc::parse_boolean(bad).has_value());
  }
}

TEST_CASE("key paths: dotted names with list indices split into steps", "[paths]") {
  std::string why;
  const auto steps = sc::split_path("sahel.events[3].date", why);
  REQUIRE(steps);
  REQUIRE(steps->size() == 3);
  CHECK((*steps)[1].key == "events");
  CHECK((*steps)[1].indices == std::vector<std::size_t>{3});
  CHECK(sc::join_steps(*steps, 2, 0) == "sahel.events");
  CHECK(sc::join_steps(*steps, 3, SIZE_MAX) == "sahel.events[3].date");
  CHECK(sc::ancestors_of("sahel.events[3].date") ==
        std::vector<std::string>{"sahel", "sahel.events", "sahel.events[3]"});
  for (const char* bad : {"", "a.", ".a", "a..b", "a[]", "a[-1]", "a[1", "a b", "a[1]x"}) {
    INFO(bad);
    CHECK_FALSE(sc::split_path(bad, why).has_value());
    CHECK_FALSE(why.empty());
  }
}
