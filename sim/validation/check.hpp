#pragma once
// One validation check: a number measured on each run, and the band its mean over the runs
// must fall in.
#include <functional>
#include <optional>
#include <string>

#include "validation/band.hpp"
#include "validation/run_record.hpp"

namespace insim::validation {

// One seed's runs: the scenario as given and, for the purge pattern (P11), the same seed with
// the purge event dropped (nullopt when the scenario has no such event).
struct RunOutcome {
  RunRecord run;
  std::optional<RunRecord> without_purge;
};

struct Check {
  std::string id;         // "P1a", "deaths-2012"
  std::string source;     // short, for the table: FACTS.md ids, "UCDP", "IDP"
  std::string reference;  // in full, for the CSV and JSON: the cited source
  std::string what;       // what is measured, in a few words
  Band band;
  // NaN when this run cannot tell (e.g. the run ended before the dates it needs); throws
  // std::out_of_range when the model lacks a series or region the check reads.
  std::function<double(const RunOutcome&)> measure;
};

}  // namespace insim::validation
