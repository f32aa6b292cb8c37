#include "sweep/result_merge.hpp"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <span>
#include <utility>

#include "core/calendar.hpp"
#include "core/error.hpp"
#include "output/atomic_file.hpp"
#include "sweep/result_reader.hpp"
#include "sweep/run_result.hpp"
#include "sweep/sqlite_connection.hpp"

namespace insim::sweep {

namespace fs = std::filesystem;

namespace {

InputError file_error(const fs::path& path, std::string message) {
  return InputError(Diagnostic{path.string(), 0, 0, "", std::move(message)});
}

std::string number_text(const std::optional<double>& v) {
  return v ? fmt::format("{}", *v) : std::string("(none)");
}

// FNV-1a 64 over a result's bytes with its timing left out: two recordings of one run (the same
// seed, status, error, metrics and series, bit for bit) have the same digest.
std::uint64_t digest_without_timing(RunResult result) {
  std::visit([](auto& r) { r.timing = {}; }, result);
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : encode_run_result(result)) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

// "2025-01-31T12:00:00Z", as the store writes it, back to a time.
std::optional<std::chrono::system_clock::time_point> parse_utc(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[19] != 'Z') return std::nullopt;
  const auto date = parse_date(text.substr(0, 10));
  int hms[3] = {};
  for (int k = 0; k < 3; ++k) {
    const char* first = text.data() + 11 + 3 * k;
    if (std::from_chars(first, first + 2, hms[k]).ptr != first + 2) return std::nullopt;
    if (k < 2 && first[2] != ':') return std::nullopt;
  }
  if (!date || hms[0] > 23 || hms[1] > 59 || hms[2] > 60) return std::nullopt;
  const std::int64_t seconds =
      days_from_civil(*date) * 86400 + hms[0] * 3600 + hms[1] * 60 + hms[2];
  return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}

// started_utc and finished_utc of each recorded run, which ResultReader's rows leave out.
std::map<std::int64_t, std::pair<std::string, std::string>> run_times(const fs::path& input) {
  std::map<std::int64_t, std::pair<std::string, std::string>> times;
  Connection db(input, Connection::Mode::read_only);
  db.exec("PRAGMA busy_timeout = 10000");
  auto s = db.prepare("SELECT run_id, started_utc, finished_utc FROM runs");
  while (s.step()) times.emplace(s.int64(0), std::pair{s.text(1), s.text(2)});
  return times;
}

void remove_database_files(const fs::path& file) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(fs::path(file.string() + suffix), ignored);
  }
}

// Copies one input's recorded runs into the output, run by run.
class Copier {
 public:
  Copier(ResultStore& out, const std::vector<fs::path>& inputs)
      : out_(out),
        inputs_(inputs),
        digest_(static_cast<std::size_t>(out.run_count())),
        source_(static_cast<std::size_t>(out.run_count()), -1) {}

