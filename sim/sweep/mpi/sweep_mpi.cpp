#include "sweep/mpi/sweep_mpi.hpp"

#include <fmt/format.h>
#include <mpi.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "engine/parallel.hpp"
#include "insim/version.hpp"
#include "run/runner.hpp"
#include "run/stop_request.hpp"
#include "sweep/mpi/local_runs.hpp"
#include "sweep/result_merge.hpp"
#include "sweep/run_result.hpp"

namespace insim::sweep {

namespace {

using namespace std::chrono_literals;

// Messages. A worker (rank > 0) says HELLO once, then asks for work (REQUEST: how many runs),
// sends each RESULT, says SIGNALLED if it is asked to stop, and DONE last of all. Rank 0 answers
// each REQUEST with WORK (run ids) or END, and sends each worker exactly one END: 0 = no more
// work, finish your runs; a signal number = stop your runs now. A worker says DONE only after
// END, with no run in flight and every result sent, so nothing is left unreceived.
enum Tag : int {
  kHello = 1,
  kRequest = 2,
  kResult = 3,
  kSignalled = 4,
  kDone = 5,
  kWork = 10,
  kEnd = 11,
};

std::string int_bytes(std::int64_t v) {
  std::string bytes(sizeof v, '\0');
  std::memcpy(bytes.data(), &v, sizeof v);
  return bytes;
}

std::int64_t bytes_int(const std::string& bytes) {
  std::int64_t v = 0;
  if (bytes.size() == sizeof v) std::memcpy(&v, bytes.data(), sizeof v);
  return v;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t from = 0;
  for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) {
    lines.push_back(text.substr(from, nl - from));
  }
  lines.push_back(text.substr(from));
  return lines;
}

std::string host_of_this_rank() {
  char name[MPI_MAX_PROCESSOR_NAME] = {};
  int length = 0;
  MPI_Get_processor_name(name, &length);
  return std::string(name, static_cast<std::size_t>(length));
}

// What every rank must share with rank 0, as text: the spec, the base scenario, the build.
std::string identity_of(const PreparedSweep& sweep) {
  return fmt::format("spec {} (hash {}), base scenario hash {}, insim {} (commit {})",
                     sweep.plan.header.spec_path, sweep.plan.header.spec_hash,
                     sweep.plan.header.base_scenario_hash, kVersion, kGitCommit);
}

// Non-blocking sends whose buffers are kept until MPI is done with them: no rank ever waits in
// a send, so two ranks sending to each other at once cannot block each other.
class Outbox {
 public:
  void send(int destination, int tag, std::string bytes) {
    auto item = std::make_unique<Item>();
    item->bytes = std::move(bytes);
    MPI_Isend(item->bytes.data(), static_cast<int>(item->bytes.size()), MPI_BYTE, destination, tag,
              MPI_COMM_WORLD, &item->request);
    items_.push_back(std::move(item));
  }
  void progress() {
    std::erase_if(items_, [](const std::unique_ptr<Item>& item) {
      int sent = 0;
      MPI_Test(&item->request, &sent, MPI_STATUS_IGNORE);
      return sent != 0;
    });
  }
  void flush() {
    for (auto& item : items_) MPI_Wait(&item->request, MPI_STATUS_IGNORE);
    items_.clear();
  }

