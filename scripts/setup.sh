#!/usr/bin/env bash
# Installs what is missing from Debian's packages, then configures and builds insim (Release).
# Safe to run again: a second call installs nothing and rebuilds only what changed.
# Usage: scripts/setup.sh [build-dir]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}

# Every build and test dependency, by Debian 12 package name. Boost.Math: Student's t for
# confidence intervals; librsvg + cairo: the report's PNG figures; fonts-dejavu-core: their text;
# chromium: the report's browser test; clang-14 + libclang-rt-14-dev (libFuzzer, only a
# Recommends of clang): the fuzz targets (scripts/fuzz.sh); OpenMPI: `mpirun insim sweep`.
packages=(
  cmake g++ ninja-build git
  libtbb-dev libyaml-cpp-dev libfmt-dev nlohmann-json3-dev libcli11-dev librandom123-dev
  catch2 libsqlite3-dev sqlite3 libbenchmark-dev openmpi-bin libopenmpi-dev
  pkg-config libboost-math-dev librsvg2-dev libcairo2-dev fonts-dejavu-core chromium
  clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "insim setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

if [ ! -f "$build_dir/build.ninja" ]; then
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)"
