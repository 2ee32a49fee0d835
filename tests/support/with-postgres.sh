#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster (Debian's postgresql, installed when
# missing), created here and removed when the command ends; the command finds the server's URL in
# TEST_POSTGRES_URL. npm run test:postgres runs the Vitest suites this way (extra arguments go to
# Vitest), and the bench its PostgreSQL part.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGROOT=$(mktemp -d /tmp/mosaic-pg.XXXXXX)
# a free port unless one is given, so that two checkouts can run this at once
PGPORT=${PGPORT:-$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')}
export PGROOT PGPORT
cleanup() {
  bash tests/support/postgres-cluster.sh stop || true
  rm -rf "$PGROOT"
}
trap cleanup EXIT
TEST_POSTGRES_URL=$(bash tests/support/postgres-cluster.sh start)
export TEST_POSTGRES_URL
"$@"
