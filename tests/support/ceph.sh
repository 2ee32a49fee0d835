#!/usr/bin/env bash
# A throwaway single-node Ceph for the storage contract tests: one monitor, one OSD on a sparse
# file, and radosgw (Ceph's S3 service) on 127.0.0.1, with one S3 user. No authentication between
# the daemons (they listen on loopback only); S3 requests are signed and checked as on any S3.
#   ceph.sh start   prints `export CEPH_S3_ENDPOINT=… CEPH_S3_ACCESS_KEY_ID=… CEPH_S3_SECRET_ACCESS_KEY=…`
#                   lines for `eval`; a cluster already running in CEPH_ROOT is reused
#   ceph.sh stop    stops the daemons and removes the cluster's files
# env: CEPH_ROOT (a scratch folder, required), CEPH_PORT (radosgw, 7480), CEPH_MON_PORT (6789)
# Installs Debian's radosgw, ceph-mon and ceph-osd when they are missing and we are root;
# otherwise says what to run. A start that fails stops what it started and removes its files.
set -euo pipefail
CEPH_ROOT=${CEPH_ROOT:?set CEPH_ROOT to a scratch folder for the cluster}
CEPH_PORT=${CEPH_PORT:-7480}
CEPH_MON_PORT=${CEPH_MON_PORT:-6789}
ACCESS_KEY=${CEPH_ACCESS_KEY:-mosaiccontract}
SECRET_KEY=${CEPH_SECRET_KEY:-mosaic-contract-secret-0123456789}
D=$CEPH_ROOT
CONF=$D/ceph.conf
C=(-c "$CONF")
ENDPOINT="http://127.0.0.1:$CEPH_PORT"
DAEMONS=(client.rgw.mosaic osd.0 mon.a)

say() { echo "ceph.sh: $*" >&2; }

ensure_installed() {
  local tool missing=0
  for tool in radosgw radosgw-admin ceph-mon ceph-osd ceph ceph-authtool monmaptool; do
    command -v "$tool" >/dev/null 2>&1 || missing=1
  done
  [ $missing = 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "Ceph is not installed: installing Debian's radosgw, ceph-mon and ceph-osd"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      radosgw ceph-mon ceph-osd ceph-common >/dev/null
  else
    say "Ceph is not installed. Run: sudo apt-get install -y --no-install-recommends radosgw ceph-mon ceph-osd ceph-common"
    exit 1
  fi
}

pid_of() { cat "$D/run/$1.pid" 2>/dev/null || true; }
alive() {
  local pid
  pid=$(pid_of "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# `true` once radosgw answers S3 requests (an anonymous ListBuckets gets a 200).
answering() { [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$ENDPOINT/" 2>/dev/null)" = 200 ]; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

print_env() {
  echo "export CEPH_S3_ENDPOINT=$ENDPOINT"
  echo "export CEPH_S3_ACCESS_KEY_ID=$ACCESS_KEY"
  echo "export CEPH_S3_SECRET_ACCESS_KEY=$SECRET_KEY"
}

stop() {
  local name pid pids=() i alive_pids
  # the data is thrown away: ask all three to stop at once, give them 3 s, then make sure
  for name in "${DAEMONS[@]}"; do
    pid=$(pid_of "$name")
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && pids+=("$pid")
  done
  for i in $(seq 30); do
    alive_pids=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive_pids=1; done
    [ $alive_pids = 0 ] && break
    sleep 0.1
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  # only what start made: the folder itself stays if someone else put files in it
  rm -rf "$D/run" "$D/log" "$D/mon" "$D/osd" "$D/rgw" "$D/keyring" "$D/monmap" "$CONF"
  rmdir "$D" 2>/dev/null || true
}

# on the way out of a start that did not finish: show why, and leave nothing behind
failed() {
  local status=$?
  [ $status = 0 ] && return 0
  say "start failed (exit $status); the last lines of the daemons' logs:"
  tail -n 15 "$D"/log/*.log "$D"/log/*.err >&2 2>/dev/null || true
  stop
  exit $status
}

start() {
  ensure_installed
  if [ -f "$CONF" ] && alive client.rgw.mosaic && alive osd.0 && alive mon.a && answering; then
    print_env
    return 0
  fi
  # a half-started or crashed cluster from an earlier run: throw it away and start over
  [ -f "$CONF" ] && stop
  for port in "$CEPH_PORT" "$CEPH_MON_PORT"; do
    port_free "$port" || {
      say "port $port on 127.0.0.1 is in use: set CEPH_PORT / CEPH_MON_PORT to free ports"
      exit 1
    }
  done
  trap failed EXIT
  mkdir -p "$D"/{run,log,mon,osd/osd.0,rgw}
  local fsid osd_uuid id
  fsid=$(cat /proc/sys/kernel/random/uuid)
  cat >"$CONF" <<CONF
[global]
fsid = $fsid
mon host = 127.0.0.1:$CEPH_MON_PORT
auth cluster required = none
auth service required = none
auth client required = none
auth allow insecure global id reclaim = false
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
mon allow pool size one = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
run dir = $D/run
pid file = $D/run/\$name.pid
admin socket = $D/run/\$name.asok
log file = $D/log/\$name.log
mon data = $D/mon/\$name
osd data = $D/osd/\$name
keyring = $D/keyring
osd objectstore = bluestore
# a sparse file: it takes only the space the tests write
bluestore block path = $D/osd/\$name/block.file
bluestore block create = true
bluestore block size = 10737418240
bluestore block db create = false
bluestore block wal create = false
osd memory target = 1073741824
bluestore cache autotune = false
bluestore cache size = 268435456
[client.rgw.mosaic]
rgw frontends = beast endpoint=127.0.0.1:$CEPH_PORT
rgw data = $D/rgw
rgw dns name = localhost
CONF
  ceph-authtool --create-keyring "$D/keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
  monmaptool --create --add a "127.0.0.1:$CEPH_MON_PORT" --fsid "$fsid" "$D/monmap" >/dev/null
  ceph-mon "${C[@]}" --mkfs -i a --monmap "$D/monmap" --keyring "$D/keyring" 2>"$D/log/mon-mkfs.err"
  ceph-mon "${C[@]}" -i a
  osd_uuid=$(cat /proc/sys/kernel/random/uuid)
  id=$(ceph "${C[@]}" --connect-timeout 60 osd new "$osd_uuid")
  [ "$id" = 0 ] || {
    say "expected the new cluster's first OSD to be osd.0, got osd.$id"
    false
  }
  ceph-osd "${C[@]}" -i 0 --mkfs --osd-uuid "$osd_uuid" 2>"$D/log/osd-mkfs.err"
  ceph-osd "${C[@]}" -i 0 2>"$D/log/osd-start.err"
  radosgw "${C[@]}" -n client.rgw.mosaic 2>"$D/log/rgw-start.err"
  radosgw-admin "${C[@]}" user create --uid=mosaic --display-name="Mosaic contract tests" \
    --access-key="$ACCESS_KEY" --secret="$SECRET_KEY" >/dev/null 2>"$D/log/user-create.err"
  # radosgw creates its pools on the way up: wait (bounded) until it answers S3
  local deadline=$((SECONDS + 120))
  until answering; do
    if [ $SECONDS -ge $deadline ] || { [ -f "$D/run/client.rgw.mosaic.pid" ] && ! alive client.rgw.mosaic; }; then
      say "radosgw did not answer on $ENDPOINT"
      false
    fi
    sleep 0.2
  done
  trap - EXIT
  print_env
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
