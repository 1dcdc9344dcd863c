#!/usr/bin/env bash
# Herald's reader on a library beside newsboat on the same feeds, in the same run:
#   scripts/first-screen-library.sh [DIR] [RUNS]
# DIR (default /tmp/herald-library-bench) is the corpus of scripts/library-bench.sh (made by
# ../shared/bench/gen_feeds.py, 100 feeds x 1,000 items). Both are synced once from a loopback
# server (kept in DIR/first-screen/ for later runs), then each is started RUNS times (default 3)
# in tmux at 160x45: the time until its first screen (Herald: the status bar's "story 1/";
# newsboat: its feed list's first line), both peak memories, and Herald's key-to-frame times
# (`herald reader-bench`, hidden: the program loop on an in-memory terminal).
# Needs a release build, tmux and the Debian package newsboat.
set -euo pipefail
dir=${1:-/tmp/herald-library-bench}
runs=${2:-3}
root="$(cd "$(dirname "$0")/.." && pwd)"
herald="$root/.build/release/herald"
gen="$root/../shared/bench/gen_feeds.py"
[ -x "$herald" ] || { echo "first-screen-library: build first: swift build -c release --static-swift-stdlib" >&2; exit 2; }
# The peak-memory figure depends on how the binary was linked (README, "A release binary").
if ldd "$herald" 2>/dev/null | grep -q libswiftCore; then
  echo "first-screen-library: $herald links the Swift runtime dynamically; the peak will be about 8 MiB higher (build with --static-swift-stdlib)" >&2
fi
[ -d "$dir/feeds" ] || { echo "first-screen-library: no corpus in $dir (run scripts/library-bench.sh first)" >&2; exit 2; }
state="$dir/first-screen"
mkdir -p "$state"
library="$state/library.sqlite"
if [ ! -f "$state/synced" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  (cd "$dir" && exec timeout 1800 python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1) &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  python3 "$gen" "$dir" --feeds 100 --items 1000 --lists-only --scheme http \
    --base-url "http://127.0.0.1:$port/feeds/" --lists-to "$state" >/dev/null
  for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$port/params.json" && break; sleep 0.1; done
  echo "syncing both once (a few minutes)..." >&2
  "$herald" import --library "$library" "$state/feeds.opml" >/dev/null
  "$herald" sync --library "$library" >/dev/null 2>&1 || true
  printf 'reload-threads 8\n' >"$state/newsboat.conf"
  if command -v newsboat >/dev/null; then
    newsboat -u "$state/urls" -c "$state/cache.db" -C "$state/newsboat.conf" -x reload >/dev/null 2>&1 || true
  fi
  kill $server 2>/dev/null || true
  touch "$state/synced"
fi

# Milliseconds from start until the screen holds the pattern.
first_screen() {
  local pattern=$1; shift
  local socket="herald-fs-$$-$RANDOM"
  local start end
  start=$(date +%s%N)
  tmux -L "$socket" -f /dev/null new-session -d -s b -x 160 -y 45 "$*"
  until tmux -L "$socket" capture-pane -p -t b 2>/dev/null | grep -q "$pattern"; do
    (( ($(date +%s%N) - start) / 1000000 > 60000 )) && { echo "none after 60 s" >&2; break; }
    sleep 0.005
  done
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
  if [ "${measure_memory:-}" = 1 ]; then
    until tmux -L "$socket" capture-pane -p -t b | grep -q "story 1/[0-9]* ·" && ! tmux -L "$socket" capture-pane -p -t b | grep -q "loading"; do sleep 0.05; done
    tmux -L "$socket" send-keys -t b j j j Enter j j n q
    sleep 0.5
    local pid; pid=$(tmux -L "$socket" list-panes -t b -F '#{pane_pid}')
    pid=$(pgrep -P "$pid" -x herald || echo "$pid")
    # Peak resident memory, and of it the program's own (anonymous) pages; the rest is shared
    # code (the Swift runtime, Foundation, ICU, SQLite) mapped from files.
    awk '/VmHWM/{peak=$2} /RssAnon/{anon=$2} END{printf "%d (own %d)", peak / 1024, anon / 1024}' "/proc/$pid/status" >"$state/peak"
  fi
  if [ "${measure_newsboat_memory:-}" = 1 ]; then
    sleep 1
    local pid; pid=$(tmux -L "$socket" list-panes -t b -F '#{pane_pid}')
    pid=$(pgrep -P "$pid" -x newsboat || echo "$pid")
    awk '/VmHWM/{peak=$2} /RssAnon/{anon=$2} END{printf "%d (own %d)", peak / 1024, anon / 1024}' "/proc/$pid/status" >"$state/newsboat-peak"
  fi
  tmux -L "$socket" kill-server 2>/dev/null || true
}

median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
h=$(for _ in $(seq "$runs"); do measure_memory=1 first_screen "story 1/" "env LANG=C.UTF-8 TERM=xterm-256color $herald --library $library"; done | median)
h_peak=$(cat "$state/peak")
n=-
if command -v newsboat >/dev/null; then
  n=$(for _ in $(seq "$runs"); do measure_newsboat_memory=1 first_screen "1 .*(" "env LANG=C.UTF-8 TERM=xterm-256color newsboat -u $state/urls -c $state/cache.db -C $state/newsboat.conf"; done | median)
  n_peak=$(cat "$state/newsboat-peak" 2>/dev/null || echo -)
fi
articles=$("$herald" list --library "$library" | wc -l)
printf '%s articles in 100 feeds\n\n' "$articles"
printf '%-34s %12s %12s\n' "" herald newsboat
printf '%-34s %12s %12s\n' "first screen, median of $runs (ms)" "$h" "$n"
printf '%-34s %12s %12s\n' "reader peak memory (MiB)" "$h_peak" "${n_peak:--}"

# Key to frame on the same library, through the real program loop on an in-memory terminal
# (on a copy: the keys open stories, which marks them read).
cp "$library" "$state/bench-copy.sqlite"
rm -f "$state/bench-copy.sqlite-wal" "$state/bench-copy.sqlite-shm"
echo
"$herald" reader-bench --library "$state/bench-copy.sqlite" --keys 2000
rm -f "$state/bench-copy.sqlite"*
