#include "scenario/loader/suggest.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace insim::scenario {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // d[i][j]: distance between a[0..i) and b[0..j); three rows are enough for transpositions.
  const std::size_t n = b.size();
  std::vector<std::size_t> before(n + 1), previous(n + 1), current(n + 1);
  for (std::size_t j = 0; j <= n; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= n; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[n];
}

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Edits from `word` to `candidate` or to one of its snake_case parts, doubled, plus one for a
// part: a whole-name match beats a part match at the same number of edits.
std::size_t score(const std::string& word, const std::string& candidate, std::size_t& edits) {
  edits = edit_distance(word, candidate);
  std::size_t best = 2 * edits;
  std::size_t begin = 0;
  while (begin <= candidate.size()) {
    std::size_t end = candidate.find('_', begin);
    if (end == std::string::npos) end = candidate.size();
    const std::string_view part = std::string_view(candidate).substr(begin, end - begin);
    if (part.size() >= 3 && part.size() < candidate.size()) {
      const std::size_t e = edit_distance(word, part);
      if (2 * e + 1 < best) {
        best = 2 * e + 1;
        edits = e;
      }
    }
    begin = end + 1;
  }
  return best;
}
}  // namespace

std::vector<std::string> closest(std::string_view word,
                                 const std::vector<std::string>& candidates) {
  const std::string w = lower(word);
  const std::size_t limit = std::max<std::size_t>(1, w.size() / 3);
  std::size_t best = std::numeric_limits<std::size_t>::max();
  std::vector<std::string> out;
  for (const auto& c : candidates) {
    std::size_t edits = 0;
    const std::size_t s = score(w, lower(c), edits);
    if (edits > limit || s > best) continue;
    if (s < best) {
      best = s;
      out.clear();
    }
    if (out.size() < 3 && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  return out;
}

std::string join(const std::vector<std::string>& names, std::string_view separator) {
  std::string out;
  for (const auto& n : names) {
    if (!out.empty()) out += separator;
    out += n;
  }
  return out;
}

std::string did_you_mean(const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
    out += "'" + names[i] + "'";
  }
  return out + "?)";
}

}  // namespace insim::scenario
