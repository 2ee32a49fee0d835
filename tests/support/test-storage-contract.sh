#!/usr/bin/env bash
# npm run test:storage-contract: Mosaic's storage code against a strict, real S3 implementation,
# Ceph's radosgw (Debian's packages, installed when missing), on a throwaway single-node cluster
# that this script starts and removes when the run ends. Extra arguments go to Vitest.
#   env: CEPH_PORT (radosgw, 7480), CEPH_MON_PORT (the Ceph monitor, 6789)
set -euo pipefail
cd "$(dirname "$0")/../.."
CEPH_ROOT=$(mktemp -d /tmp/mosaic-ceph.XXXXXX)
export CEPH_ROOT
cleanup() {
  bash tests/support/ceph.sh stop || true
  rm -rf "$CEPH_ROOT"
}
trap cleanup EXIT
started=$SECONDS
# Ceph's own start-up loses a race now and then (an OSD that asks the monitor before it knows the
# cluster's id: "wrong fsid"); ceph.sh then removes what it made, and a second start begins afresh.
if ! ceph_env=$(bash tests/support/ceph.sh start); then
  echo "the throwaway Ceph cluster did not come up; starting it once more" >&2
  ceph_env=$(bash tests/support/ceph.sh start)
fi
eval "$ceph_env"
echo "radosgw answering on $CEPH_S3_ENDPOINT after $((SECONDS - started)) s"
npx vitest run --config tests/vitest.storage-contract.config.ts "$@"
