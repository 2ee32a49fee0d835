#!/usr/bin/env bash
# The results benchmark (tests/bench/results.ts) on PostgreSQL: a throwaway cluster, an empty
# database, and the same seeded contest and pages as on SQLite. Removed when it ends.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGROOT=$(mktemp -d /tmp/mosaic-bench-pg.XXXXXX)
# a free port unless one is given, so that two checkouts can run this at once
PGPORT=${PGPORT:-$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')}
export PGROOT PGPORT
cleanup() {
  bash tests/support/postgres-cluster.sh stop || true
  rm -rf "$PGROOT"
}
trap cleanup EXIT
server=$(bash tests/support/postgres-cluster.sh start)
"$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql" "$server" -qc 'CREATE DATABASE bench'
BENCH_POSTGRES_URL=${server%/postgres}/bench npx tsx tests/bench/results.ts