 private:
  struct Item {
    std::string bytes;
    MPI_Request request = MPI_REQUEST_NULL;
  };
  std::vector<std::unique_ptr<Item>> items_;  // pointers: a buffer never moves while sending
};

struct Message {
  int source = 0;
  int tag = 0;
  std::string bytes;
};

std::optional<Message> poll(int source) {
  int arrived = 0;
  MPI_Status status;
  MPI_Iprobe(source, MPI_ANY_TAG, MPI_COMM_WORLD, &arrived, &status);
  if (!arrived) return std::nullopt;
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  Message m{status.MPI_SOURCE, status.MPI_TAG, std::string(static_cast<std::size_t>(count), '\0')};
  MPI_Recv(m.bytes.data(), count, MPI_BYTE, m.source, m.tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return m;
}

// The ranks on this machine (sharing its memory). Collective: every rank calls it.
int local_ranks() {
  MPI_Comm local;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &local);
  int size = 1;
  MPI_Comm_size(local, &size);
  MPI_Comm_free(&local);
  return size;
}

// Under MPI a stop signal often reaches a rank twice: a batch system signals every task of a job,
// mpirun included, and mpirun, stopping, sends the ranks its own SIGTERM a second later. The
// plain handler takes a second signal as "stop at once" (the default action), which could kill a
// rank before it has recorded its finished runs; here every signal only requests the stop, and
// the launcher's own escalation (SIGKILL after a grace period) remains.
extern "C" void request_stop_on_signal(int signal) { request_stop(signal); }

void install_mpi_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = request_stop_on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  for (const int s : {SIGINT, SIGTERM}) {
    struct sigaction current {};
    if (::sigaction(s, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    ::sigaction(s, &action, nullptr);
  }
}

int exit_code_of(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const InputError&) {
    return 2;
  } catch (...) {
    return 1;
  }
}

// Rank 0: the database, the list of pending runs, and runs of its own.
class Coordinator {
 public:
  Coordinator(const SweepOptions& options, int ranks, int threads)
      : options_(options),
        threads_(threads),
        workers_(static_cast<std::size_t>(ranks)),
        ran_by_rank_(static_cast<std::size_t>(ranks), 0) {}

  int run() {
    const auto started = std::chrono::steady_clock::now();
    try {
      sweep_.emplace(prepare_sweep(options_.spec));
      store_.emplace(open_results(*sweep_, options_.database, options_.resume));
      // Every rank runs the points it makes from the spec; on resume they must be the file's.
      if (const auto difference = plan_difference(store_->plan(), sweep_->plan)) {
        throw InputError(Diagnostic{
            options_.database.string(), 0, 0, "",
            fmt::format("holds points other than this insim makes from the spec ({}: here the "
                        "file, there this insim); resume it without mpirun",
                        *difference)});
      }
      pending_ = pending_runs(*store_, options_.shard);
      local_.emplace(*sweep_, threads_);
    } catch (...) {
      fail(std::current_exception());
    }
    workers_[0].done = true;  // rank 0 itself
    while (true) {
      bool busy = false;
      while (auto message = poll(MPI_ANY_SOURCE)) {
        handle(*message);
        busy = true;
      }
      if (const int signal = stop_signal(); signal != 0) stop_by(signal);
      if (local_) {
        auto finished = local_->take_finished();
        for (const auto& result : finished.results) record(result, 0);
        busy = busy || !finished.results.empty() || finished.stopped > 0;
        while (!stopping_ && local_->free_slots() > 0 && next_ < pending_.size()) {
          local_->start(pending_[next_++].run_id);
        }
      }
      outbox_.progress();
      if (all_ended()) break;
      if (!busy) local_ ? local_->wait(1ms) : std::this_thread::sleep_for(1ms);
    }
    outbox_.flush();
    if (store_) {
      const RunCounts counts = store_->counts();
      outcome_.runs = store_->run_count();
      outcome_.shard_runs = shard_size(outcome_.runs, options_.shard);
      outcome_.done = counts.done;
      outcome_.failed = counts.failed;
    }
    outcome_.ran = ran_;
    outcome_.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (error_) return exit_code_of(error_);
    return signal_ != 0 ? 128 + signal_ : 0;
  }

  [[nodiscard]] const SweepOutcome& outcome() const { return outcome_; }
  [[nodiscard]] const std::exception_ptr& error() const { return error_; }
  [[nodiscard]] int signal() const { return signal_; }
  [[nodiscard]] const std::vector<std::int64_t>& ran_by_rank() const { return ran_by_rank_; }

 private:
  struct Worker {
    bool ended = false;  // END sent
    bool done = false;   // DONE received
  };

  bool all_ended() const {
    for (const auto& w : workers_) {
      if (!w.done) return false;
    }
    return !local_ || (local_->in_flight() == 0 && (stopping_ || next_ == pending_.size()));
  }

