#!/usr/bin/env bash
# Times the compilation of one object of a configured build with GCC and clang, with and without
# the sanitizers and full debug information: the figures behind the sanitizer builds' choice of
# clang and line tables (docs/sanitizers.md). One compile at a time, on one core; run it on a
# quiet machine and repeat.
# Usage: bench/compile_flags.sh BUILD OBJECT
#   e.g. bench/compile_flags.sh build-asan tests/CMakeFiles/test_cli.dir/cli/run_outputs_test.cpp.o
set -euo pipefail
if (($# != 2)); then
  echo "usage: bench/compile_flags.sh BUILD OBJECT   (OBJECT as ninja names it, inside BUILD)" >&2
  exit 2
fi
build=$1 object=$2
command=$(ninja -C "$build" -t commands "$object" | tail -n 1)
if [[ $command != *" -c "* ]]; then
  echo "compile_flags: ninja has no compile command for $object in $build" >&2
  exit 2
fi
# The build's own command (shell-quoted, as ninja runs it) without its compiler, optimisation,
# debug, sanitizer, dependency-file and output flags.
rest=$(sed -E 's/ -O[0-3s]( |$)/ /; s/ -g(1|line-tables-only)?( |$)/ /; s/ -fsanitize=[^ ]+//g;
               s/ -fno-sanitize-recover=[^ ]+//; s/ -Wno-maybe-uninitialized//; s/ -MD( |$)/ /;
               s/ -(o|MT|MF) [^ ]+//g' <<<"${command#* }")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
sanitize=(-fsanitize=address,undefined -fno-sanitize-recover=all)
variants=(
  "g++|-O1 -g ${sanitize[*]} -Wno-maybe-uninitialized"
  "g++|-O1 -g1 ${sanitize[*]} -Wno-maybe-uninitialized"
  "g++|-O3 -DNDEBUG"
  "clang++-14|-O1 -g ${sanitize[*]}"
  "clang++-14|-O1 -gline-tables-only ${sanitize[*]}"
  "clang++-14|-O3 -DNDEBUG"
)
echo "compiler,flags,seconds,object_bytes"
cd "$build"
for v in "${variants[@]}"; do
  compiler=${v%%|*} flags=${v#*|}
  start=$(date +%s.%N)
  sh -c "$compiler $flags $rest -o $out/o.o" 2>"$out/err" || {
    echo "compile_flags: $compiler $flags failed:" >&2
    head -5 "$out/err" >&2
    continue
  }
  end=$(date +%s.%N)
  printf '%s,"%s",%.1f,%s\n' "$compiler" "$flags" "$(echo "$end - $start" | bc)" \
    "$(stat -c %s "$out/o.o")"
done
