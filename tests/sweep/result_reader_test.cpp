// The read-only view of a sweep database: it refuses files that are not one, gives NaN for the
// metric of a failed or pending run, and reads one snapshot while a sweep still writes.
#include "sweep/result_reader.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "core/error.hpp"
#include "support/scratch_folder.hpp"
#include "sweep/sqlite_connection.hpp"
#include "sweep_fixture.hpp"

using insim::InputError;
using insim::sweep::ResultReader;
using insim::test::ScratchFolder;

TEST_CASE(
    "result reader: a missing file, a text file and another SQLite file are refused by "
    "name",
    "[sweep][reader]") {
  ScratchFolder dir("reader-refusals");
  CHECK_THROWS_MATCHES(ResultReader(dir / "none.sqlite"), InputError,
                       Catch::Message(((dir / "none.sqlite").string() +
                                       ": does not exist; give the --out file of an insim sweep")));
  dir.write("text.sqlite", "point_id,value\n0,1\n");
  CHECK_THROWS_WITH(ResultReader(dir / "text.sqlite"),
                    Catch::Contains("text.sqlite") && Catch::Contains("not even an SQLite file"));
  {
    insim::sweep::Connection c(dir / "other.sqlite", insim::sweep::Connection::Mode::create);
    c.exec("CREATE TABLE t (x INTEGER)");
  }
  CHECK_THROWS_WITH(ResultReader(dir / "other.sqlite"),
                    Catch::Contains("other.sqlite") && Catch::Contains("made by something else"));
}

TEST_CASE(
    "result reader: a failed or pending run has no metric, and a reader sees one snapshot "
    "while the sweep writes",
    "[sweep][reader]") {
  ScratchFolder dir("reader-snapshot");
  const auto plan = insim::test::make_plan({4, 2, 2, 1});
  const auto db = dir / "r.sqlite";
  auto store = insim::sweep::ResultStore::create(db, plan);
  store.record(insim::test::fake_run(plan, 0));
  store.record_failure({1, 5, "out of range", {}});
  store.record(insim::test::fake_run(plan, 3));

  const ResultReader reader(db);                 // while the store is open and writing
  store.record(insim::test::fake_run(plan, 2));  // after the reader's snapshot

  CHECK(reader.plan().points.size() == 4);
  CHECK(reader.plan().metrics.size() == 2);
  CHECK(reader.run_count() == 8);
  const auto counts = reader.counts();
  CHECK(counts.done == 2);
  CHECK(counts.failed == 1);
  CHECK(counts.pending == 5);
  const auto runs = reader.runs();
  REQUIRE(runs.size() == 3);
  CHECK(!runs[1].done);
  CHECK(runs[1].error == "out of range");
  const auto y = reader.metric_by_run("metric_1");
  REQUIRE(y.size() == 8);
  CHECK(y[0] == insim::test::fake_run(plan, 0).metrics[1]);
  CHECK(y[3] == insim::test::fake_run(plan, 3).metrics[1]);
  CHECK(std::isnan(y[1]));  // failed
  CHECK(std::isnan(y[2]));  // recorded after the snapshot
  CHECK(std::isnan(y[4]));  // pending
  CHECK_THROWS_AS(reader.metric_by_run("metric_9"), std::out_of_range);

  std::size_t rows = 0;
  reader.for_each_series_row([&](const insim::sweep::SeriesRow& r) {
    CHECK((r.run_id == 0 || r.run_id == 3));
    CHECK(r.column == "column_0");
    ++rows;
  });
  CHECK(rows == 2 * 5);
  // A reader opened now sees the later run.
  CHECK(ResultReader(db).counts().done == 3);
}
