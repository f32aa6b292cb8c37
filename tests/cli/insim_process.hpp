#pragma once
// Runs the built `insim` executable as a child process: exit code, stdout, stderr, and the
// child's peak resident memory from wait4(2).
#include <filesystem>
#include <string>
#include <vector>

namespace insim::test {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal number when killed by a signal
  std::string out;
  std::string err;
  long peak_rss_kib = 0;  // ru_maxrss
};

// `work_dir` receives the captured stdout/stderr files and is the child's working directory.
ProcessResult run_insim(const std::vector<std::string>& args,
                        const std::filesystem::path& work_dir);

// tests/cli/data/<name>
std::filesystem::path cli_data(const std::string& name);

}  // namespace insim::test
