#pragma once
// Runs the built `insim` executable as a child process: exit code, stdout, stderr, and the
// child's peak resident memory from wait4(2).
#include <sys/types.h>

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

// What spawn_program changes for the child besides its files and folder.
struct SpawnOptions {
  std::vector<std::string> extra_environment;  // "NAME=value", before the test's own environment
  bool own_process_group = false;              // a signal to the test's group does not reach it
};

// Starts `program ARGS` (argv[0] is the program) in `work_dir` with stdout and stderr going to
// the two files, SIGINT and SIGTERM at their default action. Returns its pid; throws if it
// cannot start.
pid_t spawn_program(const std::string& program, const std::vector<std::string>& args,
                    const std::filesystem::path& work_dir, const std::filesystem::path& out_file,
                    const std::filesystem::path& err_file, const SpawnOptions& options = {});

// Starts `insim ARGS` in `work_dir` with stdout and stderr going to the two files, SIGINT and
// SIGTERM at their default action (insim keeps a signal ignored if it starts ignored, and a
// test runner may ignore them). Returns the child's pid; throws if it cannot start.
pid_t spawn_insim(const std::vector<std::string>& args, const std::filesystem::path& work_dir,
                  const std::filesystem::path& out_file, const std::filesystem::path& err_file);

// `work_dir` receives the captured stdout/stderr files and is the child's working directory.
ProcessResult run_insim(const std::vector<std::string>& args,
                        const std::filesystem::path& work_dir);

// tests/cli/data/<name>
std::filesystem::path cli_data(const std::string& name);

}  // namespace insim::test