  void handle(const Message& m) {
    Worker& worker = workers_[static_cast<std::size_t>(m.source)];
    switch (m.tag) {
      case kHello:
        check_hello(m);
        break;
      case kRequest: {
        if (worker.ended) break;  // asked before our END reached it
        std::vector<std::int64_t> ids;
        while (!stopping_ && static_cast<std::int64_t>(ids.size()) < bytes_int(m.bytes) &&
               next_ < pending_.size()) {
          ids.push_back(pending_[next_++].run_id);
        }
        if (ids.empty()) {
          end(m.source, stopping_ ? end_value_ : 0);
        } else {
          std::string bytes(ids.size() * sizeof(std::int64_t), '\0');
          std::memcpy(bytes.data(), ids.data(), bytes.size());
          outbox_.send(m.source, kWork, std::move(bytes));
        }
        break;
      }
      case kResult:
        try {
          record(decode_run_result(m.bytes), m.source);
        } catch (...) {
          fail(std::current_exception());
        }
        break;
      case kSignalled:
        stop_by(static_cast<int>(bytes_int(m.bytes)));
        break;
      case kDone:
        worker.done = true;
        break;
      default:
        fail(std::make_exception_ptr(std::runtime_error(
            fmt::format("rank {} sent an unknown message ({})", m.source, m.tag))));
    }
  }

  void check_hello(const Message& m) {
    const auto lines = lines_of(m.bytes);
    if (lines.size() == 4 && lines[0] == "error") {
      const std::string what = fmt::format("under MPI, rank {} on {} cannot prepare the sweep: {}",
                                           m.source, lines[3], lines[2]);
      fail(lines[1] == "2" ? std::make_exception_ptr(InputError(Diagnostic{"", 0, 0, "", what}))
                           : std::make_exception_ptr(std::runtime_error(what)));
    } else if (lines.size() == 3 && lines[0] == "ok") {
      if (sweep_ && lines[1] != identity_of(*sweep_)) {
        fail(std::make_exception_ptr(InputError(Diagnostic{
            "", 0, 0, "",
            fmt::format("under MPI, rank {} on {} read {}; rank 0 read {}: every rank must see "
                        "the same spec and scenarios at the same paths (a shared file system) "
                        "and run the same insim",
                        m.source, lines[2], lines[1], identity_of(*sweep_))})));
      }
    } else {
      fail(std::make_exception_ptr(
          std::runtime_error(fmt::format("rank {} sent a malformed greeting", m.source))));
    }
  }

  void record(const RunResult& result, int rank) {
    try {
      if (const auto* r = std::get_if<RunRecord>(&result)) {
        store_->record(*r);
      } else {
        store_->record_failure(std::get<RunFailure>(result));
      }
    } catch (...) {
      fail(std::current_exception());
      return;
    }
    ++ran_;
    ++ran_by_rank_[static_cast<std::size_t>(rank)];
    if (options_.progress) options_.progress(ran_, static_cast<std::int64_t>(pending_.size()));
  }

  void end(int rank, int value) {
    Worker& worker = workers_[static_cast<std::size_t>(rank)];
    if (worker.ended || worker.done) return;
    outbox_.send(rank, kEnd, int_bytes(value));
    worker.ended = true;
  }

  // From now on no run starts; those in flight stop at their next step (`value`, a signal
  // number, goes to every rank not yet told).
  void begin_stop(int value) {
    if (stopping_) return;
    stopping_ = true;
    end_value_ = value;
    if (local_) local_->stop(value);
    for (std::size_t r = 1; r < workers_.size(); ++r) end(static_cast<int>(r), value);
  }

  void stop_by(int signal) {
    if (signal_ == 0) signal_ = signal;
    begin_stop(signal);
  }

  void fail(std::exception_ptr error) {
    if (!error_) error_ = std::move(error);
    begin_stop(SIGTERM);
  }

