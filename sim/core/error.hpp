#pragma once
// Errors a user can act on. Every input problem names where it is (file:line:col), the key
// path, and what was expected, so the message alone says how to fix it.
#include <stdexcept>
#include <string>
#include <vector>

namespace insim {

struct Diagnostic {
  std::string file;      // path as the user gave it, "--set" for command-line overrides
  int line = 0;          // 1-based; 0 when unknown
  int column = 0;        // 1-based; 0 when unknown
  std::string key_path;  // dotted path, e.g. "epstein.legitimacy.initial"; empty if none
  std::string message;   // what is wrong and what was expected

  // "file:line:col: key: message", leaving out what is unknown.
  [[nodiscard]] std::string to_string() const;
};

// One or more problems with the user's input. what() lists all of them, one per line.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  explicit InputError(Diagnostic diagnostic);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace insim
