#!/usr/bin/env bash
# The library beside newsboat, in the same run, on the same feeds served from 127.0.0.1:
#   scripts/library-bench.sh [DIR] [FEEDS] [ITEMS]
# DIR (default /tmp/herald-library-bench) receives the corpus of ../shared/bench/gen_feeds.py
# (made once, FEEDS x ITEMS, default 100 x 1000), a Python HTTP server on a free loopback port
# (it answers If-Modified-Since with 304), a Herald library and a newsboat cache. Prints, for
# each: the time until every article is listed (Herald's store stage) and until every article
# is analysed (a plain sync), both beside newsboat's cold sync with the ratio, re-sync with nothing new, listing the unread articles, search (median of
# 20 queries; newsboat has no search command, so none), and peak memory of the cold sync.
# Then, when the sqlite3 command is there, what SQLite alone needs to store and index the same
# text (scripts/sqlite-floor.sh): the floor under the cold sync.
# Needs a release build (swift build -c release --static-swift-stdlib) and the Debian package newsboat.
set -euo pipefail
dir=${1:-/tmp/herald-library-bench}
feeds=${2:-100}
items=${3:-1000}
root="$(cd "$(dirname "$0")/.." && pwd)"
herald="$root/.build/release/herald"
gen="$root/../shared/bench/gen_feeds.py"
[ -x "$herald" ] || { echo "library-bench: build first: swift build -c release --static-swift-stdlib" >&2; exit 2; }
[ -f "$gen" ] || { echo "library-bench: $gen not found (../shared beside the repo)" >&2; exit 2; }
mkdir -p "$dir"
if [ ! -f "$dir/params.json" ] || ! grep -q "\"feeds\": $feeds," "$dir/params.json" || ! grep -q "\"items\": $items," "$dir/params.json"; then
  echo "making $feeds feeds x $items items in $dir ..." >&2
  python3 "$gen" "$dir" --feeds "$feeds" --items "$items" >/dev/null
fi

# A loopback server on a free port, stopped by its PID when the script ends.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$dir" && exec timeout 1800 python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
server=$!
scratch=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$scratch"' EXIT
python3 "$gen" "$dir" --feeds "$feeds" --items "$items" --lists-only --scheme http \
  --base-url "http://127.0.0.1:$port/feeds/" --lists-to "$scratch" >/dev/null
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/params.json" && break; sleep 0.1; done

# Wall seconds and peak MiB of one command, its output thrown away.
measure() {
  /usr/bin/time -o "$scratch/time" -f '%e %M' "$@" >/dev/null 2>"$scratch/stderr" || true
  local out; out=$(tail -1 "$scratch/time")
  echo "${out% *} $(echo "${out#* } / 1024" | bc)"
}

# Readable: the store stage alone (sync --no-analyse) into an empty library, after which
# every article is listed. Done: a plain sync (store, then analysis) into another one.
stored="$scratch/stored.sqlite"
"$herald" import --library "$stored" "$scratch/feeds.opml" >/dev/null
read -r h_readable h_readable_mem <<<"$(measure "$herald" sync --no-analyse --library "$stored")"
h_stored=$("$herald" list --library "$stored" | wc -l)
read -r h_analyse h_analyse_mem <<<"$(measure "$herald" analyse --library "$stored")"
library="$scratch/library.sqlite"
"$herald" import --library "$library" "$scratch/feeds.opml" >/dev/null
read -r h_cold h_cold_mem <<<"$(measure "$herald" sync --library "$library")"
h_new=$("$herald" list --library "$library" | wc -l)
read -r h_re h_re_mem <<<"$(measure "$herald" sync --library "$library")"
read -r h_list _ <<<"$(measure "$herald" list --library "$library" --unread)"
h_unread=$("$herald" list --library "$library" --unread | wc -l)
searches=()
for word in minister harbour "said the" budget council "flood warning" police strike hospital election \
  school bridge weather court housing energy transport football museum railway; do
  start=$(date +%s%N)
  "$herald" search --library "$library" "$word" >/dev/null || true
  searches+=($(( ($(date +%s%N) - start) / 1000000 )))
done
h_search=$(printf '%s\n' "${searches[@]}" | sort -n | sed -n 10p)

cat >"$scratch/newsboat.conf" <<CONF
reload-threads 8
download-timeout 30
CONF
newsboat=(newsboat -u "$scratch/urls" -c "$scratch/cache.db" -C "$scratch/newsboat.conf")
n_cold=- n_cold_mem=- n_re=- n_list=- n_unread=-
if command -v newsboat >/dev/null; then
  read -r n_cold n_cold_mem <<<"$(measure "${newsboat[@]}" -x reload)"
  read -r n_re _ <<<"$(measure "${newsboat[@]}" -x reload)"
  read -r n_list _ <<<"$(measure "${newsboat[@]}" -x print-unread)"
  n_unread=$("${newsboat[@]}" -x print-unread 2>/dev/null | head -1)
fi

ratio() { if [ "$2" = - ]; then echo -; else echo "scale=2; $1 / $2" | bc; fi; }
size() { [ -f "$1" ] && echo "scale=0; $(stat -c %s "$1") / 1048576" | bc || echo -; }
# The library's size once its write-ahead log is folded in (as a closed library is).
sqlite3 "$library" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null 2>&1 || true
h_size=$(size "$library")
n_size=$(size "$scratch/cache.db")

printf '%s feeds x %s items from 127.0.0.1 (%s articles stored by Herald)\n\n' "$feeds" "$items" "$h_new"
printf '%-34s %14s %14s %8s\n' "" herald newsboat ratio
printf '%-34s %14s %14s %8s\n' "readable: sync --no-analyse (s)" "$h_readable" "$n_cold" "$(ratio "$h_readable" "$n_cold")"
printf '%-34s %14s %14s\n' "  then herald analyse (s)" "$h_analyse" ""
printf '%-34s %14s %14s %8s\n' "done: cold sync, analysed (s)" "$h_cold" "$n_cold" "$(ratio "$h_cold" "$n_cold")"
printf '%-34s %14s %14s %8s\n' "library / cache size (MiB)" "$h_size" "$n_size" "$(ratio "$h_size" "$n_size")"
printf '%-34s %14s %14s\n' "re-sync, nothing new (s)" "$h_re" "$n_re"
printf '%-34s %14s %14s\n' "list unread / print-unread (s)" "$h_list" "$n_list"
printf '%-34s %14s %14s\n' "search p50 over 20 queries (ms)" "$h_search" "(none)"
printf '%-34s %14s %14s\n' "cold sync peak memory (MiB)" "$h_cold_mem" "$n_cold_mem"
printf '%-34s %14s %14s\n' "store / analyse peak memory (MiB)" "$h_readable_mem / $h_analyse_mem" ""
printf '\nherald unread: %s lines; newsboat: %s; listed after the store stage: %s\n' "$h_unread" "$n_unread" "$h_stored"
printf 'targets: readable <= 0.25x, done <= 0.5x newsboat cold sync; re-sync <= 0.3 s; peak <= 100 MiB; size <= 1.25x\n' 
if command -v sqlite3 >/dev/null; then
  echo
  "$root/scripts/sqlite-floor.sh" "$library"
fi
