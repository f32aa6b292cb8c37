#pragma once
// Epstein (2002) civil violence Model I on a torus of cells holding at most one agent each:
// citizens (quiet, active or jailed off the grid) and cops. Sequential or parallel (synchronous)
// activation; docs/ODD.md part 1 states the rules exactly. Choices where the sources differ:
// `movement` moves cops as well as citizens (Mesa; NetLogo's cops move even with it off); a cop
// stays on its cell when it arrests (Mesa; NetLogo moves it onto the jailed agent's patch, which
// the one-agent-per-cell rule forbids here).
//
// Agent ids: citizens are [0, citizen_count()); cops follow, [citizen_count(),
// citizen_count() + cop_capacity()), of which the first cop_count() are present.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/simulation.hpp"
#include "models/epstein/cell_code.hpp"
#include "models/epstein/decision.hpp"
#include "models/epstein/empty_cells.hpp"
#include "models/epstein/epstein_def.hpp"
#include "models/epstein/outbursts.hpp"
#include "models/epstein/torus.hpp"
#include "models/epstein/vision.hpp"
#include "models/epstein/vision_counts.hpp"

namespace insim::epstein {

// An explicit starting state instead of the random one (tests, worked examples). Citizens get
// ids in list order, then cops. Cells must be distinct; H and R in [0, 1].
struct CitizenPlacement {
  std::int32_t x = 0;
  std::int32_t y = 0;
  double hardship = 0.0;       // H
  double risk_aversion = 0.0;  // R
  bool active = false;
};
struct CopPlacement {
  std::int32_t x = 0;
  std::int32_t y = 0;
};
struct Layout {
  std::vector<CitizenPlacement> citizens;
  std::vector<CopPlacement> cops;
};

struct Arrest {
  std::int32_t cop;           // agent id
  std::int32_t citizen;       // agent id
  std::int32_t cop_cell;      // where the cop stood
  std::int32_t citizen_cell;  // where the citizen stood: its arrest cell
  std::int32_t jail_term;     // the term drawn, steps
};

struct CitizenCounts {
  std::int64_t quiet = 0;
  std::int64_t active = 0;
  std::int64_t jailed = 0;  // off the grid: serving a term, or released but waiting for a cell
};

class EpsteinModel final : public Simulation {
 public:
  // Random start: citizens and cops on shuffled cells, H and R ~ U[0, 1), everyone quiet.
  EpsteinModel(const EpsteinDef& def, std::uint64_t seed);
  EpsteinModel(const EpsteinDef& def, std::uint64_t seed, const Layout& layout);

  [[nodiscard]] std::span<const std::string> columns() const override;
  void observe(std::span<double> row) const override;
  void step() override;
  [[nodiscard]] std::int64_t current_step() const override { return step_; }
  [[nodiscard]] std::int64_t agent_count() const override { return citizen_count_ + cop_count_; }
  [[nodiscard]] std::vector<std::pair<std::string, double>> summary() const override;
  [[nodiscard]] std::uint64_t state_hash() const override;

  [[nodiscard]] const EpsteinDef& def() const { return def_; }
  [[nodiscard]] const Torus& torus() const { return torus_; }
  [[nodiscard]] const Vision& citizen_vision() const { return citizen_vision_; }
  [[nodiscard]] const Vision& cop_vision() const { return cop_vision_; }
  [[nodiscard]] std::int32_t citizen_count() const { return citizen_count_; }
  [[nodiscard]] std::int32_t cop_count() const { return cop_count_; }
  [[nodiscard]] std::int32_t cop_capacity() const { return cop_capacity_; }
  [[nodiscard]] bool is_cop(std::int32_t agent) const { return agent >= citizen_count_; }

  // Per cell: the occupant's agent id, or -1; and what the cell holds.
  [[nodiscard]] std::span<const std::int32_t> occupants() const { return occupant_; }
  [[nodiscard]] std::span<const CellCode> cell_codes() const { return codes_; }
  // The agent's cell, or -1 when it is off the grid (a jailed citizen, a cop not present).
  [[nodiscard]] std::int32_t cell_of(std::int32_t agent) const { return cell_[idx(agent)]; }

  [[nodiscard]] bool is_active(std::int32_t citizen) const {
    const std::int32_t c = cell_[idx(citizen)];
    return c >= 0 && codes_[idx(c)] == CellCode::active;
  }
  [[nodiscard]] bool is_jailed(std::int32_t citizen) const { return cell_[idx(citizen)] < 0; }
  // Steps left to serve; 0 when free, or when released but still waiting for an empty cell.
  [[nodiscard]] std::int32_t jail_term(std::int32_t citizen) const {
    return jail_term_[idx(citizen)];
  }
  // The cell where the citizen was last arrested, or -1 if never.
  [[nodiscard]] std::int32_t arrest_cell(std::int32_t citizen) const {
    return arrest_cell_[idx(citizen)];
  }
  [[nodiscard]] double hardship(std::int32_t citizen) const { return hardship_[idx(citizen)]; }
  [[nodiscard]] double risk_aversion(std::int32_t citizen) const { return risk_[idx(citizen)]; }
  // L at the current step: the value the next step's decisions use.
  [[nodiscard]] double legitimacy() const { return legitimacy_; }
  // The arrests of the latest step, in the order they were made (parallel: cop-id order).
  [[nodiscard]] std::span<const Arrest> last_arrests() const { return arrests_; }
  [[nodiscard]] const CitizenCounts& counts() const { return counts_; }

