#!/usr/bin/env bash
# The Vitest suites on PostgreSQL (npm run test:postgres, inside with-postgres.sh). The page
# cache's data version on PostgreSQL is the cluster's snapshot (decision 21), which a write to any
# database of the cluster moves: other test files' writes, in their own databases on the same
# cluster, could end its kept pages midway through a test. So its file runs after the others,
# alone on the cluster. With arguments (a targeted run), one Vitest run with them.
set -euo pipefail
vitest=(npx vitest run --config tests/vitest.config.ts)
if [ $# -gt 0 ]; then exec "${vitest[@]}" "$@"; fi
"${vitest[@]}" --exclude tests/integration/page-cache.test.ts
"${vitest[@]}" tests/integration/page-cache.test.ts
