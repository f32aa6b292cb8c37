#pragma once
// A whole Sahel scenario: the world, its history, its forces and its rules, under `sahel:`.
// scenarios/sahel/baseline.yaml extends world.yaml, timeline.yaml and dynamics.yaml.
#include "models/sahel/dynamics_def.hpp"
#include "models/sahel/sahel_world_def.hpp"
#include "models/sahel/timeline_def.hpp"

namespace insim::sahel {

struct SahelDef {
  SahelWorldDef world;
  TimelineDef timeline;
  ForcesDef forces;
  DynamicsDef dynamics;
};

// Declares sahel.world, sahel.timeline, sahel.forces and the rules (dynamics_def.hpp) under the
// current section (the caller opens "sahel"), then checks that every region, community, actor
// and event the rules name exists.
void describe(scenario::Schema& schema, SahelDef& def);

}  // namespace insim::sahel
