#!/usr/bin/env bash
# Runs the benchmarks and writes their CSVs under bench/results/<machine>/, where <machine> names
# the CPU model and core count, so results from different machines never mix:
#   epstein_throughput.csv     Epstein model, agent-steps/s (insim_bench)
#   sahel_baseline.csv         Sahel baseline 2012-2030 end to end, wall time (sahel_baseline)
#   sahel_civilian_update.csv  Sahel phase 5 at one agent per person (sahel_civilian_update)
#   compare_aggregation.csv    insim compare summing up its runs' rows (compare_aggregation)
#
#   bench/run.sh                               all four
#   bench/run.sh NAME [ARGS...]                one (epstein, sahel_baseline, sahel_civilian_update,
#                                              compare_aggregation),
#                                              ARGS going to its program
#   bench/run.sh --sizes 1000 ...              the Epstein benchmark with these arguments
# INSIM_BUILD_DIR picks the build folder (default: build).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${INSIM_BUILD_DIR:-build}
if [ -f "$build/build.ninja" ]; then
  cmake --build "$build" --target insim_bench sahel_baseline sahel_civilian_update \
    compare_aggregation >/dev/null
else
  scripts/setup.sh "$build" >/dev/null  # installs what is missing, configures, builds everything
fi
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | tr -s ' ' | sed 's/^ //')
machine=$(echo "${cpu:-unknown-cpu}-$(nproc)cores" | tr 'A-Z' 'a-z' | sed 's/([^)]*)//g; s/[^a-z0-9]\+/-/g; s/^-//; s/-$//')
dir="bench/results/$machine"
mkdir -p "$dir"

run_one() {
  local name=$1
  shift
  case "$name" in
    epstein) "./$build/bench/insim_bench" --csv "$dir/epstein_throughput.csv" "$@"
             echo "wrote $dir/epstein_throughput.csv" >&2 ;;
    sahel_baseline | sahel_civilian_update | compare_aggregation)
             "./$build/bench/$name" --benchmark_color=false --csv "$dir/$name.csv" "$@" ;;
    *) echo "bench/run.sh: unknown benchmark '$name' (epstein, sahel_baseline," \
            "sahel_civilian_update, compare_aggregation)" >&2
       exit 2 ;;
  esac
}

if (($# == 0)); then
  for name in epstein sahel_baseline sahel_civilian_update compare_aggregation; do run_one "$name"; done
elif [[ $1 == --* ]]; then
  run_one epstein "$@"
else
  run_one "$@"
fi
