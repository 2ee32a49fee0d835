#!/usr/bin/env bash
# The console pages' benchmark (tests/bench/results.ts) and the big contests' speed figures
# (tests/bench/speed/scale.ts, whose figures then end in Pg) on PostgreSQL: run by
# tests/support/with-postgres.sh beside a throwaway cluster, each on an empty database of its own,
# with the same seeded contests and pages as on SQLite. Name one (results or scale) to run it alone:
#   bash tests/support/with-postgres.sh bash tests/bench/results-postgres.sh scale
set -euo pipefail
cd "$(dirname "$0")/../.."
psql="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql"
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(results scale)
for part in "${parts[@]}"; do
  case $part in
    results) file=tests/bench/results.ts ;;
    scale) file=tests/bench/speed/scale.ts ;;
    *) echo "results-postgres.sh: no part $part (results or scale)" >&2 && exit 2 ;;
  esac
  "$psql" "$TEST_POSTGRES_URL" -qc "CREATE DATABASE bench_$part"
  BENCH_POSTGRES_URL=${TEST_POSTGRES_URL%/postgres}/bench_$part npx tsx "$file"
done
