#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS each (default 600, the issue's ten minutes) and
# prints a table: executions, executions a second, coverage (libFuzzer's cov: edges and ft:
# features) and corpus size at the end, and whether it found anything.
#   scripts/fuzz-all.sh [SECONDS] [TARGET...]
# Each target's full log is kept in .build-fuzz/logs/TARGET.log.
set -uo pipefail
seconds=${1:-600}
shift $(( $# >= 1 ? 1 : 0 ))
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(article quotes feed html page date config theme subscriptions wrap reader)
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p .build-fuzz/logs
# Build once (a one-second run of the first target), then run the same binary for each.
scripts/fuzz.sh "${targets[0]}" 1 >/dev/null 2>&1 || { echo "fuzz build or first run failed; see scripts/fuzz.sh ${targets[0]} 1"; exit 1; }
printf '%-14s %10s %8s %7s %8s %7s  %s\n' target executions "exec/s" cov ft corpus result
for target in "${targets[@]}"; do
  log=.build-fuzz/logs/$target.log
  HERALD_FUZZ_BUILT=1 scripts/fuzz.sh "$target" "$seconds" >"$log" 2>&1
  status=$?
  done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$done_line")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$done_line")
  corpus=$(sed -nE 's/.* corp: ([0-9]+).*/\1/p' <<<"$done_line")
  runs=$(sed -nE 's/^stat::number_of_executed_units: +([0-9]+)/\1/p' "$log")
  rate=$(sed -nE 's/^stat::average_exec_per_sec: +([0-9]+)/\1/p' "$log")
  result=clean
  [ $status -ne 0 ] && result="FOUND (exit $status): $(grep -m1 -E 'ERROR|Fatal error|deadly signal|timeout|out-of-memory' "$log" | cut -c1-80)"
  printf '%-14s %10s %8s %7s %8s %7s  %s\n' "$target" "${runs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corpus:-?}" "$result"
done
