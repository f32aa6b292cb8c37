#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "core/error.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/result_store.hpp"
#include "sweep/sweep_fixture.hpp"

namespace insim {
namespace {

using sweep::ResultStore;

// The message of the InputError that resuming `file` throws; "" when it opens.
std::string resume_error(const std::filesystem::path& file, const sweep::SweepIdentity& id) {
  try {
    (void)ResultStore::open_for_resume(file, id);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

std::filesystem::path made_sweep(const test::ScratchFolder& dir, const sweep::SweepPlan& plan) {
  const auto file = dir / "results.sqlite";
  auto store = ResultStore::create(file, plan);
  for (std::int64_t id = 0; id < 6; ++id) store.record(test::fake_run(plan, id));
  return file;
}

TEST_CASE("sweep resume: a database from another spec is refused, naming both hashes", "[sweep]") {
  test::ScratchFolder dir("sweep-resume");
  const auto plan = test::make_plan({}, "aaaa1111");
  const auto file = made_sweep(dir, plan);
  const auto message = resume_error(file, {"bbbb2222", plan.header.base_scenario_hash});
  CHECK_THAT(message, Catch::StartsWith(file.string() + ": was made from another sweep spec"));
  CHECK_THAT(message, Catch::Contains("sweeps/test.yaml, hash aaaa1111"));
  CHECK_THAT(message, Catch::Contains("this spec's hash is bbbb2222"));
  CHECK(resume_error(file, test::identity(plan)).empty());
}

TEST_CASE("sweep resume: a database from another version of the base scenario is refused",
          "[sweep]") {
  test::ScratchFolder dir("sweep-resume");
  const auto plan = test::make_plan({});
  const auto file = made_sweep(dir, plan);
  CHECK_THAT(resume_error(file, {plan.header.spec_hash, "base-2"}),
             Catch::Contains("another version of the base scenario (hash base-1; now base-2)"));
}

TEST_CASE("sweep resume: files that are not sweep databases are refused with what they are",
          "[sweep]") {
  test::ScratchFolder dir("sweep-resume");
  const auto id = test::identity(test::make_plan({}));

  const auto missing = dir / "missing.sqlite";
  CHECK_THAT(resume_error(missing, id),
             Catch::Equals(missing.string() + ": does not exist, so there is nothing to resume; "
                                              "leave out --resume to start the sweep"));
  const auto text = dir.write("notes.sqlite", "date,deaths\n2012-01-01,3\n");
  CHECK_THAT(resume_error(text, id),
             Catch::StartsWith(text.string() + ": is not an insim sweep database (it is not "
                                               "even an SQLite file)"));
  const auto empty = dir.write("empty.sqlite", "");
  CHECK_THAT(resume_error(empty, id), Catch::Contains("not even an SQLite file"));
  CHECK(test::read_text(empty).empty());  // SQLite would have made it an empty database

  const auto other = dir / "other.sqlite";
  {
    sweep::Connection db(other, sweep::Connection::Mode::create);
    db.exec("CREATE TABLE sweep (spec_hash TEXT); INSERT INTO sweep VALUES ('spec-1')");
  }
  CHECK_THAT(resume_error(other, id),
             Catch::StartsWith(other.string() + ": is not an insim sweep database: it is an "
                                                "SQLite file made by something else"));
  CHECK_THAT(resume_error(dir.path(), id), Catch::Contains("is not a file"));
}

TEST_CASE("sweep resume: a damaged sweep database is refused, not resumed", "[sweep]") {
  test::ScratchFolder dir("sweep-resume");
  const auto plan = test::make_plan({});
  const auto file = dir / "results.sqlite";
  {
    auto store = ResultStore::create(file, plan);
    for (std::int64_t id = 0; id < 12; ++id) store.record(test::fake_run(plan, id, 200));
  }  // closing checkpoints the log into the file
  const auto size = std::filesystem::file_size(file);
  REQUIRE(size > 8 * 4096);
  {
    // Scribble over pages in the middle of the file, as a failing disk would.
    std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(static_cast<std::streamoff>(size / 2));
    const std::string junk(3 * 4096, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  const auto message = resume_error(file, test::identity(plan));
  INFO(message);
  CHECK_THAT(message, Catch::StartsWith(file.string() + ": "));
  CHECK_THAT(message, Catch::Contains(": is damaged ("));
  CHECK_THAT(message, Catch::Contains("start the sweep again with another output file"));
}

TEST_CASE("sweep resume: a database with another layout version is refused", "[sweep]") {
  test::ScratchFolder dir("sweep-resume");
  const auto plan = test::make_plan({});
  const auto file = made_sweep(dir, plan);
  {
    sweep::Connection db(file, sweep::Connection::Mode::read_write);
    db.exec("PRAGMA user_version = 99");
  }
  CHECK_THAT(resume_error(file, test::identity(plan)),
             Catch::Contains("was written with sweep database layout 99, and this insim reads "
                             "layout 1"));
}

}  // namespace
}  // namespace insim
