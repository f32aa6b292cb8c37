// The bytes that carry a run's result from an MPI rank to rank 0, and the shards of a sweep.
#include "sweep/run_result.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>

#include "sweep/sweep_fixture.hpp"
#include "sweep/sweep_runner.hpp"

namespace insim {
namespace {

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST_CASE("sweep run result: a record or a failure decodes to itself, bit for bit",
          "[sweep][mpi]") {
  const auto plan = test::make_plan({});
  auto record = test::fake_run(plan, 7, 9);
  record.metrics[1] = std::nan("");
  record.metrics[2] = -0.0;
  record.timing.wall_seconds = 1.25;
  const auto back =
      std::get<sweep::RunRecord>(sweep::decode_run_result(sweep::encode_run_result(record)));
  CHECK(back.run_id == 7);
  CHECK(back.seed == record.seed);
  CHECK(back.timing.started == record.timing.started);
  CHECK(back.timing.finished == record.timing.finished);
  CHECK(back.timing.wall_seconds == 1.25);
  REQUIRE(back.metrics.size() == record.metrics.size());
  for (std::size_t m = 0; m < back.metrics.size(); ++m) {
    CHECK(same_bits(back.metrics[m], record.metrics[m]));
  }
  CHECK(back.series.steps == record.series.steps);
  CHECK(back.series.dates == record.series.dates);
  CHECK(back.series.columns == record.series.columns);

  const sweep::RunFailure failure{12, 99, "bad value:\n refugee_share = 3", record.timing};
  const auto f =
      std::get<sweep::RunFailure>(sweep::decode_run_result(sweep::encode_run_result(failure)));
  CHECK(f.run_id == 12);
  CHECK(f.seed == 99);
  CHECK(f.error == failure.error);
  CHECK(f.timing.started == failure.timing.started);
  CHECK(sweep::run_id_of(failure) == 12);
}

TEST_CASE("sweep run result: truncated, padded or unknown bytes are refused", "[sweep][mpi]") {
  const auto plan = test::make_plan({});
  const std::string bytes = sweep::encode_run_result(test::fake_run(plan, 3, 4));
  for (std::size_t n = 0; n < bytes.size(); n += 7) {
    CHECK_THROWS_AS(sweep::decode_run_result(bytes.substr(0, n)), std::runtime_error);
  }
  CHECK_THROWS_AS(sweep::decode_run_result(bytes + '\0'), std::runtime_error);
  std::string unknown = bytes;
  unknown[0] = 9;
  CHECK_THROWS_AS(sweep::decode_run_result(unknown), std::runtime_error);
  // A length far past the end (the metrics' count) is refused before anything is allocated.
  std::string huge = bytes;
  const std::uint64_t count = 1ULL << 60;
  std::memcpy(huge.data() + 1 + 8 * 5, &count, sizeof count);
  CHECK_THROWS_AS(sweep::decode_run_result(huge), std::runtime_error);
}

TEST_CASE(
    "sweep shard: I/N parses only with whole numbers 0 <= I < N, and the shards share "
    "out every run once",
    "[sweep][shard]") {
  CHECK(sweep::parse_shard("0/2") == sweep::Shard{0, 2});
  CHECK(sweep::parse_shard("3/4") == sweep::Shard{3, 4});
  CHECK(sweep::parse_shard("0/1") == sweep::Shard{0, 1});
  for (const char* bad : {"2/2", "5/2", "-1/2", "+1/2", "1/0", "1/-3", "1", "/2", "1/", "a/b",
                          "1/2/3", " 1/2", "1/2 ", "1.0/2", ""}) {
    INFO(bad);
    CHECK_FALSE(sweep::parse_shard(bad).has_value());
  }
  for (const std::int64_t runs : {0, 1, 7, 24}) {
    for (const std::int64_t n : {1, 2, 5, 30}) {
      std::int64_t total = 0;
      for (std::int64_t i = 0; i < n; ++i) {
        const sweep::Shard shard{i, n};
        std::int64_t owned = 0;
        for (std::int64_t id = 0; id < runs; ++id) owned += shard.owns(id) ? 1 : 0;
        CHECK(sweep::shard_size(runs, shard) == owned);
        total += owned;
      }
      CHECK(total == runs);
    }
  }
}

}  // namespace
}  // namespace insim
