#include <catch2/catch.hpp>

#include "cli/insim_process.hpp"
#include "support/scratch_folder.hpp"

using insim::test::cli_data;
using insim::test::entries;
using insim::test::run_insim;
using insim::test::ScratchFolder;

namespace {
// Runs `insim run` on a bad input; the message must name `expected` and no file may be left.
void check_refused(const std::string& name, std::vector<std::string> args, int exit_code,
                   const std::vector<std::string>& expected) {
  ScratchFolder dir("cli-bad-" + name);
  args.insert(args.begin(), "run");
  args.push_back("--out");
  args.push_back((dir / "out").string());
  const auto r = run_insim(args, dir.path());
  INFO(name << ": " << r.err);
  CHECK(r.exit_code == exit_code);
  CHECK(r.out.empty());
  for (const auto& text : expected) CHECK_THAT(r.err, Catch::Contains(text));
  CHECK(entries(dir.path()).empty());  // not even an empty out folder
}
}  // namespace

TEST_CASE("insim run: an unknown key is refused with its file position and no output") {
  check_refused("unknown-key", {cli_data("unknown_key.yaml").string()}, 2,
                {"unknown_key.yaml:2:", "widht"});
}

TEST_CASE("insim run: a value of the wrong type is refused with its key and no output") {
  check_refused("wrong-type", {cli_data("wrong_type.yaml").string()}, 2,
                {"wrong_type.yaml:2:", "epstein.width", "forty"});
}

TEST_CASE("insim run: an out-of-range value is refused with its key and no output") {
  check_refused("out-of-range", {cli_data("out_of_range.yaml").string()}, 2,
                {"out_of_range.yaml:2:", "epstein.citizen_density", "1.5"});
}

TEST_CASE("insim run: a missing scenario file is refused by name and no output") {
  check_refused("missing", {cli_data("no_such_scenario.yaml").string()}, 2,
                {"no_such_scenario.yaml"});
}

TEST_CASE("insim run: an extends cycle is refused, naming the files, and no output") {
  check_refused("cycle", {cli_data("cycle_a.yaml").string()}, 2, {"cycle_a.yaml", "cycle_b.yaml"});
}

TEST_CASE("insim run: a --set of an undeclared path is refused by name and no output") {
  check_refused("set-path", {cli_data("small.yaml").string(), "--set", "epstein.no_such_field=3"},
                2, {"--set", "epstein.no_such_field"});
}

TEST_CASE("insim run: a --set without '=' is refused and no output") {
  check_refused("set-syntax", {cli_data("small.yaml").string(), "--set", "epstein.width"}, 2,
                {"--set", "epstein.width"});
}

TEST_CASE("insim run: a bad --seed is validated like run.seed and no output") {
  check_refused("seed", {cli_data("small.yaml").string(), "--seed", "-4"}, 2, {"run.seed"});
}

TEST_CASE("insim run: an unknown option is a usage error (exit 2) and no output") {
  check_refused("usage", {cli_data("small.yaml").string(), "--sed", "3"}, 2, {"--sed"});
}

TEST_CASE("insim run: an output folder that cannot be created fails before running") {
  ScratchFolder dir("cli-bad-out");
  insim::test::write_text(dir / "a-file", "");
  const auto out = dir / "a-file" / "out";
  const auto r =
      run_insim({"run", cli_data("small.yaml").string(), "--out", out.string()}, dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains(out.string()));
  CHECK_THAT(r.err, Catch::Contains("Not a directory"));
  CHECK(entries(dir.path()) == std::vector<std::string>{"a-file"});
}

TEST_CASE("insim run: an output folder that is a file is refused by name") {
  ScratchFolder dir("cli-out-is-file");
  insim::test::write_text(dir / "taken", "keep me");
  const auto r = run_insim(
      {"run", cli_data("small.yaml").string(), "--out", (dir / "taken").string()}, dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains((dir / "taken").string()));
  CHECK(insim::test::read_text(dir / "taken") == "keep me");
  CHECK(entries(dir.path()) == std::vector<std::string>{"taken"});
}