  void copy(std::size_t input) {
    const fs::path& file = inputs_[input];
    const ResultReader reader(file);  // one snapshot, even of a file a shard still writes
    const auto times = run_times(file);
    const SweepPlan& plan = reader.plan();
    const std::vector<RunRow> rows = reader.runs();
    std::map<std::int64_t, std::size_t> row_of;
    for (std::size_t i = 0; i < rows.size(); ++i) row_of.emplace(rows[i].run_id, i);
    auto timing = [&](const RunRow& row) {
      const auto t = times.find(row.run_id);
      const auto started = t == times.end() ? std::nullopt : parse_utc(t->second.first);
      const auto finished = t == times.end() ? std::nullopt : parse_utc(t->second.second);
      if (!started || !finished) {
        throw file_error(file, fmt::format("is damaged: run {} has no valid started_utc and "
                                           "finished_utc",
                                           row.run_id));
      }
      return RunTiming{*started, *finished, row.wall_seconds};
    };

    for (const auto& row : rows) {
      if (!row.done) put(input, RunFailure{row.run_id, row.seed, row.error, timing(row)});
    }
    std::vector<std::vector<double>> metrics(rows.size());
    reader.for_each_metrics_row([&](const RunRow& row, std::span<const double> values) {
      metrics[row_of.at(row.run_id)].assign(values.begin(), values.end());
    });

    // Series rows arrive run by run, column by column in the plan's order, step by step.
    std::map<std::string, std::size_t, std::less<>> column_of;
    for (std::size_t c = 0; c < plan.series_columns.size(); ++c) {
      column_of.emplace(plan.series_columns[c], c);
    }
    std::vector<bool> copied(rows.size(), false);
    std::optional<std::int64_t> current;
    RunSeries series;
    auto flush = [&] {
      if (!current) return;
      const std::size_t i = row_of.at(*current);
      put(input,
          RunRecord{rows[i].run_id, rows[i].seed, timing(rows[i]), metrics[i], std::move(series)});
      copied[i] = true;
      series = {};
      current.reset();
    };
    reader.for_each_series_row([&](const SeriesRow& row) {
      if (current != row.run_id) {
        flush();
        current = row.run_id;
        series.columns.resize(plan.series_columns.size());
      }
      const auto column = column_of.find(row.column);
      if (column == column_of.end()) {
        throw file_error(file, fmt::format("is damaged: run {} has a series column {} that its "
                                           "plan does not keep",
                                           row.run_id, row.column));
      }
      const std::size_t c = column->second;
      auto& values = series.columns[c];
      if (c == 0) {
        series.steps.push_back(row.step);
        if (!row.date.empty()) series.dates.emplace_back(row.date);
      } else if (values.size() >= series.steps.size() || series.steps[values.size()] != row.step) {
        throw file_error(file, fmt::format("is damaged: run {}'s series column {} does not have "
                                           "the steps of column {}",
                                           row.run_id, row.column, plan.series_columns[0]));
      }
      values.push_back(row.value);
    });
    flush();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].done && !copied[i]) {
        put(input, RunRecord{rows[i].run_id, rows[i].seed, timing(rows[i]), metrics[i], {}});
      }
    }
  }

  [[nodiscard]] std::int64_t duplicates() const { return duplicates_; }

 private:
  void put(std::size_t input, RunResult result) {
    const std::int64_t id = run_id_of(result);
    const auto slot = static_cast<std::size_t>(id);
    if (id < 0 || id >= out_.run_count()) {
      throw file_error(inputs_[input], fmt::format("is damaged: it records run {}, and its plan "
                                                   "has runs 0 to {}",
                                                   id, out_.run_count() - 1));
    }
    const std::uint64_t digest = digest_without_timing(result);
    if (source_[slot] >= 0) {
      if (digest_[slot] != digest) {
        const PlannedRun run = out_.planned_run(id);
        throw file_error(
            inputs_[input],
            fmt::format("records run {} (point {}, replicate {}) with other results than {} "
                        "(its seed, status, error, metrics or series differ): the files do not "
                        "hold the same runs of one sweep, so they cannot be merged",
                        id, run.point_id, run.replicate, inputs_[source_[slot]].string()));
      }
      ++duplicates_;
      return;
    }
    try {
      if (const auto* record = std::get_if<RunRecord>(&result)) {
        out_.record(*record);
      } else {
        out_.record_failure(std::get<RunFailure>(result));
      }
    } catch (const std::invalid_argument& e) {
      throw file_error(inputs_[input], fmt::format("is damaged: {}", e.what()));
    }
    digest_[slot] = digest;
    source_[slot] = static_cast<int>(input);
  }

  ResultStore& out_;
  const std::vector<fs::path>& inputs_;
  std::vector<std::uint64_t> digest_;  // per run id, of the copy in the output
  std::vector<int> source_;            // per run id, the input it came from; -1: none yet
  std::int64_t duplicates_ = 0;
};

}  // namespace

