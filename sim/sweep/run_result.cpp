#include "sweep/run_result.hpp"

#include <chrono>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <type_traits>

namespace insim::sweep {

namespace {

constexpr std::uint8_t kRecord = 1;
constexpr std::uint8_t kFailure = 2;

class Writer {
 public:
  template <class T>
  void put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto at = bytes_.size();
    bytes_.resize(at + sizeof(T));
    std::memcpy(bytes_.data() + at, &value, sizeof(T));
  }
  void put_size(std::size_t n) { put(static_cast<std::uint64_t>(n)); }
  void put_text(std::string_view text) {
    put_size(text.size());
    bytes_.append(text);
  }
  template <class T>
  void put_all(const std::vector<T>& values) {
    put_size(values.size());
    for (const T& v : values) put(v);
  }
  void put_time(std::chrono::system_clock::time_point t) {
    put(static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count()));
  }
  std::string take() { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class Reader {
 public:
  explicit Reader(std::string_view bytes) : rest_(bytes) {}
  template <class T>
  T get() {
    need(sizeof(T));
    T value;
    std::memcpy(&value, rest_.data(), sizeof(T));
    rest_.remove_prefix(sizeof(T));
    return value;
  }
  // A count of items of `item_size` bytes each, checked against what is left, so that a damaged
  // length never makes a huge allocation.
  std::size_t get_count(std::size_t item_size) {
    const auto n = get<std::uint64_t>();
    if (n > rest_.size() / item_size) fail();
    return static_cast<std::size_t>(n);
  }
  std::string get_text() {
    const std::size_t n = get_count(1);
    std::string text(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return text;
  }
  template <class T>
  std::vector<T> get_all() {
    std::vector<T> values(get_count(sizeof(T)));
    for (T& v : values) v = get<T>();
    return values;
  }
  std::chrono::system_clock::time_point get_time() {
    return std::chrono::system_clock::time_point(
        std::chrono::duration_cast<std::chrono::system_clock::duration>(
            std::chrono::nanoseconds(get<std::int64_t>())));
  }
  void finish() const {
    if (!rest_.empty()) fail();
  }

 private:
  void need(std::size_t n) const {
    if (rest_.size() < n) fail();
  }
  [[noreturn]] static void fail() {
    throw std::runtime_error("a run's result arrived damaged (truncated or malformed bytes)");
  }
  std::string_view rest_;
};

void put_common(Writer& w, std::int64_t run_id, std::int64_t seed, const RunTiming& t) {
  w.put(run_id);
  w.put(seed);
  w.put_time(t.started);
  w.put_time(t.finished);
  w.put(t.wall_seconds);
}

}  // namespace

std::string encode_run_result(const RunResult& result) {
  Writer w;
  if (const auto* r = std::get_if<RunRecord>(&result)) {
    w.put(kRecord);
    put_common(w, r->run_id, r->seed, r->timing);
    w.put_all(r->metrics);
    w.put_all(r->series.steps);
    w.put_size(r->series.dates.size());
    for (const auto& d : r->series.dates) w.put_text(d);
    w.put_size(r->series.columns.size());
    for (const auto& c : r->series.columns) w.put_all(c);
  } else {
    const auto& f = std::get<RunFailure>(result);
    w.put(kFailure);
    put_common(w, f.run_id, f.seed, f.timing);
    w.put_text(f.error);
  }
  return w.take();
}

RunResult decode_run_result(std::string_view bytes) {
  Reader r(bytes);
  const auto kind = r.get<std::uint8_t>();
  if (kind != kRecord && kind != kFailure) {
    throw std::runtime_error("a run's result arrived damaged (unknown kind)");
  }
  const auto run_id = r.get<std::int64_t>();
  const auto seed = r.get<std::int64_t>();
  RunTiming timing;
  timing.started = r.get_time();
  timing.finished = r.get_time();
  timing.wall_seconds = r.get<double>();
  if (kind == kFailure) {
    RunFailure f{run_id, seed, r.get_text(), timing};
    r.finish();
    return f;
  }
  RunRecord rec{run_id, seed, timing, r.get_all<double>(), {}};
  rec.series.steps = r.get_all<std::int64_t>();
  rec.series.dates.resize(r.get_count(sizeof(std::uint64_t)));
  for (auto& d : rec.series.dates) d = r.get_text();
  rec.series.columns.resize(r.get_count(sizeof(std::uint64_t)));
  for (auto& c : rec.series.columns) c = r.get_all<double>();
  r.finish();
  return rec;
}

}  // namespace insim::sweep
