#pragma once
// Counts every global operator new of a test program, so that a test can check that a loop
// allocates nothing. Replaces the global allocation functions: include this header in exactly
// ONE source file of a test program (a second would define them twice and fail to link).
#include <atomic>
#include <cstdlib>
#include <new>

namespace insim::test {
inline std::atomic<long> g_allocations{0};

inline void* counted_malloc(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
}  // namespace insim::test

// Every plain form, so that allocation and release always pair malloc with free.
void* operator new(std::size_t size) { return insim::test::counted_malloc(size); }
void* operator new[](std::size_t size) { return insim::test::counted_malloc(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  insim::test::g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept {
  return operator new(size, tag);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
