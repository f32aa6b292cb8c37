#pragma once
// "Did you mean ...?" for misspelt keys and choice names.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace insim::scenario {

// Damerau-Levenshtein distance (optimal string alignment): insertions, deletions,
// substitutions and transpositions of adjacent characters each cost 1.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates closest to `word`, ignoring case, at most three, in the candidates' order; empty
// when none is close (within a third of the word's length). A word close to one part of a
// snake_case candidate ("visoin" ~ "citizen_vision") is close too, after whole-name matches.
[[nodiscard]] std::vector<std::string> closest(std::string_view word,
                                               const std::vector<std::string>& candidates);

// " (did you mean 'a'?)", " (did you mean 'a', 'b' or 'c'?)", or "" when `names` is empty.
[[nodiscard]] std::string did_you_mean(const std::vector<std::string>& names);

// "a, b, c"
[[nodiscard]] std::string join(const std::vector<std::string>& names, std::string_view separator);

}  // namespace insim::scenario
