#!/usr/bin/env bash
# Herald's feed reading beside the C readers, in the same run, on the same file:
#   scripts/feed-bench.sh FEED [RUNS]
# Prints wall time (median of RUNS, default 3), peak memory and MB/s for sfeed (Debian package
# sfeed), libxml2's streaming reader alone (xmllint --stream, package libxml2-utils), and
# `herald list` and `herald show --json`. Needs a release build (swift build -c release --static-swift-stdlib).
# Make a feed with: ../shared/bench/gen_feeds.py /tmp/big --feeds 1 --items 9900 --format rss
set -euo pipefail
feed=${1:?usage: feed-bench.sh FEED [RUNS]}
runs=${2:-3}
herald="$(cd "$(dirname "$0")/.." && pwd)/.build/release/herald"
[ -x "$herald" ] || { echo "feed-bench: build first: swift build -c release --static-swift-stdlib" >&2; exit 2; }
bytes=$(stat -c %s "$feed")
scratch=$(mktemp)
trap 'rm -f "$scratch"' EXIT
printf 'feed: %s (%.1f MB)\n\n' "$feed" "$(echo "$bytes / 1000000" | bc -l)"
printf '%-34s %10s %12s %10s %9s\n' command "wall (s)" "peak (MiB)" "MB/s" "x sfeed"
sfeed_wall=

measure() {
  local label=$1; shift
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
    printf '%-34s %10s\n' "$label" "(not installed)"
    return
  fi
  local walls=() peak=0
  for _ in $(seq "$runs"); do
    local out
    /usr/bin/time -o "$scratch" -f '%e %M' "$@" > /dev/null 2>/dev/null
    out=$(tail -1 "$scratch")
    walls+=("${out% *}")
    local kb=${out#* }
    (( kb > peak )) && peak=$kb
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  # The first command measured is sfeed's: every other wall time is also given as a ratio to
  # it, from the same run (issue 33's target: show --json at most 3x sfeed).
  [ -z "$sfeed_wall" ] && sfeed_wall=$median
  printf '%-34s %10.2f %12.1f %10.1f %9.2f\n' "$label" "$median" "$(echo "$peak / 1024" | bc -l)" \
    "$(echo "$bytes / 1000000 / ($median + 0.0001)" | bc -l)" "$(echo "$median / ($sfeed_wall + 0.0001)" | bc -l)"
}

measure "sfeed < FEED" sh -c "sfeed < '$feed'"
measure "xmllint --stream --noout FEED" xmllint --stream --noout "$feed"
measure "herald list FEED" "$herald" list "$feed"
measure "herald show --json FEED" "$herald" show --json "$feed"
