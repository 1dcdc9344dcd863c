#!/usr/bin/env bash
# Builds Herald's libFuzzer binary (with AddressSanitizer) and runs one target:
#   scripts/fuzz.sh TARGET [SECONDS] [libFuzzer options...]
# TARGET: article, quotes, feed, html, page, date, config, theme, subscriptions, wrap, reader (Fuzz/HeraldFuzz/FuzzChecks.swift
# says what each feeds and checks). SECONDS defaults to 60. The corpus grows in
# .build-fuzz/corpus/TARGET, seeded from the test fixtures and samples (see the case below);
# crashes are written to .build-fuzz/crashes/TARGET/ and the run exits non-zero. Turn each
# crash into a regression test with the minimised input (-minimize_crash=1 -runs=10000 FILE).
set -euo pipefail
target=${1:?usage: fuzz.sh TARGET [SECONDS] [libFuzzer options...]}
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build() {
  HERALD_FUZZ_BUILD=1 swift build --scratch-path .build-fuzz --product herald-fuzz -Xswiftc -sanitize=fuzzer,address \
    >.build-fuzz-log 2>&1
}
mkdir -p .build-fuzz
# fuzz-all.sh builds once and sets HERALD_FUZZ_BUILT, so a long campaign runs one binary.
if [ -n "${HERALD_FUZZ_BUILT:-}" ]; then
  :
elif ! build; then
  # SwiftPM sometimes keeps a stale build description after Package.swift changes ("unknown
  # build description"); dropping it costs one rebuild of the package's own modules.
  if grep -q "unknown build description" .build-fuzz-log; then
    rm -f .build-fuzz/debug.yaml .build-fuzz/build.db .build-fuzz/*/debug/description.json
    build || { grep -v "Cannot export local symbol" .build-fuzz-log | tail -20; exit 1; }
  else
    grep -v "Cannot export local symbol" .build-fuzz-log | tail -20
    exit 1
  fi
fi
rm -f .build-fuzz-log
binary=.build-fuzz/debug/herald-fuzz
corpus=.build-fuzz/corpus/$target
crashes=.build-fuzz/crashes/$target
mkdir -p "$corpus" "$crashes"
# Seeds: the fixtures a target reads, copied once (a copy, so the fuzzer may add beside them).
if [ -z "$(ls -A "$corpus")" ]; then
  case $target in
    article|quotes) find Samples Tests/NewsKitTests/Fixtures/collection -name '*.txt' -size -64k -exec cp {} "$corpus/" \; ;;
    page) find Tests/NewsKitTests/Fixtures/pages -name '*.html' -exec cp {} "$corpus/" \; ;;
    feed|html|date) find Tests/NewsKitTests/Fixtures/feeds -type f -size -64k \( -name '*.xml' -o -name '*.rdf' -o -name '*.json' -o -name '*.atom' \) -exec cp {} "$corpus/" \; ;;
    config|theme) find themes Tests/CursesUITests/Fixtures -name '*.toml' -exec cp {} "$corpus/" \; ;;
    subscriptions) cp Fuzz/Seeds/subscriptions/* "$corpus/" ;;
    wrap|reader) find Samples -name '*.txt' -size -16k -exec cp {} "$corpus/" \; ;;
  esac
fi
extra=()
case $target in
  feed|html|page|subscriptions) extra=(-dict=Fuzz/xml.dict) ;;
  # TOMLKit leaks about 100 bytes for each malformed document it rejects (the error path of
  # TOMLTable(string:)), which LeakSanitizer would report on the first bad input.
  # LeakSanitizer's own check when the process ends is turned off the same way.
  config|theme) extra=(-detect_leaks=0); export ASAN_OPTIONS=detect_leaks=0 ;;
  # Each byte is a key or a resize: a few hundred make a session, and frames are slow to draw.
  reader) extra=(-max_len=512) ;;
esac
export SWIFT_BACKTRACE=enable=no HERALD_FUZZ_TARGET=$target
exec "$binary" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$crashes/" -print_final_stats=1 "${extra[@]}" "$@"
