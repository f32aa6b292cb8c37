#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "compare/run_reduction.hpp"
#include "support/scratch_folder.hpp"

namespace {

using namespace insim;
using namespace insim::compare;

// A model whose observations are known in advance: state s observes flow = s (so week w's flow
// is w + 1), stock = 10 * s, opinion = 0 for the first 3 states then 1; one place "North" with
// deaths = 2 per week.
class KnownModel : public Simulation {
 public:
  [[nodiscard]] std::span<const std::string> columns() const override { return columns_; }
  void observe(std::span<double> row) const override {
    const double s = static_cast<double>(step_);
    row[0] = s;
    row[1] = s;
    row[2] = 10.0 * s;
    row[3] = step_ < 3 ? 0.0 : 1.0;
  }
  void step() override { ++step_; }
  [[nodiscard]] std::int64_t current_step() const override { return step_; }
  [[nodiscard]] std::int64_t agent_count() const override { return 0; }
  [[nodiscard]] std::vector<std::pair<std::string, double>> summary() const override {
    return {};
  }
  [[nodiscard]] std::uint64_t state_hash() const override { return 0; }
  [[nodiscard]] std::span<const std::string> places() const override { return places_; }
  [[nodiscard]] std::span<const std::string> place_columns() const override {
    return place_columns_;
  }
  void observe_places(std::span<double> values) const override { values[0] = 2.0; }

 private:
  std::int64_t step_ = 0;
  std::vector<std::string> columns_{"step", "flow", "stock", "opinion"};
  std::vector<std::string> places_{"North"};
  std::vector<std::string> place_columns_{"deaths"};
};

Outcomes known_outcomes() {
  Outcomes o;
  o.outcomes.push_back({"flow", "Flow", "per month", {{"", "flow"}}, Aggregation::flow, 1.0, false});
  o.outcomes.push_back(
      {"stock", "Stock", "units", {{"", "stock"}}, Aggregation::stock, 0.5, false});
  o.outcomes.push_back(
      {"opinion", "Opinion", "%", {{"", "opinion"}}, Aggregation::stock, 100.0, true});
  o.outcomes.push_back({"north", "North deaths", "per month",
                        {{"North", "deaths"}, {"", "flow"}}, Aggregation::flow, 1.0, false});
  o.table.push_back({0, "flow", "units", true});
  o.table.push_back({1, "stock", "units", false});
  return o;
}

std::vector<std::vector<double>> read_rows(const std::filesystem::path& p) {
  RowReader reader(p);
  std::vector<std::vector<double>> rows;
  std::vector<double> row(reader.columns());
  while (reader.next(row)) rows.push_back(row);
  return rows;
}

}  // namespace

TEST_CASE("compare: a month sums its weeks' flows and keeps its last state's stock",
          "[compare][reduction]") {
  const insim::test::ScratchFolder dir("reduction");
  KnownModel model;
  const Outcomes outcomes = known_outcomes();
  const ResolvedOutcomes resolved(outcomes, model);
  const Calendar calendar(Date{2012, 1, 1}, StepUnit::week);
  // 10 weeks: 2012-01-01 .. 2012-03-10; weeks start Jan 1, 8, 15, 22, 29 | Feb 5, 12, 19, 26 |
  // Mar 4; the run ends before 2012-03-11, so March is not complete.
  REQUIRE(complete_months(calendar, 10) == 2);
  RowWriter writer(dir / "run.rows", resolved.size());
  const auto window = run_and_reduce(model, calendar, 10, resolved, outcomes.table,
                                     {Date{2012, 1, 8}, Date{2012, 1, 28}}, writer, {});
  writer.close();
  const auto rows = read_rows(dir / "run.rows");
  REQUIRE(rows.size() == 2);
  // January: weeks 0..4 with flows 1..5; its last state is s = 4 (2012-01-29): stock 40 * 0.5.
  CHECK(rows[0][0] == 15.0);
  CHECK(rows[0][1] == 20.0);
  CHECK(rows[0][2] == 100.0);                // opinion 1 at s = 4, in percent
  CHECK(rows[0][3] == 15.0 + 5 * 2.0);       // a place term and a national term, summed
  // February: weeks 5..8, flows 6..9; last state dated in February is s = 8 (2012-02-26).
  CHECK(rows[1][0] == 30.0);
  CHECK(rows[1][1] == 40.0);
  // Window 2012-01-08 .. 2012-01-28: weeks 1..3 (flows 2+3+4), states 1..3 (stock 5, 10, 15).
  REQUIRE(window.size() == 2);
  CHECK(window[0] == 9.0);
  CHECK(window[1] == Approx(10.0));
  CHECK(month_label(calendar, 0) == "2012-01");
  CHECK(month_label(calendar, 13) == "2013-02");
}

TEST_CASE("compare: a zero that means absent is missing, not zero", "[compare][reduction]") {
  const insim::test::ScratchFolder dir("reduction");
  KnownModel model;
  const Outcomes outcomes = known_outcomes();
  const ResolvedOutcomes resolved(outcomes, model);
  const std::vector<double> national{0, 0, 0, 0};
  const std::vector<double> places{0};
  CHECK(std::isnan(resolved.value(2, national, places)));
  CHECK(resolved.value(1, national, places) == 0.0);
}

TEST_CASE("compare: an outcome naming a column the model lacks is an error naming both",
          "[compare][reduction]") {
  KnownModel model;
  Outcomes o;
  o.outcomes.push_back({"x", "X", "u", {{"", "no_such_column"}}, Aggregation::flow, 1.0, false});
  CHECK_THROWS_WITH(ResolvedOutcomes(o, model),
                    Catch::Contains("no_such_column") && Catch::Contains("x"));
  o.outcomes[0].terms = {{"South", "deaths"}};
  CHECK_THROWS_WITH(ResolvedOutcomes(o, model), Catch::Contains("South"));
}

TEST_CASE("compare: a stop requested between steps ends the run", "[compare][reduction]") {
  const insim::test::ScratchFolder dir("reduction");
  KnownModel model;
  const Outcomes outcomes = known_outcomes();
  const ResolvedOutcomes resolved(outcomes, model);
  const Calendar calendar(Date{2012, 1, 1}, StepUnit::week);
  RowWriter writer(dir / "run.rows", resolved.size());
  int calls = 0;
  CHECK_THROWS_AS(run_and_reduce(model, calendar, 10, resolved, outcomes.table,
                                 {Date{2012, 1, 1}, Date{2012, 2, 1}}, writer,
                                 [&] {
                                   if (++calls == 4) throw std::runtime_error("stop");
                                 }),
                  std::runtime_error);
  CHECK(model.current_step() == 3);
}
