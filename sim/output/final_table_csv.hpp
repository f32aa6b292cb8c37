#pragma once
// The tables a model builds from the whole run (Simulation::final_tables(): events log, yearly
// totals), each written as its own CSV file beside the timeseries: header, then rows, every
// cell quoted for CSV where needed (csv_field.hpp).
//
// A table that cannot be written as asked is a fault in the model's code, not in the
// scenario or the file system, so it is reported as std::logic_error (as the runner does for
// a Simulation whose columns() do not start with `step`); the message names the table, the
// row and what was expected.
#include <span>
#include <string_view>

#include "engine/simulation.hpp"
#include "output/atomic_file.hpp"

namespace insim::output {

// Throws std::logic_error unless every table has a plain file name (not empty, no path
// separator, not starting with '.', not one of `reserved` nor another table's), at least one
// column, and rows exactly as wide as its header.
void check_final_tables(std::span<const FinalTable> tables,
                        std::span<const std::string_view> reserved);

// Writes the header and rows (checked as above) into `file`.
void write_final_table(AtomicFile& file, const FinalTable& table);

}  // namespace insim::output
