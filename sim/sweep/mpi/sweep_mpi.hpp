#pragma once
// `mpirun -n K insim sweep SPEC --out DB` (docs/sweeps.md, "Many machines: MPI"): the runs of
// one sweep shared among the K processes (ranks) of an MPI job, on one machine or many, and
// gathered into ONE database that rank 0 alone writes, one transaction per run as in a plain
// sweep. So a job killed outright leaves a database that `insim sweep --resume` (with or
// without mpirun) finishes, and the database equals a single process's row for row: a run's
// results depend only on its point and replicate.
//
// Rank 0 hands out run ids one request at a time (runs differ in length from point to point),
// runs runs itself too, and records every result as it arrives. Each rank runs up to its
// thread count of runs at once (sweep/mpi/local_runs.hpp); its main thread alone calls MPI
// (MPI_THREAD_FUNNELED). Every rank reads the spec and the scenarios itself: they must be at the
// same paths on every machine (a shared file system); rank 0 checks that each rank read the
// same spec and base scenario with the same insim build before handing it work.
#include <cstdint>
#include <vector>

#include "sweep/sweep_runner.hpp"

namespace insim::sweep {

// Whether an MPI launcher started this process: OpenMPI's mpirun (OMPI_COMM_WORLD_SIZE), or a
// PMI or PMIx launcher such as SLURM's srun (PMI_SIZE, PMIX_RANK). Reads the environment
// only; nothing of MPI is called.
[[nodiscard]] bool launched_by_mpi();

struct MpiSweepOutcome {
  bool coordinator = true;  // rank 0: `sweep` is the outcome and the closing line is its to print
  int exit_code = 0;        // what every rank exits with (rank 0's decision, sent to all)
  int ranks = 1;
  int threads = 1;                        // runs at once on each rank
  std::vector<std::int64_t> ran_by_rank;  // runs each rank finished this time (rank 0 only)
  SweepOutcome sweep;
};

// MPI for the life of this object: initialised (MPI_THREAD_FUNNELED) when it is made, finalised
// when it goes. When mpirun itself is stopped (Ctrl-C, SIGTERM) it ends the job: SIGTERM to the
// ranks a second later, SIGKILL a second after that; finalising MPI then waits for the kill, so
// the caller prints its last lines first, and a rank whose job was stopped exits without
// finalising (its database work is done by then).
class MpiSweep {
 public:
  MpiSweep();
  ~MpiSweep();
  MpiSweep(const MpiSweep&) = delete;
  MpiSweep& operator=(const MpiSweep&) = delete;

  // Runs the sweep of `options` shared among the ranks of MPI_COMM_WORLD. `threads`: runs at
  // once per rank; 0 = this machine's hardware threads shared among the ranks on it. A world of
  // one rank runs the plain sweep (run_sweep). Rank 0 throws what run_sweep() throws (RunStopped
  // when any rank was asked to stop: then every rank's runs stop at their next step, the
  // finished ones are recorded and every rank exits with 128 + the signal); an error on another
  // rank (e.g. it cannot read the spec) is thrown by rank 0 as InputError naming the rank. The
  // other ranks print nothing and never throw: they exit with `exit_code`.
  MpiSweepOutcome run(const SweepOptions& options, int threads);

 private:
  int rank_ = 0;
  int size_ = 1;
};

}  // namespace insim::sweep
