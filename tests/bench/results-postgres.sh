#!/usr/bin/env bash
# The results benchmark (tests/bench/results.ts) on PostgreSQL: run by tests/support/with-postgres.sh
# beside a throwaway cluster, on an empty database, with the same seeded contest and pages as on
# SQLite.
set -euo pipefail
cd "$(dirname "$0")/../.."
"$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql" "$TEST_POSTGRES_URL" -qc 'CREATE DATABASE bench'
BENCH_POSTGRES_URL=${TEST_POSTGRES_URL%/postgres}/bench npx tsx tests/bench/results.ts
