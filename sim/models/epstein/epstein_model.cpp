#include "models/epstein/epstein_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "core/error.hpp"
#include "engine/parallel.hpp"
#include "models/epstein/empty_cells.hpp"
#include "models/epstein/streams.hpp"
#include "rng/counter_rng.hpp"

namespace insim::epstein {

namespace {

constexpr std::size_t kGrievanceBlock = 4096;  // deterministic_sum block, citizens
constexpr std::size_t kCountBlock = 1 << 16;   // cells per block when counting statuses

std::int32_t count_for(double density, std::int32_t cells) {
  return static_cast<std::int32_t>(std::llround(density * static_cast<double>(cells)));
}

// Checks the Def beyond what the scenario Schema checks field by field, so that a Def built in
// code fails as clearly as one read from a file.
void check(const EpsteinDef& d) {
  std::vector<Diagnostic> problems;
  auto fail = [&](std::string key, std::string message) {
    problems.push_back({"", 0, 0, "epstein." + std::move(key), std::move(message)});
  };
  if (d.width < 3 || d.height < 3 || d.width * d.height > std::numeric_limits<std::int32_t>::max())
    fail("width", fmt::format("the torus must be at least 3 x 3 and below 2^31 cells, got {} x {}",
                              d.width, d.height));
  for (auto [key, v] :
       {std::pair{"citizen_vision", d.citizen_vision}, std::pair{"cop_vision", d.cop_vision}}) {
    if (v < 1 || v > 100 || 2 * v + 1 > std::min(d.width, d.height))
      fail(key, fmt::format("vision {} needs 1 <= v <= 100 and 2v + 1 <= min(width, height) = "
                            "{}, so that no cell is seen twice around the torus",
                            v, std::min(d.width, d.height)));
  }
  if (!(d.citizen_density >= 0.0 && d.citizen_density <= 1.0))
    fail("citizen_density", fmt::format("must be in [0, 1], got {}", d.citizen_density));
  for (double v : {d.cop_density.initial, d.cop_density.final_value})
    if (!(v >= 0.0 && v <= 1.0)) fail("cop_density", fmt::format("must be in [0, 1], got {}", v));
  for (double v : {d.legitimacy.initial, d.legitimacy.final_value})
    if (!(v >= 0.0 && v <= 1.0)) fail("legitimacy", fmt::format("must be in [0, 1], got {}", v));
  if (d.max_jail_term < 0 || d.max_jail_term > 1'000'000)
    fail("max_jail_term", fmt::format("must be in [0, 1000000], got {}", d.max_jail_term));
  if (!(d.arrest_constant >= 0.0))
    fail("arrest_constant", fmt::format("must be >= 0, got {}", d.arrest_constant));
  if (!problems.empty()) throw InputError(std::move(problems));
}

// Vision radii are checked before the Vision members are built from them.
const EpsteinDef& checked(const EpsteinDef& d) {
  check(d);
  return d;
}

// The state folded word by word into 64 bits (FNV-style multiply, then a final avalanche).
class StateHasher {
 public:
  void add(std::uint64_t w) {
    h_ ^= w + 0x9e3779b97f4a7c15ull + (h_ << 6) + (h_ >> 2);
    h_ *= 0x100000001b3ull;
  }
  template <class T>
  void add_array(const std::vector<T>& v) {
    add(v.size());
    const auto* bytes = reinterpret_cast<const unsigned char*>(v.data());
    const std::size_t n = v.size() * sizeof(T);
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      std::uint64_t w;
      std::memcpy(&w, bytes + i, 8);
      add(w);
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, bytes + i, n - i);
    add(tail);
  }
  void add_double(double d) {
    std::uint64_t w;
    std::memcpy(&w, &d, 8);
    add(w);
  }
  [[nodiscard]] std::uint64_t value() const {
    std::uint64_t z = h_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ull;
};

}  // namespace

// Geometry and rules only; the public constructors then place the agents.
EpsteinModel::EpsteinModel(const EpsteinDef& def, std::uint64_t seed, Unplaced)
    : def_(checked(def)),
      seed_(seed),
      torus_{static_cast<std::int32_t>(def.width), static_cast<std::int32_t>(def.height)},
      citizen_vision_(def.vision_shape, static_cast<std::int32_t>(def.citizen_vision)),
      cop_vision_(def.vision_shape, static_cast<std::int32_t>(def.cop_vision)),
      citizen_picker_(torus_, citizen_vision_),
      cop_picker_(torus_, cop_vision_),
      arrest_probability_(def.arrest_rule, def.arrest_constant,
                          static_cast<std::int64_t>(citizen_vision_.offsets().size())) {}

EpsteinModel::EpsteinModel(const EpsteinDef& def, std::uint64_t seed)
    : EpsteinModel(def, seed, Unplaced{}) {
  const std::int32_t cops = cops_at(0);
  allocate(count_for(def.citizen_density, torus_.cells()), cops);
  place_randomly(cops);
  finish_setup();
}

EpsteinModel::EpsteinModel(const EpsteinDef& def, std::uint64_t seed, const Layout& layout)
    : EpsteinModel(def, seed, Unplaced{}) {
  allocate(static_cast<std::int32_t>(layout.citizens.size()),
           static_cast<std::int32_t>(layout.cops.size()));
  place_layout(layout);
  finish_setup();
}

std::int32_t EpsteinModel::cops_at(std::int64_t step) const {
  return count_for(def_.cop_density.at(step), torus_.cells());
}

void EpsteinModel::allocate(std::int32_t citizens, std::int32_t cops_at_start) {
  const std::int32_t cells = torus_.cells();
  citizen_count_ = citizens;
  // Schedules move monotonically between `initial` and `final`, so these bound every count.
  cop_capacity_ = std::max({cops_at_start, count_for(def_.cop_density.initial, cells),
                            count_for(def_.cop_density.final_value, cells)});
  if (static_cast<std::int64_t>(citizen_count_) + cop_capacity_ > cells) {
    throw InputError(Diagnostic{
        "", 0, 0, "epstein.cop_density",
        fmt::format("{} citizens and up to {} cops do not fit on {} cells (one agent per cell); "
                    "lower citizen_density or cop_density",
                    citizen_count_, cop_capacity_, cells)});
  }
  const auto n_cells = static_cast<std::size_t>(cells);
  const auto n_citizens = static_cast<std::size_t>(citizen_count_);
  occupant_.assign(n_cells, -1);
  codes_.assign(n_cells, CellCode::empty);
  cell_.assign(n_citizens + static_cast<std::size_t>(cop_capacity_), -1);
  hardship_.assign(n_citizens, 0.0);
  risk_.assign(n_citizens, 0.0);
  cell_hardship_.assign(n_cells, 0.0);
  cell_risk_.assign(n_cells, 0.0);
  jail_term_.assign(n_citizens, 0);
  arrest_cell_.assign(n_citizens, -1);
  arrests_.reserve(static_cast<std::size_t>(cop_capacity_));
  jailed_.reserve(n_citizens);
  jail_scratch_.reserve(n_citizens);
  due_.reserve(n_citizens);
  new_jailed_.reserve(static_cast<std::size_t>(cop_capacity_));
  count_partials_.resize((n_cells + kCountBlock - 1) / kCountBlock);
  grievance_partials_.resize((n_citizens + kGrievanceBlock - 1) / kGrievanceBlock);
  if (def_.activation == Activation::sequential) {
    order_.resize(cell_.size());
  } else {
    arrest_slots_.assign(static_cast<std::size_t>(cop_capacity_), Arrest{-1, -1, -1, -1, 0});
    arrest_key_.assign(static_cast<std::size_t>(cop_capacity_), 0);
    claim_.assign(n_cells, std::numeric_limits<std::uint64_t>::max());
    vision_counts_.emplace(torus_, std::max(citizen_vision_.radius(), cop_vision_.radius()));
  }
}

void EpsteinModel::put(std::int32_t agent, std::int32_t cell, CellCode code) {
  occupant_[idx(cell)] = agent;
  codes_[idx(cell)] = code;
  cell_[idx(agent)] = cell;
  if (!is_cop(agent)) {
    cell_hardship_[idx(cell)] = hardship_[idx(agent)];
    cell_risk_[idx(cell)] = risk_[idx(agent)];
  }
}

void EpsteinModel::relocate(std::int32_t agent, std::int32_t to) {
  const auto from = idx(cell_[idx(agent)]);
  const auto t = idx(to);
  occupant_[t] = agent;
  codes_[t] = codes_[from];
  cell_hardship_[t] = cell_hardship_[from];
  cell_risk_[t] = cell_risk_[from];
  cell_[idx(agent)] = to;
  occupant_[from] = -1;
  codes_[from] = CellCode::empty;
}

void EpsteinModel::place_randomly(std::int32_t cops) {
  // A uniformly random arrangement: shuffle all cells (Fisher-Yates), citizens take the first
  // ones, cops the next (docs/ODD.md 1.5). Within each kind, ids are then given in cell order:
  // the arrangement is the same, but agents near each other get nearby ids, so per-agent arrays
  // are touched locally in the row-by-row loops (measured on the 2-core dev VM, 1000 x 1000,
  // parallel, 1 thread: 75 -> 70 ms per step).
  std::vector<std::int32_t> cells(static_cast<std::size_t>(torus_.cells()));
  for (std::size_t i = 0; i < cells.size(); ++i) cells[i] = static_cast<std::int32_t>(i);
  rng::CounterRng shuffle = draws(seed_, Stream::initial_placement, 0, 0);
  for (std::size_t i = cells.size() - 1; i > 0; --i)
    std::swap(cells[i], cells[shuffle.below(i + 1)]);
  const auto citizens_end = cells.begin() + citizen_count_;
  std::sort(cells.begin(), citizens_end);
  std::sort(citizens_end, citizens_end + cops);
  for (std::int32_t c = 0; c < citizen_count_; ++c) {
    hardship_[idx(c)] = draws(seed_, Stream::initial_hardship, 0, c).uniform();
    risk_[idx(c)] = draws(seed_, Stream::initial_risk, 0, c).uniform();
    put(c, cells[idx(c)], CellCode::quiet);
  }
  for (std::int32_t k = 0; k < cops; ++k)
    put(citizen_count_ + k, cells[idx(citizen_count_ + k)], CellCode::cop);
  cop_count_ = cops;
}

void EpsteinModel::place_layout(const Layout& layout) {
  auto cell_at = [&](std::int32_t x, std::int32_t y, std::size_t i, const char* what) {
    if (x < 0 || x >= torus_.width || y < 0 || y >= torus_.height)
      throw std::invalid_argument(
          fmt::format("layout: {} {} at ({}, {}) is outside the {} x {} torus", what, i, x, y,
                      torus_.width, torus_.height));
    const std::int32_t c = torus_.cell(x, y);
    if (occupant_[idx(c)] >= 0)
      throw std::invalid_argument(
          fmt::format("layout: {} {} at ({}, {}) shares its cell with agent {}", what, i, x, y,
                      occupant_[idx(c)]));
    return c;
  };
  for (std::size_t i = 0; i < layout.citizens.size(); ++i) {
    const CitizenPlacement& p = layout.citizens[i];
    if (!(p.hardship >= 0.0 && p.hardship <= 1.0 && p.risk_aversion >= 0.0 &&
          p.risk_aversion <= 1.0))
      throw std::invalid_argument(
          fmt::format("layout: citizen {} needs hardship and risk aversion in [0, 1]", i));
    hardship_[i] = p.hardship;
    risk_[i] = p.risk_aversion;
    put(static_cast<std::int32_t>(i), cell_at(p.x, p.y, i, "citizen"),
        p.active ? CellCode::active : CellCode::quiet);
  }
  for (std::size_t i = 0; i < layout.cops.size(); ++i)
    put(citizen_count_ + static_cast<std::int32_t>(i),
        cell_at(layout.cops[i].x, layout.cops[i].y, i, "cop"), CellCode::cop);
  cop_count_ = static_cast<std::int32_t>(layout.cops.size());
}

void EpsteinModel::finish_setup() {
  legitimacy_ = def_.legitimacy.at(0);
  // A layout keeps its cops until the schedule's count changes.
  cop_target_ = cops_at(0);
  count_citizens();
  outbursts_.observe(0, counts_.active);
}

std::span<const std::string> EpsteinModel::columns() const {
  static const std::array<std::string, 8> kColumns{
      "step", "legitimacy", "cops", "quiet", "active", "jailed", "arrests", "mean_grievance"};
  return kColumns;
}

void EpsteinModel::observe(std::span<double> row) const {
  const double one_minus_l = 1.0 - legitimacy_;
  const double grievance_sum = deterministic_sum<double>(
      static_cast<std::size_t>(citizen_count_), kGrievanceBlock, grievance_partials_,
      [&](std::size_t i) { return hardship_[i] * one_minus_l; });
  row[0] = static_cast<double>(step_);
  row[1] = legitimacy_;
  row[2] = static_cast<double>(cop_count_);
  row[3] = static_cast<double>(counts_.quiet);
  row[4] = static_cast<double>(counts_.active);
  row[5] = static_cast<double>(counts_.jailed);
  row[6] = static_cast<double>(arrests_.size());
  row[7] = citizen_count_ > 0 ? grievance_sum / static_cast<double>(citizen_count_) : 0.0;
}

void EpsteinModel::step() {
  ++step_;
  arrests_.clear();
  if (def_.activation == Activation::sequential)
    step_sequential();
  else
    step_parallel();
  serve_jail_terms();
  apply_schedules();
  count_citizens();
  total_arrests_ += static_cast<std::int64_t>(arrests_.size());
  outbursts_.observe(step_, counts_.active);
}

Arrest EpsteinModel::jail(std::int32_t cop, std::int32_t cop_cell, std::int32_t citizen_cell) {
  const std::int32_t citizen = occupant_[idx(citizen_cell)];
  const auto j = static_cast<std::uint64_t>(def_.max_jail_term);
  rng::CounterRng draw = draws(seed_, Stream::jail_term, step_, citizen);
  // exclusive: U{0..J-1} (NetLogo's `random J`, which gives 0 for J = 0); inclusive: U{0..J}.
  const std::uint64_t term =
      def_.jail_draw == JailDraw::exclusive ? (j == 0 ? 0 : draw.below(j)) : draw.below(j + 1);
  const std::size_t i = idx(citizen);
  jail_term_[i] = static_cast<std::int32_t>(term);
  arrest_cell_[i] = citizen_cell;
  cell_[i] = -1;
  occupant_[idx(citizen_cell)] = -1;
  codes_[idx(citizen_cell)] = CellCode::empty;
  return {cop, citizen, cop_cell, citizen_cell, static_cast<std::int32_t>(term)};
}

// Serial, in citizen-id order (docs/determinism.md 5): terms fall by one at the end of every
// step, the arrest step included (NetLogo's `go`), so a term of j keeps the citizen off the grid
// for j - 1 step ends; a term of 0 or 1 returns it at the end of its arrest step. Only the jailed
// are visited: jailed_ lists them in id order, with this step's arrests merged in.
void EpsteinModel::serve_jail_terms() {
  new_jailed_.clear();
  for (const Arrest& a : arrests_) new_jailed_.push_back(a.citizen);
  std::sort(new_jailed_.begin(), new_jailed_.end());
  jail_scratch_.resize(jailed_.size() + new_jailed_.size());
  std::merge(jailed_.begin(), jailed_.end(), new_jailed_.begin(), new_jailed_.end(),
             jail_scratch_.begin());
  jailed_.swap(jail_scratch_);

  // Terms fall; those reaching 0 are due, and are released in id order.
  due_.clear();
  std::size_t kept = 0;
  for (const std::int32_t c : jailed_) {
    std::int32_t& term = jail_term_[idx(c)];
    if (term > 0) --term;
    if (term > 0)
      jailed_[kept++] = c;
    else
      due_.push_back(c);
  }
  jailed_.resize(kept);
  // Their arrest cells are scattered over the grid: fetch a few releases ahead.
  constexpr std::size_t kAhead = 32;
  std::size_t waiting = 0;  // due but no room: stay jailed, term 0
  for (std::size_t k = 0; k < due_.size(); ++k) {
    if (k + kAhead < due_.size()) {
      const auto ahead = idx(due_[k + kAhead]);
      const auto home = idx(arrest_cell_[ahead]);
      __builtin_prefetch(&codes_[home], 1);
      __builtin_prefetch(&occupant_[home], 1);
      __builtin_prefetch(&cell_hardship_[home], 1);
      __builtin_prefetch(&cell_risk_[home], 1);
      __builtin_prefetch(&hardship_[ahead]);
      __builtin_prefetch(&risk_[ahead]);
      __builtin_prefetch(&cell_[ahead], 1);
    }
    if (!release(due_[k])) due_[waiting++] = due_[k];
  }
  if (waiting > 0) {
    jail_scratch_.resize(jailed_.size() + waiting);
    std::merge(jailed_.begin(), jailed_.end(), due_.begin(), due_.begin() + waiting,
               jail_scratch_.begin());
    jailed_.swap(jail_scratch_);
  }
}

void EpsteinModel::count_citizens() {
  // quiet in the low 32 bits, active in the high 32 bits (a table, not branches: statuses are
  // random along the grid); integer sums are exact in any order.
  static constexpr std::uint64_t kWeight[4] = {0, 1, std::uint64_t{1} << 32, 0};
  const std::uint64_t packed = deterministic_sum<std::uint64_t>(
      codes_.size(), kCountBlock, count_partials_,
      [&](std::size_t c) { return kWeight[static_cast<std::uint8_t>(codes_[c])]; });
  counts_.quiet = static_cast<std::int64_t>(packed & 0xffffffffu);
  counts_.active = static_cast<std::int64_t>(packed >> 32);
  counts_.jailed = static_cast<std::int64_t>(jailed_.size());
}

bool EpsteinModel::release(std::int32_t citizen) {
  const std::int32_t home = arrest_cell_[idx(citizen)];
  std::int32_t target = home;
  if (codes_[idx(home)] != CellCode::empty) {
    rng::CounterRng rng = draws(seed_, Stream::release, step_, citizen);
    target = citizen_picker_.pick(codes_, torus_.x_of(home), torus_.y_of(home), rng);
    if (target < 0) return false;  // no room within vision: try again next step
  }
  put(citizen, target, CellCode::quiet);
  return true;
}

// The state at step t carries L(t) and the cop count of t; step t + 1 acts on it.
void EpsteinModel::apply_schedules() {
  legitimacy_ = def_.legitimacy.at(step_);
  const std::int32_t target = cops_at(step_);
  if (target != cop_target_) {
    cop_target_ = target;
    set_cop_count(std::min(target, cop_capacity_));
  }
}

void EpsteinModel::set_cop_count(std::int32_t target) {
  while (cop_count_ > target) {  // the highest ids leave
    const std::int32_t cop = citizen_count_ + cop_count_ - 1;
    const std::int32_t cell = cell_[idx(cop)];
    occupant_[idx(cell)] = -1;
    codes_[idx(cell)] = CellCode::empty;
    cell_[idx(cop)] = -1;
    --cop_count_;
  }
  while (cop_count_ < target) {  // new ids on uniformly random empty cells
    const std::int32_t cop = citizen_count_ + cop_count_;
    rng::CounterRng rng = draws(seed_, Stream::cop_placement, step_, cop);
    const std::int32_t cell = random_empty_cell(torus_, codes_, rng);
    if (cell < 0) break;  // full grid; the capacity check makes this unreachable
    put(cop, cell, CellCode::cop);
    ++cop_count_;
  }
}

std::vector<std::pair<std::string, double>> EpsteinModel::summary() const {
  return {
      {"peak_active", static_cast<double>(outbursts_.peak_active())},
      {"peak_active_step", static_cast<double>(outbursts_.peak_step())},
      {"outbursts", static_cast<double>(outbursts_.outbursts())},
      {"mean_waiting_time", outbursts_.mean_waiting_time()},
      {"total_arrests", static_cast<double>(total_arrests_)},
  };
}

std::uint64_t EpsteinModel::state_hash() const {
  StateHasher h;
  h.add(static_cast<std::uint64_t>(step_));
  h.add(static_cast<std::uint64_t>(cop_count_));
  h.add_double(legitimacy_);
  h.add_array(occupant_);
  h.add_array(codes_);
  h.add_array(cell_);
  h.add_array(hardship_);
  h.add_array(risk_);
  h.add_array(jail_term_);
  h.add_array(arrest_cell_);
  for (const Arrest& a : arrests_) {
    h.add(static_cast<std::uint64_t>(static_cast<std::uint32_t>(a.cop)) << 32 |
          static_cast<std::uint32_t>(a.citizen));
    h.add(static_cast<std::uint64_t>(static_cast<std::uint32_t>(a.jail_term)));
  }
  return h.value();
}

}  // namespace insim::epstein
