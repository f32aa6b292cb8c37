#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "cli/insim_process.hpp"
#include "support/scratch_folder.hpp"

using insim::test::cli_data;
using insim::test::run_insim;
using insim::test::ScratchFolder;

namespace {
std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The row of `insim params` for `path`, split on runs of spaces.
std::vector<std::string> table_row(const std::string& table, const std::string& path) {
  for (const auto& line : lines(table)) {
    if (line.rfind(path + " ", 0) != 0) continue;
    std::vector<std::string> cells;
    std::istringstream in(line);
    for (std::string cell; in >> cell;) cells.push_back(cell);
    return cells;
  }
  return {};
}
}  // namespace

TEST_CASE("insim validate: a good file is OK with its parameter and source counts") {
  ScratchFolder dir("cli-validate-ok");
  const auto file = cli_data("small.yaml").string();
  const auto r = run_insim({"validate", file}, dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  std::smatch m;
  REQUIRE(std::regex_search(
      r.out, m,
      std::regex(R"(: OK \((\d+) values set: (\d+) from documents, (\d+) public sources, )"
                 R"((\d+) assumptions, (\d+) without a source; (\d+) left at defaults\))")));
  CHECK(r.out.rfind(file + ": OK", 0) == 0);
  const int set = std::stoi(m[1]);
  CHECK(std::stoi(m[2]) == 0);
  CHECK(std::stoi(m[3]) == 1);  // the legitimacy's citation
  CHECK(std::stoi(m[4]) == 1);  // the width's assumption
  CHECK(std::stoi(m[2]) + std::stoi(m[3]) + std::stoi(m[4]) + std::stoi(m[5]) == set);
  CHECK(std::stoi(m[6]) >= 10);  // the parameters the file does not set keep their defaults
}

TEST_CASE("insim validate: every problem in a file is reported at once, exit 2") {
  ScratchFolder dir("cli-validate-bad");
  const auto r = run_insim({"validate", cli_data("three_problems.yaml").string()}, dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("stpes"));
  CHECK_THAT(r.err, Catch::Contains("epstein.width"));
  CHECK_THAT(r.err, Catch::Contains("epstein.cop_vision"));
  CHECK_THAT(r.err, Catch::Contains("three_problems.yaml: 3 problems"));
}

TEST_CASE("insim validate: --set problems are reported too") {
  ScratchFolder dir("cli-validate-set");
  const auto r = run_insim({"validate", cli_data("small.yaml").string(), "--set", "epstein.width=0",
                            "--set", "epstein.nothing=1"},
                           dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("epstein.width"));
  CHECK_THAT(r.err, Catch::Contains("epstein.nothing"));
}

TEST_CASE("insim params: every parameter with value, source and origin, aligned") {
  ScratchFolder dir("cli-params");
  const auto r = run_insim(
      {"params", cli_data("small.yaml").string(), "--set", "epstein.cop_vision=5"}, dir.path());
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto table = lines(r.out);
  REQUIRE(table.size() > 20);
  CHECK(table[0].rfind("PARAMETER", 0) == 0);
  // Aligned: the VALUE column starts at the same offset in the header and in every row.
  const auto value_at = table[0].find("VALUE");
  const auto width = table_row(r.out, "epstein.width");
  REQUIRE(width.size() >= 4);
  CHECK(width[1] == "20");
  CHECK(width[2] == "assumption:");
  CHECK_THAT(width.back(), Catch::Matches(R"(.*small\.yaml:\d+:\d+)"));
  for (const auto& line : table) {
    if (line.rfind("epstein.", 0) == 0) {
      INFO(line);
      CHECK(line[value_at - 1] == ' ');
      CHECK(line[value_at] != ' ');
    }
  }
  CHECK(table_row(r.out, "epstein.cop_vision") ==
        std::vector<std::string>{"epstein.cop_vision", "5", "(unstated)", "--set"});
  CHECK(table_row(r.out, "epstein.threshold") ==
        std::vector<std::string>{"epstein.threshold", "0.1", "(unstated)", "default"});
}

TEST_CASE("insim: --help on every subcommand documents the exit codes, --version the version") {
  ScratchFolder dir("cli-help");
  for (const std::vector<std::string>& args : {std::vector<std::string>{"--help"},
                                               {"run", "--help"},
                                               {"validate", "--help"},
                                               {"params", "--help"}}) {
    const auto r = run_insim(args, dir.path());
    INFO(args.front() << " " << r.err);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Exit codes"));
  }
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--version"}, {"run", "--version"}, {"params", "--version"}}) {
    const auto r = run_insim(args, dir.path());
    CHECK(r.exit_code == 0);
    CHECK(std::regex_search(r.out, std::regex(R"(^insim \d+\.\d+\.\d+ )")));
  }
  const auto none = run_insim({}, dir.path());
  CHECK(none.exit_code == 2);  // a subcommand is required
}
