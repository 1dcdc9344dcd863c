#!/usr/bin/env bash
# Time from starting herald to its first drawn screen, polling tmux capture-pane.
#   scripts/bench-first-screen.sh DIRECTORY [RUNS]
# Needs a release build (swift build -c release --static-swift-stdlib) and tmux. Prints each run and the median.
set -euo pipefail
dir=${1:?usage: bench-first-screen.sh DIRECTORY [RUNS]}
runs=${2:-5}
herald="$(cd "$(dirname "$0")/.." && pwd)/.build/release/herald"
times=()
for run in $(seq "$runs"); do
  # A new server per run: restarting one under the same name can race with its exit.
  socket="herald-bench-$$-$run"
  trap 'tmux -L "$socket" kill-server 2>/dev/null || true' EXIT
  start=$(date +%s%N)
  tmux -L "$socket" -f /dev/null new-session -d -s b -x 120 -y 40 "env LANG=C.UTF-8 TERM=xterm-256color $herald $dir"
  # The first screen shows a story count in the status bar.
  until tmux -L "$socket" capture-pane -p -t b 2>/dev/null | grep -q "story 1/"; do
    now=$(date +%s%N)
    (( (now - start) / 1000000 > 20000 )) && { echo "no screen after 20 s" >&2; exit 1; }
    sleep 0.005
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  tmux -L "$socket" kill-server 2>/dev/null || true
  times+=("$ms")
  echo "run $run: first screen after $ms ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( ${#sorted[@]} / 2 ))]} ms over $runs runs ($dir)"
