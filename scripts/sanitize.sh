#!/usr/bin/env bash
# Builds and tests insim under the sanitizers (docs/sanitizers.md); CI runs it after test.sh.
#   address: AddressSanitizer + UndefinedBehaviorSanitizer (build-asan), the whole test suite.
#   thread:  ThreadSanitizer (build-tsan), the tests that run threads, against a oneTBB that is
#            itself built with TSan.
# Both build with clang (its instrumented builds take about half GCC's time: docs/sanitizers.md);
# the normal build is GCC's, so CI compiles everything with both. Any report fails the run.
# Needs scripts/setup.sh's packages (run that first).
# Usage: scripts/sanitize.sh [address|thread]...   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

# The test programs must be instrumented: a build without the sanitizer would pass silently.
# clang links its runtimes into the program, so look for their entry points, not for a library.
require_instrumented() {  # program, symbol...
  local program=$1 symbol symbols
  shift
  symbols=$(nm "$program")  # whole, first: grep -q would end nm early, and pipefail fail the pipe
  for symbol in "$@"; do
    if ! grep -q "$symbol" <<<"$symbols"; then
      echo "sanitize: $program is not instrumented: no $symbol" >&2
      exit 1
    fi
  done
}

# Configures a sanitizer preset. A folder configured otherwise (by an older script, with GCC) is
# configured afresh: CMake, seeing the compiler change, would drop the preset's other variables
# and build without the sanitizer.
configure() {  # preset, build folder, sanitizer
  local cache=$2/CMakeCache.txt
  if [ -f "$cache" ] && ! { grep -qx "INSIM_SANITIZE:STRING=$3" "$cache" &&
                            grep -qx 'CMAKE_CXX_COMPILER:[A-Z]*=.*clang++-14' "$cache"; }; then
    echo "sanitize: $2 was configured otherwise; configuring it afresh" >&2
    rm -rf "$cache" "$2/CMakeFiles"
  fi
  cmake --preset "$1" >/dev/null
}

address() {
  configure asan build-asan address,undefined
  cmake --build build-asan -j "$jobs"
  require_instrumented build-asan/tests/test_core __asan_init __ubsan_handle_
  # -E: the memory test bounds the insim process's peak RSS, which under ASan is dominated by
  # shadow memory and the freed-memory quarantine, so its bound means nothing there. The Sahel
  # mechanism tests (X01-X12) and the baseline's validation checks run the whole model hundreds
  # of times for statistics, not for new code paths: the other Sahel tests (determinism,
  # counterfactuals, check) cover the same code under ASan, so these run in the normal build only;
  # so do the calibration rules' tests (the same phases, run again with one rule off) and the
  # sweep kill-and-resume test (whole processes, killed: the store's own crash test runs here),
  # and the shard and MPI sweep tests (whole processes under mpirun; OpenMPI's own allocations
  # are not ours to check; the merge and result-bytes tests of test_sweep do run here), and the
  # random-moment interrupt tests (whole processes signalled at random; their file checks do not
  # change under ASan, their run time does), and the synthetic calibration (650-900
  # model runs for a posterior, no code path the other calibrate tests miss).
  ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:strict_init_order=1 \
  UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 900 \
    -E '^insim run: peak memory does not grow with the number of steps$|^X[0-9][0-9] |^sahel baseline: (every check not known|the checks known)|^sahel calibration: |^insim sweep: killed|^insim sweep --shard|^mpirun -n 2 insim sweep|: stopped or killed at random moments|^calibrate: a synthetic Sahel run'
}

