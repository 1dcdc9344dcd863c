#!/bin/sh
# Scores Herald's feed parser against feedparser's test corpus (see feed-conformance.py).
#   scripts/feed-conformance.sh CORPUS_DIR [HERALD_BINARY] [-- extra options, e.g. --report FILE]
# CORPUS_DIR: a copy of feedparser's tests/ folder (github.com/kurtmckee/feedparser), kept
# outside the repository. HERALD_BINARY defaults to .build/debug/herald.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ]; then
  echo "usage: $0 CORPUS_DIR [HERALD_BINARY] [-- options for feed-conformance.py]" >&2
  exit 2
fi
corpus=$1
shift
binary="$here/../.build/debug/herald"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
  binary=$1
  shift
fi
[ $# -gt 0 ] && [ "$1" = "--" ] && shift
exec python3 "$here/feed-conformance.py" "$corpus" --herald "$binary" "$@"
