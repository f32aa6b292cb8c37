#pragma once
// The Sahel model's week driven phase by phase, in SahelModel::step's order, so that a
// benchmark can time phase 5 (decide_civilians) alone on a state deep in the conflict.
// SahelModel keeps its State private; this holds the same parts (world, rules, schedule,
// state) and matches_model() checks, at a coarse scale, that it still steps like SahelModel.
#include <cstdint>
#include <memory>

#include "models/sahel/processes/processes.hpp"
#include "models/sahel/sahel_def.hpp"

namespace insim::sahel {

class PhasedSahel {
 public:
  PhasedSahel(const SahelDef& def, std::uint64_t seed);
  PhasedSahel(const PhasedSahel&) = delete;  // rules_ point into def_
  PhasedSahel& operator=(const PhasedSahel&) = delete;

  void phases_before_civilians();  // 0-4
  void civilians();                // 5
  void phases_after_civilians();   // 6, then the next week begins
  void step() {
    phases_before_civilians();
    civilians();
    phases_after_civilians();
  }

  [[nodiscard]] const State& state() const { return state_; }

 private:
  [[nodiscard]] Inputs inputs() const { return {rules_, schedule_, seed_}; }

  std::unique_ptr<const SahelDef> def_;
  std::uint64_t seed_;
  Rules rules_;
  Schedule schedule_;
  State state_;
};

// Whether `steps` weeks of PhasedSahel give SahelModel's state (every field its state_hash
// covers) for this def and seed. Cheap at a coarse scale; benchmarks check it before timing.
[[nodiscard]] bool matches_model(const SahelDef& def, std::uint64_t seed, std::int64_t steps);

}  // namespace insim::sahel
