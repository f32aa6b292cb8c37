// output::commit_all: a run's outputs renamed into place together (docs/interrupting.md).
#include <catch2/catch.hpp>
#include <deque>

#include "output/atomic_file.hpp"
#include "support/scratch_folder.hpp"

using insim::output::AtomicFile;
using insim::test::entries;
using insim::test::read_text;

TEST_CASE(
    "atomic file: commit_all puts every file in place, in two folders, and leaves no "
    "temporary file") {
  insim::test::ScratchFolder dir("atomic-commit-all");
  std::filesystem::create_directories(dir / "figures");
  std::deque<AtomicFile> files;  // AtomicFile does not move
  std::vector<AtomicFile*> set;
  for (const char* name : {"timeseries.csv", "figures/map.svg", "manifest.json"}) {
    set.push_back(&files.emplace_back(dir / name));
    set.back()->write(name);
  }
  CHECK(entries(dir.path()).size() == 4);  // figures/ and three temporary files
  insim::output::commit_all(set);
  CHECK(entries(dir.path()) ==
        std::vector<std::string>{"figures", "figures/map.svg", "manifest.json", "timeseries.csv"});
  for (const char* name : {"timeseries.csv", "figures/map.svg", "manifest.json"})
    CHECK(read_text(dir / name) == name);
  set.front()->commit();  // already committed: nothing more happens
  CHECK(read_text(dir / "timeseries.csv") == "timeseries.csv");
}
