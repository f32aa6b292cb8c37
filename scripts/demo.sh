#!/usr/bin/env bash
# The README's main command: install what is missing, build, then compare the Sahel baseline with
# two what-ifs — France staying after 2022, and a purge cascade in the army in 2025 — over 20
# paired runs each (about 1.5 minutes on 2 cores), and say where the report is
# (docs/compare.md). Extra arguments go to `insim compare` (e.g. --threads 1).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
./build/apps/insim/insim compare scenarios/sahel/baseline.yaml \
  scenarios/sahel/counterfactuals/france_stays.yaml \
  scenarios/sahel/counterfactuals/purge_cascade.yaml \
  --runs 20 --validation-runs 10 --from 2022-01 --to 2030-12 --out out/demo "$@"
echo "Open out/demo/report.html in a browser (it works offline); the figures are in out/demo/figures/."
