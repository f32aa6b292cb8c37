#include "validation/report_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

#include "output/csv_field.hpp"
#include "output/json_number.hpp"
#include "output/number_format.hpp"

namespace insim::validation {

namespace {

constexpr std::size_t kColumns = 7;
using Cells = std::array<std::string, kColumns>;

std::string interval(const CheckRow& r) {
  if (r.missing == r.values.size()) return "n/a";
  return fmt::format("[{}, {}]", short_number(r.p5), short_number(r.p95));
}

std::string result(const CheckRow& r) {
  std::string s = r.pass ? "pass" : "FAIL";
  if (!r.note.empty()) s += fmt::format(" ({})", r.note);
  return s;
}

Cells cells(const CheckRow& r) {
  return {r.id, r.source, r.what, r.band.to_string(), short_number(r.mean), interval(r), result(r)};
}

void pad_to(std::string& out, std::string_view text, std::size_t width) {
  out += text;
  out.append(width - std::min(width, display_width(text)), ' ');
}

std::string csv_number(double x) {
  if (std::isnan(x)) return "";
  return output::format_number(x);
}

nlohmann::ordered_json json_value(double x) {
  if (!std::isfinite(x)) return nullptr;
  return output::json_number(x);
}

}  // namespace

std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

std::string format_table(const ValidationReport& report) {
  const Cells header{"id", "source", "what", "band", "mean", "90% interval", "result"};
  std::array<std::size_t, kColumns> width{};
  for (std::size_t k = 0; k < kColumns; ++k) width[k] = display_width(header[k]);
  for (const auto& r : report.rows) {
    const Cells c = cells(r);
    for (std::size_t k = 0; k < kColumns; ++k) width[k] = std::max(width[k], display_width(c[k]));
  }
  const auto line = [&](const Cells& c) {
    std::string out = "  ";
    for (std::size_t k = 0; k < kColumns; ++k) {
      if (k + 1 == kColumns)
        out += c[k];
      else
        pad_to(out, c[k], width[k] + 2);
    }
    out += '\n';
    return out;
  };

  std::string out;
  const auto seeds = report.seeds;
  out += fmt::format("{}: {} run{}, seed{} {}\n", report.scenario, seeds.size(),
                     seeds.size() == 1 ? "" : "s", seeds.size() == 1 ? "" : "s",
                     seeds.size() == 1 ? fmt::format("{}", seeds.front())
                                       : fmt::format("{}-{}", seeds.front(), seeds.back()));
  for (const auto& group : report.groups) {
    out += fmt::format("\n{}\n", group);
    out += line(header);
    for (const auto& r : report.rows)
      if (r.group == group) out += line(cells(r));
  }
  out += fmt::format("\n{} of {} checks pass\n", report.passed(), report.rows.size());
  return out;
}

std::string to_csv(const ValidationReport& report) {
  std::string out =
      "group,id,source,what,band,low,high,mean,p5,p95,runs,missing,pass,note,reference\n";
  for (const auto& r : report.rows) {
    const std::array<std::string, 15> fields{r.group,
                                             r.id,
                                             r.source,
                                             r.what,
                                             r.band.to_string(),
                                             csv_number(r.band.low),
                                             csv_number(r.band.high),
                                             csv_number(r.mean),
                                             csv_number(r.p5),
                                             csv_number(r.p95),
                                             std::to_string(r.values.size()),
                                             std::to_string(r.missing),
                                             r.pass ? "true" : "false",
                                             r.note,
                                             r.reference};
    for (std::size_t k = 0; k < fields.size(); ++k) {
      if (k > 0) out += ',';
      out += output::csv_field(fields[k]);
    }
    out += '\n';
  }
  return out;
}

std::string to_json(const ValidationReport& report) {
  nlohmann::ordered_json j;
  j["scenario"] = report.scenario;
  j["seeds"] = report.seeds;
  j["passed"] = report.passed();
  j["checks"] = report.rows.size();
  j["groups"] = nlohmann::ordered_json::array();
  for (const auto& group : report.groups) {
    nlohmann::ordered_json g;
    g["name"] = group;
    g["checks"] = nlohmann::ordered_json::array();
    for (const auto& r : report.rows) {
      if (r.group != group) continue;
      nlohmann::ordered_json c;
      c["id"] = r.id;
      c["source"] = r.source;
      c["reference"] = r.reference;
      c["what"] = r.what;
      c["band"] = {{"text", r.band.to_string()},
                   {"low", json_value(r.band.low)},
                   {"high", json_value(r.band.high)},
                   {"low_open", r.band.low_open || std::isinf(r.band.low)},
                   {"high_open", r.band.high_open || std::isinf(r.band.high)}};
      c["mean"] = json_value(r.mean);
      c["p5"] = json_value(r.p5);
      c["p95"] = json_value(r.p95);
      c["values"] = nlohmann::ordered_json::array();
      for (double v : r.values) c["values"].push_back(json_value(v));
      c["missing"] = r.missing;
      c["pass"] = r.pass;
      c["note"] = r.note;
      g["checks"].push_back(std::move(c));
    }
    j["groups"].push_back(std::move(g));
  }
  return j.dump(2) + "\n";
}

}  // namespace insim::validation