# Debian's libtbb is not instrumented: TSan cannot see the synchronisation inside it (a task
# spawned by one thread and stolen by another), so it reports races between TBB's own inline
# code and between every task body and the thread that started the loop. Suppressing those would
# suppress every race in our parallel loops too, so we build the same oneTBB version from
# Debian's source package with TSan instead (about 15 s) into build-tsan/onetbb, where the tsan
# preset's TBB_DIR points.
instrumented_tbb() {
  local prefix=$PWD/build-tsan/onetbb work=$PWD/build-tsan/onetbb-work
  local version codename built
  version=$(dpkg-query -W -f='${source:Version}' libtbb-dev)
  # What it was built from and with: a oneTBB left by an older script (GCC-built) or from another
  # libtbb-dev version is built again.
  built="oneTBB $version, clang++-14, TBB_SANITIZE=thread"
  if [ -f "$prefix/lib/cmake/TBB/TBBConfig.cmake" ] &&
     [ "$(cat "$prefix/built-with" 2>/dev/null)" = "$built" ]; then
    return
  fi
  rm -rf "$prefix"
  # shellcheck source=/dev/null
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  rm -rf "$work"
  mkdir -p "$work"/{lists/partial,cache/archives/partial,parts,src}
  # A private source list and cache: apt fetches and verifies the source package without
  # changing the machine's apt configuration.
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  cat >"$work/sources.list" <<EOF
deb-src [signed-by=$keyring] http://deb.debian.org/debian $codename main
deb-src [signed-by=$keyring] http://deb.debian.org/debian $codename-updates main
deb-src [signed-by=$keyring] http://deb.debian.org/debian-security $codename-security main
EOF
  local apt=(apt-get -qq -o "Dir::Etc::SourceList=$work/sources.list"
             -o "Dir::Etc::SourceParts=$work/parts" -o "Dir::State::Lists=$work/lists"
             -o "Dir::Cache=$work/cache" -o APT::Sandbox::User="$(id -un)")
  "${apt[@]}" update
  (cd "$work/src" && "${apt[@]}" source --download-only "onetbb=$version")
  (cd "$work/src" && cmake -E tar xf onetbb_*.orig.tar.*)
  local source=("$work"/src/oneTBB-*/)
  # With the tests' compiler: clang's TSan runtime is linked into each program, and code built
  # by GCC would call GCC's. Its build log is kept only on failure.
  echo "sanitize: building oneTBB $version with TSan" >&2
  if ! { cmake -S "${source[0]}" -B "$work/build" -G Ninja \
           -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14 \
           -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTBB_SANITIZE=thread -DTBB_STRICT=OFF \
           -DTBB_TEST=OFF -DTBBMALLOC_BUILD=OFF -DTBB_DISABLE_HWLOC_AUTOMATIC_SEARCH=ON \
           -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib &&
         cmake --build "$work/build" -j "$jobs" && cmake --install "$work/build"; } \
       >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    exit 1
  fi
  echo "$built" >"$prefix/built-with"
  rm -rf "$work"
}

thread() {
  instrumented_tbb
  configure tsan build-tsan thread
  cmake --build build-tsan -j "$jobs" --target test_core test_determinism test_epstein test_cli \
    test_compare test_sweep test_calibrate
  require_instrumented build-tsan/tests/test_core __tsan_init
  if ! ldd build-tsan/tests/test_core | grep -q "$PWD/build-tsan/onetbb/lib/libtbb"; then
    echo "sanitize: build-tsan/tests/test_core does not load the TSan-built oneTBB" >&2
    exit 1
  fi
  # The test programs whose code runs threads, whole: core (the parallel helpers), the
  # determinism tests and the Epstein model (parallel activation); from test_cli only the
  # 1/2/4/8-thread run; from test_compare the comparison that runs its replicates in parallel;
  # from test_sweep the store written by four threads at once; from test_calibrate ABC-SMC's
  # batches of candidates and importance weights, computed in parallel.
  # The others run one thread and are ASan's job. Run from the source folder,
  # as ctest does; a name that matches no test fails (--warn NoTests).
  # scripts/tsan.supp: races inside Pango and fontconfig (not built with TSan) when the report's
  # PNGs are rendered; nothing of ours is suppressed.
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/scripts/tsan.supp"
  local program
  for program in test_core test_determinism test_epstein; do
    echo "sanitize: $program under TSan"
    "build-tsan/tests/$program" --warn NoTests
  done
  echo "sanitize: test_cli thread-count test under TSan"
  build-tsan/tests/test_cli --warn NoTests "insim run: timeseries.csv is bit-identical for*"
  echo "sanitize: test_compare parallel replicates under TSan"
  build-tsan/tests/test_compare --warn NoTests "compare: the tables are byte-identical for 1 and 2 threads"
  echo "sanitize: test_sweep concurrent recording under TSan"
  build-tsan/tests/test_sweep --warn NoTests "sweep store: four threads recording 200 runs each lose nothing"
  echo "sanitize: test_calibrate parallel ABC-SMC under TSan"
  build-tsan/tests/test_calibrate --warn NoTests \
    "abc-smc: the result is the same bit for bit for 1 and 2 threads and any batch size"
}

sanitizers=("$@")
if (($# == 0)); then sanitizers=(address thread); fi
for s in "${sanitizers[@]}"; do
  case $s in
    address | thread) ;;
    *) echo "usage: scripts/sanitize.sh [address|thread]..." >&2; exit 2 ;;
  esac
done
for s in "${sanitizers[@]}"; do "$s"; done