 private:
  struct Unplaced {};
  EpsteinModel(const EpsteinDef& def, std::uint64_t seed, Unplaced);
  static std::size_t idx(std::int32_t i) { return static_cast<std::size_t>(i); }
  [[nodiscard]] const EmptyCellPicker& picker_of(std::int32_t agent) const {
    return is_cop(agent) ? cop_picker_ : citizen_picker_;
  }
  [[nodiscard]] std::int32_t cops_at(std::int64_t step) const;

  void allocate(std::int32_t citizens, std::int32_t cops_at_start);
  void place_randomly(std::int32_t cops);
  void place_layout(const Layout& layout);
  void put(std::int32_t agent, std::int32_t cell, CellCode code);
  void relocate(std::int32_t agent, std::int32_t to);
  void finish_setup();

  // Activation schemes (sequential_activation.cpp, parallel_activation.cpp).
  void step_sequential();
  void move_one(std::int32_t agent);
  void arrest_one(std::int32_t cop);
  void step_parallel();
  void move_all();
  void decide_all();
  void arrest_all();

  // Shared rules.
  // The citizen on `cell` decides; count() gives what it sees, its own cell included. The count
  // is skipped where it cannot matter, since 0 <= N = R P <= R: with G <= T the citizen is quiet
  // whatever it sees, and with G - R > T active. Both shortcuts are exact in floating point
  // (rounding is monotone), and at L = 0.82 they settle more than half the citizens.
  template <class Count>
  void decide(std::int32_t cell, Count&& count) {
    const std::size_t c = idx(cell);
    const double grievance = cell_hardship_[c] * (1.0 - legitimacy_);
    const double risk = cell_risk_[c];
    bool now_active = false;
    if (grievance <= def_.threshold) {
      now_active = false;
    } else if (grievance - risk > def_.threshold) {
      now_active = true;
    } else {
      const SeenCounts seen = count();
      const bool was_active = codes_[c] == CellCode::active;
      const std::int64_t others = seen.actives - (was_active ? 1 : 0);
      const double p =
          arrest_probability_(seen.cops, actives_seen(def_.self_count, others, was_active));
      now_active = decides_active(grievance, risk, p, def_.threshold);
    }
    codes_[c] = now_active ? CellCode::active : CellCode::quiet;
  }
  // Takes the citizen on `citizen_cell` off the grid with a drawn term; touches only that
  // citizen and cell, so distinct arrests may run in parallel.
  Arrest jail(std::int32_t cop, std::int32_t cop_cell, std::int32_t citizen_cell);
  void serve_jail_terms();
  void count_citizens();
  bool release(std::int32_t citizen);
  void apply_schedules();
  void set_cop_count(std::int32_t target);

  EpsteinDef def_;
  std::uint64_t seed_;
  Torus torus_;
  Vision citizen_vision_;
  Vision cop_vision_;
  EmptyCellPicker citizen_picker_;
  EmptyCellPicker cop_picker_;
  ArrestProbability arrest_probability_;

  std::int32_t citizen_count_ = 0;
  std::int32_t cop_capacity_ = 0;
  std::int32_t cop_count_ = 0;
  std::int32_t cop_target_ = 0;  // round(cop density x cells) at the current step
  std::int64_t step_ = 0;
  double legitimacy_ = 0.0;

  // Cells. A citizen's status lives in codes_ (jailed citizens are quiet), and its H and R are
  // copied to the cell it stands on: the hot loops then read cells in order instead of chasing
  // agent ids across memory (measured on the 2-core dev VM, 1000 x 1000, parallel, 1 thread:
  // 180 -> 137 ms per step; decide() fell from 55% to 6% of the profile).
  std::vector<std::int32_t> occupant_;
  std::vector<CellCode> codes_;
  std::vector<double> cell_hardship_;
  std::vector<double> cell_risk_;
  // Agents (citizens, then cops).
  std::vector<std::int32_t> cell_;
  // Citizens.
  std::vector<double> hardship_;  // H
  std::vector<double> risk_;      // R
  std::vector<std::int32_t> jail_term_;
  std::vector<std::int32_t> arrest_cell_;

  // Per-step scratch, sized once.
  std::vector<Arrest> arrests_;
  std::vector<std::int32_t> order_;            // sequential: the activation order
  std::vector<Arrest> arrest_slots_;           // parallel, per cop (id - citizen_count)
  std::vector<std::uint64_t> arrest_key_;      // parallel, per cop
  std::vector<std::uint64_t> claim_;           // parallel, per claimed cell: lowest key so far
  std::optional<VisionCounts> vision_counts_;  // parallel only
  std::vector<std::int32_t> jailed_;           // citizens off the grid, ascending ids
  std::vector<std::int32_t> jail_scratch_;     // merge buffer for jailed_
  std::vector<std::int32_t> new_jailed_;       // this step's arrests, sorted
  std::vector<std::int32_t> due_;              // jailed whose term ran out this step, ascending
  std::vector<std::uint64_t> count_partials_;
  mutable std::vector<double> grievance_partials_;

  CitizenCounts counts_;
  OutburstTracker outbursts_;
  std::int64_t total_arrests_ = 0;
};

}  // namespace insim::epstein
