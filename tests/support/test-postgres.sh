#!/usr/bin/env bash
# npm run test:postgres: the unit and integration suites against a throwaway PostgreSQL cluster
# (Debian's postgresql, installed when missing), created here and removed when the run ends.
# Extra arguments go to Vitest (a file name, -t "a test's name").
set -euo pipefail
cd "$(dirname "$0")/../.."
PGROOT=$(mktemp -d /tmp/mosaic-pg.XXXXXX)
export PGROOT PGPORT=${PGPORT:-55432}
cleanup() {
  bash tests/support/postgres-cluster.sh stop || true
  rm -rf "$PGROOT"
}
trap cleanup EXIT
TEST_POSTGRES_URL=$(bash tests/support/postgres-cluster.sh start)
export TEST_POSTGRES_URL
npx vitest run --config tests/vitest.config.ts "$@"
