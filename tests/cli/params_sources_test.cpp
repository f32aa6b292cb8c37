// `insim params --sources`: values set in files counted by kind of source, apart from values set
// with --set, parameters left at their defaults and list sizes; only values written without a
// source are listed as such.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <regex>
#include <string>

#include "cli/insim_process.hpp"
#include "support/scratch_folder.hpp"

using insim::test::cli_data;
using insim::test::run_insim;
using insim::test::ScratchFolder;

namespace {

struct SourceCounts {
  int parameters = -1;
  int in_files = -1;
  std::map<std::string, int> by_kind;  // document, public source, assumption, unstated
  int by_set = -1;
  int defaults = -1;
  int list_sizes = -1;
};

int number_before(const std::string& out, const std::string& words) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex(R"((?:^|\n)\s*(\d+) )" + words))) return -1;
  return std::stoi(m[1]);
}

int number_after(const std::string& out, const std::string& kind) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex("\\n\\s+" + kind + R"(\s+(\d+)\n)"))) return -1;
  return std::stoi(m[1]);
}

SourceCounts parse(const std::string& out) {
  SourceCounts c;
  c.parameters = number_before(out, "parameters:");
  c.in_files = number_before(out, "values set in the scenario files");
  for (const char* kind : {"document", "public source", "assumption", "unstated"})
    c.by_kind[kind] = number_after(out, kind);
  c.by_set = number_before(out, "values set with --set");
  c.defaults = number_before(out, "left at their defaults");
  c.list_sizes = number_before(out, "list sizes");
  return c;
}

// The paths listed under "set without a source:", each with its origin.
std::map<std::string, std::string> listed_unstated(const std::string& out) {
  std::map<std::string, std::string> listed;
  const std::string heading = "set without a source:";
  const auto at = out.find(heading + "\n");
  if (at == std::string::npos) return listed;
  const std::regex row(R"(\n  (\S+)\s+(\S+))");
  const std::string rest = out.substr(at + heading.size());  // from the newline before row 1
  for (auto it = std::sregex_iterator(rest.begin(), rest.end(), row); it != std::sregex_iterator();
       ++it)
    listed[(*it)[1]] = (*it)[2];
  return listed;
}

void check_adds_up(const SourceCounts& c) {
  int by_kind = 0;
  for (const auto& [kind, n] : c.by_kind) {
    INFO(kind);
    CHECK(n >= 0);
    by_kind += n;
  }
  CHECK(by_kind == c.in_files);
  CHECK(c.in_files + c.by_set + c.defaults + c.list_sizes == c.parameters);
}

}  // namespace

TEST_CASE("insim params --sources: defaults and list sizes are not counted as unstated values",
          "[cli][params]") {
  ScratchFolder dir("cli-params-sources-split");
  const auto r = run_insim({"params", cli_data("small.yaml").string(), "--sources"}, dir.path());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const SourceCounts c = parse(r.out);
  check_adds_up(c);
  CHECK(c.by_kind.at("public source") == 1);  // the legitimacy's citation
  CHECK(c.by_kind.at("assumption") == 1);     // the width's assumption
  CHECK(c.by_set == 0);
  CHECK(c.defaults > 10);  // the Epstein parameters small.yaml leaves out
  const auto listed = listed_unstated(r.out);
  CHECK(static_cast<int>(listed.size()) == c.by_kind.at("unstated"));
  REQUIRE(listed.count("epstein.height") == 1);  // written without a source
  CHECK_THAT(listed.at("epstein.height"), Catch::Matches(R"(.*small\.yaml:\d+:\d+)"));
  CHECK(listed.count("epstein.width") == 0);      // cites an assumption
  CHECK(listed.count("epstein.threshold") == 0);  // left at its default
}

TEST_CASE("insim params --sources: a value given with --set is counted apart and listed",
          "[cli][params]") {
  ScratchFolder dir("cli-params-sources-set");
  const auto plain =
      parse(run_insim({"params", cli_data("small.yaml").string(), "--sources"}, dir.path()).out);
  const auto r = run_insim(
      {"params", cli_data("small.yaml").string(), "--sources", "--set", "epstein.threshold=0.2"},
      dir.path());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const SourceCounts c = parse(r.out);
  check_adds_up(c);
  CHECK(c.by_set == 1);
  CHECK(c.defaults == plain.defaults - 1);
  CHECK(c.in_files == plain.in_files);
  const auto listed = listed_unstated(r.out);
  REQUIRE(listed.count("epstein.threshold") == 1);
  CHECK(listed.at("epstein.threshold") == "--set");
}

TEST_CASE("insim params --sources: the Sahel baseline and a counterfactual cite every model value",
          "[cli][params]") {
  ScratchFolder dir("cli-params-sources-sahel");
  const auto sahel = std::filesystem::path(INSIM_SOURCE_DIR) / "scenarios" / "sahel";
  for (const auto& file :
       {sahel / "baseline.yaml", sahel / "counterfactuals" / "france_stays.yaml"}) {
    INFO(file.string());
    const auto r = run_insim({"params", file.string(), "--sources"}, dir.path());
    INFO(r.out << r.err);
    REQUIRE(r.exit_code == 0);
    const SourceCounts c = parse(r.out);
    check_adds_up(c);
    CHECK(c.in_files > 1000);
    CHECK(c.by_kind.at("document") > 300);
    CHECK(c.list_sizes > 50);  // lists of events, regions, communities ...
    CHECK(c.defaults > 0);     // magnitudes an event does not give
    // Only the labels and run settings are written without a source; every sahel.* value cites
    // one.
    for (const auto& [path, origin] : listed_unstated(r.out)) {
      INFO(path << " at " << origin);
      CHECK_FALSE(path.starts_with("sahel."));
    }
  }
}
