#!/usr/bin/env bash
# Runs `npm test` RUNS times in a row (5 unless given) while one busy process per core keeps the
# machine loaded, and stops at the first failure: the check that the suite waits on conditions,
# not on the clock. Each run's output goes to tests/.tmp/under-load/run-N.log.
#   bash tests/support/under-load.sh [RUNS]
set -uo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
out=tests/.tmp/under-load
mkdir -p "$out"
busy=()
for _ in $(seq "$(nproc)"); do
  node -e 'for (;;) {}' &
  busy+=($!)
done
trap 'kill "${busy[@]}" 2>/dev/null' EXIT
for i in $(seq "$runs"); do
  started=$(date +%s)
  if npm test > "$out/run-$i.log" 2>&1; then
    echo "run $i of $runs: passed in $(($(date +%s) - started)) s"
  else
    echo "run $i of $runs: FAILED in $(($(date +%s) - started)) s; see $out/run-$i.log"
    exit 1
  fi
done
echo "all $runs runs passed under load ($(nproc) busy processes)"
