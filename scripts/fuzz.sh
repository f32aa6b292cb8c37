#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, docs/fuzzing.md) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer in build-fuzz, and runs each for SECONDS (default 60), both at once.
# Fails when either finds a crash, a leak, a time-out or an out-of-memory; the input that did it is
# left where the message says. New inputs that reach new code go to build-fuzz/corpus/<target>,
# never into the seed corpus fuzz/corpus/<target>.
# Usage: scripts/fuzz.sh [SECONDS]   (needs scripts/setup.sh's packages: clang, libclang-rt-dev)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=build-fuzz
targets=(fuzz_scenario_loader fuzz_set_override)
declare -A dictionary=([fuzz_scenario_loader]=fuzz/scenario.dict [fuzz_set_override]=fuzz/set_override.dict)

compiler=$(command -v clang++-14 || command -v clang++ || true)
if [ -z "$compiler" ]; then
  echo "fuzz: clang++ not found; run scripts/setup.sh first" >&2
  exit 1
fi
if [ ! -f "$build/build.ninja" ]; then
  # -O1 and line tables, as the sanitizer builds; only the loader's libraries are built
  # (fuzz/CMakeLists.txt).
  cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$compiler" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DINSIM_SANITIZE=address,undefined -DINSIM_FUZZ=ON \
    -DINSIM_BUILD_TESTS=OFF -DINSIM_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target "${targets[@]}"

# One process per target, side by side. -timeout: seconds for one input (loading takes
# milliseconds); -rss_limit_mb: memory of the whole process; leaks are reported at each input.
pids=()
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  rm -f "$build/artifacts/$t"/*
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz/$t" "$build/corpus/$t" "fuzz/corpus/$t" -dict="${dictionary[$t]}" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=8192 \
    -artifact_prefix="$build/artifacts/$t/" -print_final_stats=1 >"$build/$t.log" 2>&1 &
  pids+=($!)
done

failed=0
for i in "${!targets[@]}"; do
  t=${targets[$i]}
  if wait "${pids[$i]}"; then
    execs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$build/$t.log" | grep -o '[0-9]*$')
    cov=$(grep -o 'cov: [0-9]*' "$build/$t.log" | tail -1)
    echo "fuzz: $t: ${seconds} s, ${execs:-?} inputs, ${cov:-cov: ?}, nothing found"
  else
    failed=1
    echo "fuzz: $t FOUND A PROBLEM; its log: $build/$t.log" >&2
    grep -E '^==[0-9]+==ERROR|^SUMMARY|runtime error|ALARM|out-of-memory|uncaught|what\(\)' \
      "$build/$t.log" | head -20 >&2 || true
    for input in "$build/artifacts/$t"/*; do
      [ -e "$input" ] || continue
      echo "fuzz: the input: $input; reproduce: $build/fuzz/$t $input" >&2
      echo "fuzz: once fixed, keep it as tests/fuzz_regressions/$t/refused_<what> (or accepted_<what>)" >&2
    done
  fi
done
exit "$failed"
