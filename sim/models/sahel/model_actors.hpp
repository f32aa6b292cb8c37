#pragma once
// The armed actors the Sahel model simulates, one SoA row each (decision 0001, Decision 3), and
// how the timeline's actors map onto them: the jihadist groups that merged into JNIM in 2017
// (F12) act as JNIM's row from the start, Katiba Macina is a unit of JNIM, the National Guard
// part of the state forces, the Platform coalition is GATIA. States and organisations that act
// through events only (government, ECOWAS, ...) have no row.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "models/sahel/timeline_def.hpp"

namespace insim::sahel {

enum class ModelActor : std::uint8_t {
  jnim,
  is_sahel,
  mnla_cma,
  dan_na_ambassagou,
  donzo,
  gatia,
  fama,
  france,
  takuba,
  minusma,
  afisma,
  wagner,
  aes_joint_force,
};
inline constexpr std::size_t kModelActors = 13;
inline constexpr std::array<std::string_view, kModelActors> kModelActorNames{
    "jnim",   "is_sahel", "mnla_cma", "dan_na_ambassagou", "donzo",  "gatia",          "fama",
    "france", "takuba",   "minusma",  "afisma",            "wagner", "aes_joint_force"};

// Which camp an actor fights in; decides UCDP's type of a death (state-based when one side is
// the state or a force fighting for it) and whom abuse pushes civilians towards.
enum class Side : std::uint8_t { jihadist, separatist, militia, state, foreign };
inline constexpr std::array<std::string_view, 5> kSideNames{"jihadist", "separatist", "militia",
                                                            "state", "foreign"};

[[nodiscard]] constexpr std::size_t index(ModelActor a) { return static_cast<std::size_t>(a); }

// Whether the actor is a government force in UCDP's sense (the state or a foreign force
// fighting on its side): deaths between it and a non-state actor are state-based.
[[nodiscard]] constexpr bool is_government_side(Side s) {
  return s == Side::state || s == Side::foreign;
}

// The model row that acts for a timeline actor, or nullopt for actors without a row.
[[nodiscard]] constexpr std::optional<ModelActor> model_actor(Actor a) {
  switch (a) {
    case Actor::jnim:
    case Actor::katiba_macina:
    case Actor::aqim:
    case Actor::ansar_dine:
    case Actor::mujao:
    case Actor::al_mourabitoun: return ModelActor::jnim;
    case Actor::is_sahel: return ModelActor::is_sahel;
    case Actor::mnla_cma: return ModelActor::mnla_cma;
    case Actor::dan_na_ambassagou: return ModelActor::dan_na_ambassagou;
    case Actor::donzo: return ModelActor::donzo;
    case Actor::gatia:
    case Actor::platform: return ModelActor::gatia;
    case Actor::fama:
    case Actor::national_guard: return ModelActor::fama;
    case Actor::france: return ModelActor::france;
    case Actor::takuba: return ModelActor::takuba;
    case Actor::minusma: return ModelActor::minusma;
    case Actor::afisma: return ModelActor::afisma;
    case Actor::wagner: return ModelActor::wagner;
    case Actor::aes_joint_force: return ModelActor::aes_joint_force;
    default: return std::nullopt;
  }
}

// The timeline actor whose name the row carries (jnim for JNIM's row, fama for the army's).
[[nodiscard]] constexpr Actor timeline_actor(ModelActor m) {
  constexpr std::array<Actor, kModelActors> own{
      Actor::jnim,  Actor::is_sahel, Actor::mnla_cma, Actor::dan_na_ambassagou, Actor::donzo,
      Actor::gatia, Actor::fama,     Actor::france,   Actor::takuba,            Actor::minusma,
      Actor::afisma, Actor::wagner,  Actor::aes_joint_force};
  return own[index(m)];
}

}  // namespace insim::sahel
