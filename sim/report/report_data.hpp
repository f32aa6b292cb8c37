#pragma once
// Everything report.html shows, already reduced from the runs: the report's writers only lay it
// out (charts, map, tables) and never compute statistics. Built by compare/ from the runs;
// tests build it from made-up numbers.
#include <cstddef>
#include <string>
#include <vector>

namespace insim::report {

// One scenario's summary of one quantity over the runs, one value per date of ReportData::dates.
// NaN where no run recorded the date.
struct SeriesBands {
  std::vector<double> p5, p25, p50, p75, p95;
};

// A small-multiple panel of a chart: one quantity (e.g. civilians killed by JNIM), one band per
// scenario in ReportData::scenarios order.
struct Panel {
  std::string title;                 // "JNIM"
  std::vector<SeriesBands> by_scenario;
};

// One figure: panels sharing the x axis (dates) and the unit of the y axis.
struct TimeChart {
  std::string id;       // file stem under figures/, [a-z0-9_]+: "civilians_killed_by_perpetrator"
  std::string title;    // "Civilians killed per month, by perpetrator"
  std::string y_label;  // unit: "people killed per month", "% of Mali's area"
  std::string note;     // what the lines are and where the numbers come from, one or two sentences
  std::vector<Panel> panels;
};

// Who holds each region and how violent it is, per scenario, at each date of ReportData::dates.
struct MapData {
  std::vector<std::string> regions;  // names, in the model's order
  std::vector<double> latitude;      // of each region's capital, degrees
  std::vector<double> longitude;
  std::vector<std::string> holders;  // legend: "State", "JNIM", ...; index 0 is the state
  struct Layer {
    // Flattened [date * regions + region]: the holder with the largest median share of the
    // region's area, that share in [0, 1], and the median deaths (combat and civilian) that month.
    std::vector<int> holder;
    std::vector<double> holder_share;
    std::vector<double> deaths;
  };
  std::vector<Layer> by_scenario;  // ReportData::scenarios order
  std::string violence_label;      // "deaths per month in the region (median of the runs)"
};

// One row of the table of differences: an alternative against the base over the window.
struct DifferenceRow {
  std::string outcome;      // "Civilians killed"
  std::string unit;         // "people"
  std::size_t alternative;  // index into ReportData::scenarios (never 0, the base)
  double base_mean = 0.0;
  double alternative_mean = 0.0;
  double difference = 0.0;  // alternative - base, mean of the paired differences
  double difference_low = 0.0, difference_high = 0.0;  // 95% confidence interval
  bool relative_defined = false;  // false when the base mean is 0
  double relative = 0.0;          // alternative / base - 1
  double relative_low = 0.0, relative_high = 0.0;
  bool spans_zero = false;  // the difference's interval contains 0
  std::string sentence;     // "With France staying, civilian deaths 2022-2025 are 31% lower ..."
  bool headline = false;    // one of the main rows, for "The answer in short"
};

// One line of the validation table of the base scenario (insim check).
struct ValidationLine {
  std::string id;      // "P3", "deaths-2015"
  std::string what;    // "armed groups' share of the north's people, March vs January 2013"
  std::string band;    // "<= 0.5"
  std::string source;  // "F07", "UCDP"
  double mean = 0.0;
  bool pass = false;
};

struct TrustData {
  int validation_runs = 0;  // 0: the validation was not run (the page says so)
  std::vector<ValidationLine> validation;
  // Values set in the base scenario's files, by what they rest on (insim params --sources).
  std::size_t values_documents = 0;
  std::size_t values_public_sources = 0;
  std::size_t values_assumptions = 0;
  std::size_t values_unstated = 0;
  std::vector<std::string> limits;  // the model's main limits, each a plain sentence
};

// A parameter whose value differs from the base's.
struct ParameterChange {
  std::string path;  // "sahel.changes.drop_events"
  std::string base_value;
  std::string value;
  std::string source;  // as cited in the alternative's file
};

struct ScenarioInfo {
  std::string label;  // short name for legends: "Baseline", "France stays"
  std::string name;   // the scenario's name:
  std::string file;   // as given on the command line
  std::string text;   // the file's own text (not what it extends)
  std::string description;
  std::vector<ParameterChange> changes;  // empty for the base
};

struct ReportData {
  std::string title;     // "Baseline vs France stays vs purge cascade"
  std::string subtitle;  // "20 runs each, 2012-01 to 2030-12, 1 agent = 100 people"
  std::vector<ScenarioInfo> scenarios;  // [0] is the base
  std::vector<std::string> dates;       // "YYYY-MM", one per month, the x axis of every chart
  std::string window_from, window_to;   // the table's window, "YYYY-MM-DD"
  int runs = 0;                         // replicates per scenario
  std::vector<TimeChart> charts;
  MapData map;
  std::vector<DifferenceRow> differences;
  TrustData trust;
  std::string manifest_json;  // the comparison's manifest, shown as is
  std::string reproduce;      // one command that makes this report again
  std::string data_sources;   // where the model's inputs come from, one paragraph
};

}  // namespace insim::report
