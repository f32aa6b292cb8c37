#include "output/atomic_file.hpp"

#include <catch2/catch.hpp>

#include "support/scratch_folder.hpp"

using insim::output::AtomicFile;
using insim::output::OutputError;
using insim::test::entries;
using insim::test::read_text;
using insim::test::ScratchFolder;
using insim::test::write_text;

TEST_CASE("atomic file: the target is absent until commit, then holds everything written") {
  ScratchFolder dir("atomic-commit");
  const auto target = dir / "data.csv";
  {
    AtomicFile f(target);
    f.write("a,b\n");
    f.write("1,2\n");
    CHECK_FALSE(std::filesystem::exists(target));
    CHECK(std::filesystem::exists(f.temp_path()));
    CHECK(f.temp_path().parent_path() == target.parent_path());
    f.commit();
    CHECK_FALSE(std::filesystem::exists(f.temp_path()));
  }
  CHECK(read_text(target) == "a,b\n1,2\n");
  CHECK(entries(dir.path()) == std::vector<std::string>{"data.csv"});
}

TEST_CASE("atomic file: destruction without commit leaves the folder as it was") {
  ScratchFolder dir("atomic-abandon");
  {
    AtomicFile f(dir / "data.csv");
    f.write("partial");
    f.finish();  // even a fully written and synced file is not put in place without commit
  }
  CHECK(entries(dir.path()).empty());
}

TEST_CASE("atomic file: an error while writing removes the temporary file") {
  ScratchFolder dir("atomic-throw");
  try {
    AtomicFile f(dir / "data.csv");
    f.write("half a row,");
    throw std::runtime_error("the run failed");
  } catch (const std::runtime_error&) {
  }
  CHECK(entries(dir.path()).empty());
}

TEST_CASE("atomic file: an old file is replaced only on commit") {
  ScratchFolder dir("atomic-replace");
  const auto target = dir / "summary.json";
  write_text(target, "old");
  {
    AtomicFile f(target);
    f.write("new");
    f.finish();
    CHECK(read_text(target) == "old");
  }
  CHECK(read_text(target) == "old");
  {
    AtomicFile f(target);
    f.write("new");
    f.commit();
  }
  CHECK(read_text(target) == "new");
  CHECK(entries(dir.path()) == std::vector<std::string>{"summary.json"});
}

TEST_CASE("atomic file: a failed rename leaves no temporary file") {
  ScratchFolder dir("atomic-rename");
  // A non-empty folder where the file should go: rename(2) refuses to replace it.
  std::filesystem::create_directories(dir / "out.csv" / "inside");
  {
    AtomicFile f(dir / "out.csv");
    f.write("x");
    CHECK_THROWS_AS(f.commit(), OutputError);
  }
  CHECK(entries(dir.path()) == std::vector<std::string>{"out.csv", "out.csv/inside"});
}

TEST_CASE("atomic file: an unwritable folder is reported by name before anything is written") {
  ScratchFolder dir("atomic-unwritable");
  write_text(dir / "plain-file", "");
  const auto target = dir / "plain-file" / "data.csv";
  try {
    AtomicFile f(target);
    FAIL("expected an OutputError");
  } catch (const OutputError& e) {
    const std::string message = e.what();
    CHECK_THAT(message, Catch::Contains((dir / "plain-file").string()));
    CHECK_THAT(message, Catch::Contains("Not a directory"));
  }
  CHECK(entries(dir.path()) == std::vector<std::string>{"plain-file"});
}
