#pragma once
// What this process uses: memory, for bytes-per-agent figures, and CPU time, a figure that the
// other jobs on a shared machine disturb less than wall time does.
#include <cstddef>

namespace insim::bench {

// Bytes the allocator has handed out and not taken back: glibc's mallinfo2, small blocks in
// the arenas plus large blocks mapped on their own (every civilian array at scale 1).
[[nodiscard]] std::size_t heap_in_use();

// The most resident memory this process has held so far (getrusage's ru_maxrss), bytes.
[[nodiscard]] std::size_t peak_rss();

// CPU time of all this process's threads so far, seconds.
[[nodiscard]] double cpu_seconds();

}  // namespace insim::bench
