#!/usr/bin/env bash
# How busy `insim sweep` keeps the cores, and whether its memory stays flat, over a long sweep
# (issue 5, acceptance 5). Runs SPEC (default: bench/sweeps/baseline_1000.yaml, 1,000 baseline
# runs) with --threads N (default: all cores), samples the process every INTERVAL seconds from
# /proc, and writes bench/results/<machine>/sweep_usage.csv (elapsed_s, cpu_s, rss_kib, runs
# recorded) and a summary line: utilisation = CPU seconds / (wall seconds x threads), over the
# whole sweep and between its first and last 2% of runs (start-up and the last runs' tail,
# when fewer runs than threads are left, excluded).
#   bench/sweep_usage.sh [SPEC] [THREADS] [INTERVAL]
# INSIM_BUILD_DIR picks the build folder (default: build). Run it on an otherwise idle machine:
# other jobs take CPU from the sweep and lower the figure.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${INSIM_BUILD_DIR:-build}
spec=${1:-bench/sweeps/baseline_1000.yaml}
threads=${2:-$(nproc)}
interval=${3:-5}
insim="./$build/apps/insim/insim"
[ -x "$insim" ] || { echo "bench/sweep_usage.sh: build $insim first (scripts/setup.sh)" >&2; exit 2; }
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | tr -s ' ' | sed 's/^ //')
machine=$(echo "${cpu:-unknown-cpu}-$(nproc)cores" | tr 'A-Z' 'a-z' | sed 's/([^)]*)//g; s/[^a-z0-9]\+/-/g; s/^-//; s/-$//')
dir="bench/results/$machine"
mkdir -p "$dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/sweep.sqlite"
tick=$(getconf CLK_TCK)
"$insim" sweep "$spec" --out "$db" --threads "$threads" >"$work/log" 2>&1 &
pid=$!
start=$(date +%s.%N)
csv="$dir/sweep_usage.csv"
echo "elapsed_s,cpu_s,rss_kib,runs_recorded" >"$csv.tmp"
runs_in() {  # runs with a row so far (the database is in WAL mode: readers never block it)
  sqlite3 -readonly "$db" "SELECT count(*) FROM runs WHERE status IN ('done','failed')" 2>/dev/null || echo 0
}
while kill -0 "$pid" 2>/dev/null; do
  if read -r -a stat <"/proc/$pid/stat" 2>/dev/null; then
    # fields 14 and 15 (utime, stime) counted after the command name, which has no spaces here
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    awk -v now="$(date +%s.%N)" -v start="$start" -v ticks=$((stat[13] + stat[14])) -v tick="$tick" \
        -v rss="${rss:-0}" -v runs="$(runs_in)" \
        'BEGIN { printf "%.2f,%.2f,%d,%d\n", now - start, ticks / tick, rss, runs }' >>"$csv.tmp"
  fi
  sleep "$interval"
done
wait "$pid" || { cat "$work/log" >&2; exit 1; }
mv "$csv.tmp" "$csv"
tail -3 "$work/log" >&2
awk -F, -v threads="$threads" 'NR > 1 { t[NR] = $1; c[NR] = $2; m[NR] = $3; r[NR] = $4; n = NR }
  END {
    total = r[n]; lo = 0.02 * total; hi = 0.98 * total
    for (i = 2; i <= n; ++i) {
      if (!a && r[i] >= lo) a = i
      if (r[i] <= hi) b = i
    }
    printf "samples %d, wall %.0f s, CPU %.0f s, threads %d\n", n - 1, t[n], c[n], threads
    printf "utilisation, whole sweep: %.1f%%\n", 100 * c[n] / (t[n] * threads)
    if (b > a) printf "utilisation, runs %d..%d: %.1f%%\n", r[a], r[b], 100 * (c[b] - c[a]) / ((t[b] - t[a]) * threads)
    q = int((n - 1) / 10) + 2
    printf "resident memory (KiB) at 10%% / 50%% / last sample: %d / %d / %d\n", m[q], m[int((n + 1) / 2)], m[n]
  }' "$csv"
echo "wrote $csv" >&2
