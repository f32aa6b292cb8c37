#include "models/sahel/rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

namespace insim::sahel {

namespace {

template <class Names>
std::size_t index_of(const Names& names, std::string_view name, std::string_view what) {
  const auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end())
    throw std::invalid_argument(fmt::format("unknown {} '{}' in the Sahel rules", what, name));
  return static_cast<std::size_t>(it - names.begin());
}

}  // namespace

Rules make_rules(const DynamicsDef& def, const World& world) {
  Rules r;
  r.def = &def;
  const std::size_t R = world.regions.size();
  const std::size_t C = world.community_names.size();
  r.operates.assign(kModelActors * R, 0);
  r.profiled.assign(kModelActors * C, 0);
  r.affinity.assign(kModelActors * C, 0.0F);
  for (std::size_t a = 0; a < kModelActors; ++a) {
    const ActorDef& actor = def.actors[a];
    r.side[a] = actor.side;
    if (actor.regions.empty()) {
      std::fill_n(r.operates.begin() + static_cast<std::ptrdiff_t>(a * R), R, 1);
    }
    for (const auto& name : actor.regions)
      r.operates[a * R + index_of(world.regions.name, name, "region")] = 1;
    for (const auto& name : actor.profiled)
      r.profiled[a * C + index_of(world.community_names, name, "community")] = 1;
    for (const auto& aff : actor.affinity)
      if (aff.regions.empty())
        r.affinity[a * C + index_of(world.community_names, aff.community, "community")] =
            static_cast<float>(aff.value);
    for (const auto& name : actor.enemies) {
      const std::size_t b = index_of(kModelActorNames, name, "actor");
      r.enemies[a][b] = r.enemies[b][a] = true;
    }
  }
  r.local_affinity.assign(kModelActors * R * C, 0.0F);
  for (std::size_t a = 0; a < kModelActors; ++a) {
    for (std::size_t q = 0; q < R; ++q)
      std::copy_n(r.affinity.begin() + static_cast<std::ptrdiff_t>(a * C), C,
                  r.local_affinity.begin() + static_cast<std::ptrdiff_t>((a * R + q) * C));
    for (const auto& aff : def.actors[a].affinity)
      for (const auto& region : aff.regions)
        r.local_affinity[(a * R + index_of(world.regions.name, region, "region")) * C +
                         index_of(world.community_names, aff.community, "community")] =
            static_cast<float>(aff.value);
  }
  r.base_legitimacy.assign(C, 0.0F);  // every community is listed (sahel_def.cpp)
  for (const auto& l : def.civilians.state_legitimacy)
    r.base_legitimacy[index_of(world.community_names, l.community, "community")] =
        static_cast<float>(l.value);
  r.trafficking.assign(R, 0);
  for (const auto& name : def.politics.trafficking_regions)
    r.trafficking[index_of(world.regions.name, name, "region")] = 1;
  return r;
}

}  // namespace insim::sahel
