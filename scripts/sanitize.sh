#!/usr/bin/env bash
# Builds the whole test suite with a sanitizer and runs it:
#   scripts/sanitize.sh address|thread [swift-testing filter]
# Each sanitizer has its own scratch directory (.build-asan, .build-tsan): the first build
# instruments every dependency and takes several minutes on two cores. The suite's child
# processes (herald under test, in tmux too) inherit the options below.
set -euo pipefail
kind=${1:?usage: sanitize.sh address|thread [filter]}
filter=${2:-}
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
case $kind in
  address) scratch=.build-asan ;;
  thread) scratch=.build-tsan ;;
  *) echo "sanitize.sh: address or thread, not $kind" >&2; exit 2 ;;
esac
build() { swift build --build-tests --scratch-path "$scratch" --sanitize="$kind" >"$scratch/sanitize.log" 2>&1; }
mkdir -p "$scratch"
if ! build; then
  # SwiftPM loses its build description between sanitizer builds ("unknown build description");
  # dropping it costs a rebuild of what is not cached.
  if grep -q "unknown build description" "$scratch/sanitize.log"; then
    rm -f "$scratch/debug.yaml" "$scratch/build.db" "$scratch"/*/debug/description.json
    build || { tail -20 "$scratch/sanitize.log"; exit 1; }
  else
    tail -20 "$scratch/sanitize.log"
    exit 1
  fi
fi
# TOMLKit leaks what it parses (see Fuzz/lsan.supp); the reports name anything else.
export LSAN_OPTIONS="suppressions=$root/Fuzz/lsan.supp"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=0}"
exec "$scratch/x86_64-unknown-linux-gnu/debug/HeraldPackageTests.xctest" --testing-library swift-testing ${filter:+--filter "$filter"}
