#!/usr/bin/env bash
# The README's test command: install what is missing, build, run every test (ctest).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
ctest --test-dir build --output-on-failure -j "$(nproc)" --timeout 900 "$@"