std::optional<std::string> plan_difference(const SweepPlan& here, const SweepPlan& there) {
  const auto& a = here.header;
  const auto& b = there.header;
  auto differ = [](std::string what, const auto& x, const auto& y) {
    return fmt::format("{}: {} here, {} there", what, x, y);
  };
  if (a.spec_hash != b.spec_hash) {
    return fmt::format("the spec: {} (hash {}) here, {} (hash {}) there", a.spec_path, a.spec_hash,
                       b.spec_path, b.spec_hash);
  }
  if (a.base_scenario_hash != b.base_scenario_hash) {
    return differ("the base scenario's hash", a.base_scenario_hash, b.base_scenario_hash);
  }
  if (a.design != b.design) return differ("the design", a.design, b.design);
  if (a.seed != b.seed) return differ("the seed", a.seed, b.seed);
  if (a.replicates != b.replicates) return differ("the replicates", a.replicates, b.replicates);
  if (here.parameters.size() != there.parameters.size()) {
    return differ("the number of parameters", here.parameters.size(), there.parameters.size());
  }
  for (std::size_t k = 0; k < here.parameters.size(); ++k) {
    const auto& p = here.parameters[k];
    const auto& q = there.parameters[k];
    if (p.name != q.name || p.kind != q.kind || p.domain != q.domain) {
      return fmt::format("parameter {}: {} {} {} here, {} {} {} there", k + 1, p.name, p.kind,
                         p.domain, q.name, q.kind, q.domain);
    }
  }
  if (here.points.size() != there.points.size()) {
    return differ("the number of points", here.points.size(), there.points.size());
  }
  for (std::size_t i = 0; i < here.points.size(); ++i) {
    const auto& p = here.points[i];
    const auto& q = there.points[i];
    if (p.role != q.role) return differ(fmt::format("point {}'s role", i), p.role, q.role);
    for (std::size_t k = 0; k < p.values.size() && k < q.values.size(); ++k) {
      if (p.values[k].text != q.values[k].text || p.values[k].number != q.values[k].number) {
        return fmt::format("point {}'s value of {}: {} ({}) here, {} ({}) there", i,
                           here.parameters[k].name, p.values[k].text,
                           number_text(p.values[k].number), q.values[k].text,
                           number_text(q.values[k].number));
      }
    }
  }
  auto metric_names = [](const SweepPlan& plan) {
    std::vector<std::string> names;
    for (const auto& m : plan.metrics) names.push_back(m.name + " = " + m.definition);
    return fmt::format("[{}]", fmt::join(names, "; "));
  };
  bool same_metrics = here.metrics.size() == there.metrics.size();
  for (std::size_t m = 0; same_metrics && m < here.metrics.size(); ++m) {
    same_metrics = here.metrics[m].name == there.metrics[m].name &&
                   here.metrics[m].definition == there.metrics[m].definition;
  }
  if (!same_metrics) return differ("the metrics", metric_names(here), metric_names(there));
  if (here.series_columns != there.series_columns) {
    return differ("the series columns", fmt::format("[{}]", fmt::join(here.series_columns, ", ")),
                  fmt::format("[{}]", fmt::join(there.series_columns, ", ")));
  }
  return std::nullopt;
}

MergeOutcome merge_results(const fs::path& out, const std::vector<fs::path>& inputs) {
  if (inputs.empty()) throw std::invalid_argument("merge_results: no input databases");
  if (fs::exists(fs::symlink_status(out))) {
    throw file_error(out,
                     "already exists; insim merge writes a new file: choose another name "
                     "(it was left as it is)");
  }
  // Every plan is checked before anything is written.
  SweepPlan plan = ResultReader(inputs.front()).plan();
  for (std::size_t i = 1; i < inputs.size(); ++i) {
    const SweepPlan other = ResultReader(inputs[i]).plan();
    if (const auto difference = plan_difference(plan, other)) {
      throw file_error(inputs[i], fmt::format("holds another sweep than {}: {} (here: {}, there: "
                                              "{}); only databases of one sweep (its shards, or "
                                              "parts of it) can be merged",
                                              inputs.front().string(), *difference,
                                              inputs.front().string(), inputs[i].string()));
    }
  }

  const fs::path folder = out.parent_path();
  const fs::path temp = folder / fmt::format(".{}.{}.merging", out.filename().string(), ::getpid());
  remove_database_files(temp);
  MergeOutcome outcome;
  try {
    {
      ResultStore store = ResultStore::create(temp, plan);
      Copier copier(store, inputs);
      for (std::size_t i = 0; i < inputs.size(); ++i) copier.copy(i);
      outcome.runs = store.run_count();
      outcome.counts = store.counts();
      outcome.duplicates = copier.duplicates();
    }  // closed: SQLite checkpoints the write-ahead log into the file and removes it
    if (!output::rename_without_replacing(temp, out)) {
      throw file_error(out, "already exists (made while the merge ran); it was left as it is");
    }
  } catch (...) {
    remove_database_files(temp);
    throw;
  }
  output::sync_folder(folder);  // the rename, durable
  return outcome;
}

}  // namespace insim::sweep
