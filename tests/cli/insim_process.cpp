#include "cli/insim_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cerrno>
#include <stdexcept>

#include "support/scratch_folder.hpp"

extern char** environ;

namespace insim::test {

pid_t spawn_program(const std::string& program, const std::vector<std::string>& args,
                    const std::filesystem::path& work_dir, const std::filesystem::path& out_file,
                    const std::filesystem::path& err_file, const SpawnOptions& options) {
  std::vector<std::string> argv_strings{program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_strings = options.extra_environment;
  for (char** e = environ; *e != nullptr; ++e) env_strings.emplace_back(*e);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addchdir_np(&actions, work_dir.c_str());
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  posix_spawnattr_setsigdefault(&attributes, &stop_signals);
  short flags = POSIX_SPAWN_SETSIGDEF;
  if (options.own_process_group) {
    posix_spawnattr_setpgroup(&attributes, 0);
    flags |= POSIX_SPAWN_SETPGROUP;
  }
  posix_spawnattr_setflags(&attributes, flags);
  pid_t pid = 0;
  const int rc =
      posix_spawn(&pid, program.c_str(), &actions, &attributes, argv.data(), envp.data());
  posix_spawnattr_destroy(&attributes);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + program);
  return pid;
}

pid_t spawn_insim(const std::vector<std::string>& args, const std::filesystem::path& work_dir,
                  const std::filesystem::path& out_file, const std::filesystem::path& err_file) {
  return spawn_program(INSIM_EXE, args, work_dir, out_file, err_file);
}

ProcessResult run_insim(const std::vector<std::string>& args,
                        const std::filesystem::path& work_dir) {
  const auto out_file = work_dir / ".insim-stdout";
  const auto err_file = work_dir / ".insim-stderr";
  const pid_t pid = spawn_insim(args, work_dir, out_file, err_file);

  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) throw std::runtime_error("wait4 failed");
  }
  ProcessResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_text(out_file);
  r.err = read_text(err_file);
  r.peak_rss_kib = usage.ru_maxrss;
  std::filesystem::remove(out_file);
  std::filesystem::remove(err_file);
  return r;
}

std::filesystem::path cli_data(const std::string& name) {
  return std::filesystem::path(INSIM_SOURCE_DIR) / "tests" / "cli" / "data" / name;
}

}  // namespace insim::test
