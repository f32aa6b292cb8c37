#pragma once
// What a comparison records of each run, and how the report shows it: the outcomes (sums of the
// model's observed columns, national or per region), the charts they make, the rows of the
// table of differences and the map's layers. Names only: compare/run_reduction.hpp resolves them
// against a simulation's columns.
#include <string>
#include <vector>

#include "models/scenario_def.hpp"

namespace insim::compare {

// A flow is counted per week (deaths): a month's value is the sum over the weeks that start in
// it, a window's the sum over its weeks. A stock is a state (territory, displaced): a month's
// value is the last state dated in it, a window's the mean of the states dated in it.
enum class Aggregation { flow, stock };

struct Term {
  std::string region;  // empty: the national column `column` of timeseries.csv
  std::string column;  // a national column, or a place column of regions.csv when region is set
};

struct Outcome {
  std::string id;  // unique, for summary.csv: "civilians_killed/jihadist", "region/Mopti/deaths"
  std::string label;  // "Civilians killed by jihadist groups"
  std::string unit;   // of one month's value: "people killed per month", "% of Mali's area"
  std::vector<Term> terms;  // summed
  Aggregation aggregation = Aggregation::flow;
  double scale = 1.0;  // applied to the sum (100 for shares shown as percent)
  // A force's opinion is 0 while it is not in Mali: such a month is missing, not zero.
  bool zero_is_missing = false;
};

struct ChartSpec {
  std::string id;     // figures/<id>.svg
  std::string title;  // "Civilians killed per month, by perpetrator"
  std::string note;
  std::vector<std::size_t> panels;  // indices into Outcomes::outcomes, one panel each
  std::vector<std::string> panel_titles;
};

// A row of the table of differences: an outcome over the comparison's window.
struct TableRow {
  std::size_t outcome;  // index into Outcomes::outcomes
  std::string label;    // "civilians killed" (goes into the sentence)
  std::string unit;     // of the window's value: "people", "% of Mali's area (mean)"
  bool headline = false;  // shown in "The answer in short"
};

struct MapSpec {
  std::vector<std::string> regions;
  std::vector<double> latitude, longitude;
  std::vector<std::string> holders;  // "State", then each armed group
  // Per region: the outcomes of the area held by armed groups (first; the state holds the
  // rest) and by each armed group (holders[1..] order), and of the region's deaths.
  std::vector<std::vector<std::size_t>> holder_share;
  std::vector<std::size_t> deaths;
};

struct Outcomes {
  std::vector<Outcome> outcomes;
  std::vector<ChartSpec> charts;
  std::vector<TableRow> table;
  MapSpec map;
};

// The catalogue for a Sahel scenario: actors grouped by their sides, regions from its world.
[[nodiscard]] Outcomes sahel_outcomes(const sahel::SahelDef& def);

}  // namespace insim::compare
