#pragma once
// best.yaml: a scenario that extends the calibration's base and sets each fitted parameter to
// its posterior median, each value with its source in the loader's {value, source} form, so
// that `insim run`, `insim validate` and `insim params --sources` read it like any scenario.
#include <span>
#include <string>

namespace insim::calibrate {

struct BestValue {
  std::string path;   // dotted, without list indices: "sahel.civilians.flee_rate"
  std::string value;  // as written (output::format_number)
  std::string source;
};

// `extends` is relative to the folder best.yaml is written to. Paths nest into sections
// ("sahel: civilians: flee_rate: ..."), in the order given. Throws std::invalid_argument for a
// path with a list index (a file that extends another replaces a whole list, docs/
// scenario-format.md) or a path that is both a value and a section.
[[nodiscard]] std::string best_scenario_yaml(const std::string& extends, const std::string& name,
                                             const std::string& comment,
                                             std::span<const BestValue> values);

// "text" with backslashes, double quotes and control characters escaped (YAML double-quoted).
[[nodiscard]] std::string yaml_quoted(std::string_view text);

}  // namespace insim::calibrate
