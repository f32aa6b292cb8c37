// Sequential activation (the paper, NetLogo, Mesa). Reads and writes the whole state: each step
// visits every agent once in a fresh uniformly random order, and each acts on the current state.
#include <utility>

#include "models/epstein/empty_cells.hpp"
#include "models/epstein/epstein_model.hpp"
#include "models/epstein/streams.hpp"
#include "rng/counter_rng.hpp"

namespace insim::epstein {

void EpsteinModel::step_sequential() {
  const std::int32_t n = citizen_count_ + cop_count_;
  for (std::int32_t i = 0; i < n; ++i) order_[idx(i)] = i;
  rng::CounterRng shuffle = draws(seed_, Stream::activation_order, step_, 0);
  for (std::int32_t i = n - 1; i > 0; --i)
    std::swap(order_[idx(i)], order_[shuffle.below(static_cast<std::uint64_t>(i) + 1)]);

  const bool move_first = def_.step_order == StepOrder::move_then_act;
  for (std::int32_t k = 0; k < n; ++k) {
    const std::int32_t agent = order_[idx(k)];
    if (cell_[idx(agent)] < 0) continue;  // jailed: its term is served at the end of the step
    if (move_first) move_one(agent);
    if (is_cop(agent))
      arrest_one(agent);
    else
      decide(cell_[idx(agent)],
             [&] { return count_directly(torus_, citizen_vision_, codes_, cell_[idx(agent)]); });
    if (!move_first) move_one(agent);
  }
}

void EpsteinModel::move_one(std::int32_t agent) {
  if (!def_.movement) return;
  rng::CounterRng rng = draws(seed_, Stream::move, step_, agent);
  const std::int32_t here = cell_[idx(agent)];
  const std::int32_t target =
      picker_of(agent).pick(codes_, torus_.x_of(here), torus_.y_of(here), rng);
  if (target >= 0) relocate(agent, target);
}

void EpsteinModel::arrest_one(std::int32_t cop) {
  const std::int32_t here = cell_[idx(cop)];
  const std::int32_t actives = count_directly(torus_, cop_vision_, codes_, here).actives;
  if (actives == 0) return;
  rng::CounterRng rng = draws(seed_, Stream::arrest, step_, cop);
  const auto r = static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(actives)));
  arrests_.push_back(jail(cop, here, nth_active_directly(torus_, cop_vision_, codes_, here, r)));
}

}  // namespace insim::epstein
