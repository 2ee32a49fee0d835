#!/usr/bin/env bash
# The results benchmark (tests/bench/results.ts) on PostgreSQL: a throwaway cluster, an empty
# database, and the same seeded contest and pages as on SQLite. Removed when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGROOT=$(mktemp -d /tmp/mosaic-bench-pg.XXXXXX)
export PGROOT PGPORT=${PGPORT:-55433}
cleanup() {
  bash tests/support/postgres-cluster.sh stop || true
  rm -rf "$PGROOT"
}
trap cleanup EXIT
server=$(bash tests/support/postgres-cluster.sh start)
"$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql" "$server" -qc 'CREATE DATABASE bench'
BENCH_POSTGRES_URL=${server%/postgres}/bench npx tsx tests/bench/results.ts
