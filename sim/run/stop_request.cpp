#include "run/stop_request.hpp"

#include <signal.h>

#include <atomic>
#include <csignal>
#include <cstdio>

namespace insim {

namespace {
// Only a lock-free atomic may be touched from a signal handler.
std::atomic<int> requested{0};
static_assert(std::atomic<int>::is_always_lock_free);

bool try_request(int signal) noexcept {
  int none = 0;
  return requested.compare_exchange_strong(none, signal);
}

extern "C" void on_stop_signal(int signal) {
  if (try_request(signal)) return;
  // A second signal: back to the default action, delivered once this handler returns (the
  // signal is blocked while its handler runs). signal() and raise() are async-signal-safe.
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}
}  // namespace

void install_stop_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  // Both stop signals blocked while either handler runs, so the two never interleave.
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGTERM);
  action.sa_flags = SA_RESTART;  // a write interrupted by the signal carries on
  for (const int s : {SIGINT, SIGTERM}) {
    // A signal ignored from the start stays ignored, as the caller meant (`nohup`, or a
    // non-interactive shell's `insim run ... &`, which must not stop on the terminal's Ctrl-C).
    struct sigaction current {};
    if (::sigaction(s, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    if (::sigaction(s, &action, nullptr) != 0) std::perror("insim: sigaction");
  }
}

int stop_signal() noexcept { return requested.load(); }

void request_stop(int signal) noexcept { try_request(signal); }

void clear_stop_request() noexcept { requested.store(0); }

const char* signal_name(int signal) noexcept {
  switch (signal) {
    case SIGINT:
      return "SIGINT";
    case SIGTERM:
      return "SIGTERM";
    default:
      return "another signal";
  }
}

}  // namespace insim
