#include "fuzz_entries.hpp"

#include <fmt/format.h>
#include <stdlib.h>

#include <fstream>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

#include "core/error.hpp"
#include "models/scenario_def.hpp"
#include "scenario/loader/loader.hpp"

namespace insim::fuzz {

namespace {

namespace fs = std::filesystem;

// fuzz/parents, compiled in (CMake sets it), so the fuzzers and the test run from any folder.
fs::path parents_folder() { return fs::path(INSIM_FUZZ_PARENTS); }

void write_file(const fs::path& file, std::string_view bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out.flush()) throw std::runtime_error("fuzz: cannot write " + file.string());
}

// What `insim run`, `validate` and `params` do with a scenario file (run/scenario_loading.cpp),
// without linking the runner: the fuzz build compiles only the libraries the loader needs.
void load_scenario(const fs::path& file, std::span<const scenario::Override> overrides) {
  ScenarioDef def;
  (void)scenario::load(file, overrides, [&def](scenario::Schema& s) { describe(s, def); });
}

Outcome outcome_of(const std::function<void()>& load) {
  try {
    load();
  } catch (const InputError& e) {
    check_refusal(e);
    return Outcome::refused;
  }
  return Outcome::accepted;
}

}  // namespace

void check_refusal(const InputError& e) {
  if (e.diagnostics().empty()) throw std::logic_error("an InputError that reports no problem");
  for (const Diagnostic& d : e.diagnostics()) {
    const std::string where = d.to_string();
    if (d.message.empty()) throw std::logic_error("a problem without a message: " + where);
    if (d.file.empty()) throw std::logic_error("a problem that names no file: " + where);
    if (d.line < 0 || d.column < 0 || (d.line > 0 && d.column == 0)) {
      throw std::logic_error(
          fmt::format("a problem at line {}, column {}: {}", d.line, d.column, where));
    }
  }
}

Workspace::Workspace() {
  std::string name = (fs::temp_directory_path() / "insim-fuzz-XXXXXX").string();
  if (::mkdtemp(name.data()) == nullptr) {
    throw std::runtime_error("fuzz: cannot create a folder like " + name);
  }
  path_ = name;
  for (const auto& entry : fs::directory_iterator(parents_folder())) {
    fs::copy_file(entry.path(), path_ / entry.path().filename());
  }
}

Workspace::~Workspace() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

Outcome load_scenario_bytes(const Workspace& workspace, std::string_view bytes) {
  const fs::path input = workspace.path() / "input.yaml";
  write_file(input, bytes);
  return outcome_of([&] { load_scenario(input, {}); });
}

Outcome apply_set_bytes(const Workspace& workspace, std::string_view bytes) {
  const bool sahel = !bytes.empty() && (static_cast<unsigned char>(bytes.front()) & 1U) != 0;
  const fs::path base = workspace.path() / (sahel ? "sahel_small.yaml" : "epstein_base.yaml");
  if (!bytes.empty()) bytes.remove_prefix(1);
  // One argument per line; a NUL also ends one, as it would end a command-line argument.
  std::vector<std::string_view> args;
  while (!bytes.empty()) {
    const std::size_t end = bytes.find_first_of(std::string_view("\n\0", 2));
    args.push_back(bytes.substr(0, end));
    if (end == std::string_view::npos) break;
    bytes.remove_prefix(end + 1);
  }
  return outcome_of([&] {
    // As the command line does (apps/insim/common_options.cpp): every malformed --set reported.
    std::vector<scenario::Override> overrides;
    std::vector<Diagnostic> problems;
    for (const std::string_view arg : args) {
      try {
        overrides.push_back(scenario::parse_override(arg));
      } catch (const InputError& e) {
        problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
      }
    }
    if (!problems.empty()) throw InputError(std::move(problems));
    load_scenario(base, overrides);
  });
}

}  // namespace insim::fuzz
