#!/usr/bin/env bash
# Measures the Epstein model's agent-steps per second for 40x40, 200x200 and 1000x1000 grids,
# threads 1..nproc, both activations, and writes bench/results/<machine>/epstein_throughput.csv.
# <machine> names the CPU model and core count, so results from different machines never mix.
# Extra arguments go to insim_bench (e.g. --sizes 1000 --activations parallel).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build >/dev/null
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | tr -s ' ' | sed 's/^ //')
machine=$(echo "${cpu:-unknown-cpu}-$(nproc)cores" | tr 'A-Z' 'a-z' | sed 's/([^)]*)//g; s/[^a-z0-9]\+/-/g; s/^-//; s/-$//')
dir="bench/results/$machine"
mkdir -p "$dir"
./build/bench/insim_bench --csv "$dir/epstein_throughput.csv" "$@"
echo "wrote $dir/epstein_throughput.csv" >&2
