#pragma once
// What one run of a sweep gives (its record, or its failure) and the bytes that carry it from the
// process that ran it to the one that writes the database (an MPI rank to rank 0,
// sweep/mpi/sweep_mpi.hpp). Every field travels, bit for bit: a result decoded is the result
// encoded. The bytes are in the machine's own byte order: every process of a job runs the same
// insim build on the same kind of machine.
#include <string>
#include <string_view>
#include <variant>

#include "sweep/result_store.hpp"

namespace insim::sweep {

using RunResult = std::variant<RunRecord, RunFailure>;

[[nodiscard]] std::string encode_run_result(const RunResult& result);

// Throws std::runtime_error when `bytes` is not exactly one encoded result (truncated, a length
// past the end, bytes left over, an unknown kind).
[[nodiscard]] RunResult decode_run_result(std::string_view bytes);

[[nodiscard]] inline std::int64_t run_id_of(const RunResult& result) {
  return std::visit([](const auto& r) { return r.run_id; }, result);
}

}  // namespace insim::sweep
