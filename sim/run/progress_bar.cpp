#include "run/progress_bar.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <string>

namespace insim {

namespace {
constexpr int kWidth = 30;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string clock_text(double seconds) {
  const auto s = static_cast<std::int64_t>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}
}  // namespace

bool stderr_is_terminal() { return ::isatty(STDERR_FILENO) == 1; }

ProgressBar::ProgressBar(std::int64_t total, std::FILE* out)
    : total_(total > 0 ? total : 1),
      out_(out),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - kRedrawInterval) {}

ProgressBar::~ProgressBar() {
  if (!finished_) std::fputc('\n', out_);  // leave the cursor on a fresh line after errors
}

void ProgressBar::update(std::int64_t done) {
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  draw(done);
}

void ProgressBar::finish() {
  if (finished_) return;
  draw(total_);
  std::fputc('\n', out_);
  std::fflush(out_);
  finished_ = true;
}

void ProgressBar::draw(std::int64_t done) {
  const double fraction = static_cast<double>(done) / static_cast<double>(total_);
  const int filled = static_cast<int>(fraction * kWidth);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const std::string eta =
      done > 0 ? clock_text(elapsed * (1.0 - fraction) / fraction) : std::string("?");
  fmt::print(out_, "\r[{:#<{}}{:.<{}}] {:3}% {}/{} steps  ETA {}  ", "", filled, "",
             kWidth - filled, static_cast<int>(fraction * 100), done, total_, eta);
  std::fflush(out_);
}

}  // namespace insim
