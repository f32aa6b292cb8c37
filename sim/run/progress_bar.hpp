#pragma once
// A one-line progress bar with an ETA, redrawn at most ten times a second. Only for a person
// watching: the caller shows it when stderr is a terminal and never writes it into logs.
#include <chrono>
#include <cstdint>
#include <cstdio>

namespace insim {

[[nodiscard]] bool stderr_is_terminal();

class ProgressBar {
 public:
  explicit ProgressBar(std::int64_t total, std::FILE* out = stderr);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(std::int64_t done);
  // Draws the final state and ends the line.
  void finish();

 private:
  void draw(std::int64_t done);

  std::int64_t total_;
  std::FILE* out_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool finished_ = false;
};

}  // namespace insim
