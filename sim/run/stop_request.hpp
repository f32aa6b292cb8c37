#pragma once
// A request that a run stop at the next step boundary, made by SIGINT or SIGTERM (or by a test).
// The signal handler only stores the signal number in a lock-free atomic, which is
// async-signal-safe; the runner reads it between steps, never inside a parallel loop.
namespace insim {

// Installs the SIGINT and SIGTERM handlers (sigaction). The first signal requests a stop; a
// second one, while the run is still stopping, gets the default action, so the process ends at
// once (temporary output files may then remain). A signal already ignored is left ignored.
void install_stop_handlers();

// The signal that requested a stop, or 0 if none did.
[[nodiscard]] int stop_signal() noexcept;

// What the handler does: records `signal` unless a stop is already requested.
void request_stop(int signal) noexcept;
// Forgets a request, e.g. between tests in one process.
void clear_stop_request() noexcept;

// "SIGINT", "SIGTERM", else "another signal".
[[nodiscard]] const char* signal_name(int signal) noexcept;

}  // namespace insim
