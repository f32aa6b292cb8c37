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

// aligned_alloc wants a size that is a multiple of the alignment.
inline void* counted_aligned_malloc(std::size_t size, std::align_val_t alignment) noexcept {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  const auto a = static_cast<std::size_t>(alignment);
  return std::aligned_alloc(a, size == 0 ? a : (size + a - 1) / a * a);
}
}  // namespace insim::test

// Every form, plain and over-aligned, so that every allocation is counted and allocation and
// release always pair malloc or aligned_alloc with free. (Not in TSan builds: tests/CMakeLists.txt.)
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
void* operator new(std::size_t size, std::align_val_t alignment) {
  if (void* p = insim::test::counted_aligned_malloc(size, alignment)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t alignment) {
  return operator new(size, alignment);
}
void* operator new(std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return insim::test::counted_aligned_malloc(size, alignment);
}
void* operator new[](std::size_t size, std::align_val_t alignment, const std::nothrow_t&) noexcept {
  return insim::test::counted_aligned_malloc(size, alignment);
}
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { std::free(p); }