  const SweepOptions& options_;
  int threads_;
  std::optional<PreparedSweep> sweep_;
  std::optional<ResultStore> store_;
  std::vector<PlannedRun> pending_;
  std::size_t next_ = 0;  // pending_[next_] is the next run to hand out
  std::optional<LocalRuns> local_;
  std::vector<Worker> workers_;  // by rank
  Outbox outbox_;
  bool stopping_ = false;
  int end_value_ = 0;
  int signal_ = 0;
  std::exception_ptr error_;
  std::int64_t ran_ = 0;
  std::vector<std::int64_t> ran_by_rank_;
  SweepOutcome outcome_;
};

// A rank other than 0: runs what rank 0 hands it and sends back the results.
void run_worker(const SweepOptions& options, int threads) {
  Outbox outbox;
  std::optional<PreparedSweep> sweep;
  const std::string host = host_of_this_rank();
  try {
    sweep.emplace(prepare_sweep(options.spec));
    outbox.send(0, kHello, fmt::format("ok\n{}\n{}", identity_of(*sweep), host));
  } catch (const std::exception& e) {
    const int code = dynamic_cast<const InputError*>(&e) != nullptr ? 2 : 1;
    std::string what = e.what();
    std::replace(what.begin(), what.end(), '\n', ' ');
    outbox.send(0, kHello, fmt::format("error\n{}\n{}\n{}", code, what, host));
  }
  std::optional<LocalRuns> local;
  if (sweep) local.emplace(*sweep, threads);
  bool ended = false;
  bool asking = false;
  int signalled = 0;
  auto send_results = [&] {
    auto finished = local->take_finished();
    for (const auto& result : finished.results) {
      outbox.send(0, kResult, encode_run_result(result));
    }
    return !finished.results.empty() || finished.stopped > 0;
  };
  while (true) {
    bool busy = false;
    while (auto message = poll(0)) {
      busy = true;
      if (message->tag == kWork) {
        asking = false;
        std::vector<std::int64_t> ids(message->bytes.size() / sizeof(std::int64_t));
        std::memcpy(ids.data(), message->bytes.data(), ids.size() * sizeof(std::int64_t));
        for (const auto id : ids) local->start(id);
      } else if (message->tag == kEnd) {
        ended = true;
        if (const auto value = bytes_int(message->bytes); value != 0 && local) {
          local->stop(static_cast<int>(value));
        }
      }
    }
    if (const int signal = stop_signal(); signal != 0 && signalled == 0) {
      signalled = signal;
      outbox.send(0, kSignalled, int_bytes(signal));
      if (local) local->stop(signal);
    }
    if (local) {
      busy = send_results() || busy;
      if (!ended && signalled == 0 && !asking && local->free_slots() > 0) {
        outbox.send(0, kRequest, int_bytes(local->free_slots()));
        asking = true;
      }
    }
    outbox.progress();
    if (ended && (!local || local->in_flight() == 0)) {
      if (local) send_results();  // those that ended since the last look
      break;
    }
    if (!busy) local ? local->wait(1ms) : std::this_thread::sleep_for(1ms);
  }
  outbox.send(0, kDone, int_bytes(signalled));
  outbox.flush();
}

}  // namespace

bool launched_by_mpi() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMI_SIZE") != nullptr ||
         std::getenv("PMIX_RANK") != nullptr;
}

MpiSweep::MpiSweep() {
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
  if (provided < MPI_THREAD_FUNNELED) {
    std::fputs("insim: this MPI library cannot run threads beside MPI (MPI_THREAD_FUNNELED)\n",
               stderr);
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  // After MPI_Init, so that no handler it installs replaces ours.
  install_mpi_stop_handlers();
}

MpiSweep::~MpiSweep() { MPI_Finalize(); }

MpiSweepOutcome MpiSweep::run(const SweepOptions& options, int threads) {
  MpiSweepOutcome result;
  result.ranks = size_;
  result.coordinator = rank_ == 0;
  if (size_ == 1) {
    const ThreadLimit limit(threads);
    result.threads = limit.threads();
    result.sweep = run_sweep(options);
    return result;
  }
  result.threads = threads > 0 ? threads : std::max(1, hardware_threads() / local_ranks());
  std::exception_ptr error;
  int stopped = 0;
  // The protocol turns every expected error into an exit code that all ranks share; anything
  // else escaping here would leave the other ranks waiting, so it ends the whole job.
  try {
    if (result.coordinator) {
      Coordinator coordinator(options, size_, result.threads);
      result.exit_code = coordinator.run();
      result.sweep = coordinator.outcome();
      error = coordinator.error();
      stopped = coordinator.signal();
      result.ran_by_rank = coordinator.ran_by_rank();
    } else {
      run_worker(options, result.threads);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "insim: error on MPI rank %d: %s\n", rank_, e.what());
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  MPI_Bcast(&result.exit_code, 1, MPI_INT, 0, MPI_COMM_WORLD);
  if (error) std::rethrow_exception(error);
  if (stopped != 0) throw RunStopped(stopped, 0, 0);
  return result;
}

}  // namespace insim::sweep
