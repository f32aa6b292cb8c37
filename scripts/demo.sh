#!/usr/bin/env bash
# The README's main command: install what is missing, build, run the demo and say where the
# outputs are. For now the demo is the Epstein model's classic scenario (NetLogo defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
./build/apps/insim/insim run scenarios/epstein/netlogo_defaults.yaml --out out/demo "$@"
