#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: loopback only, its own port and socket folder,
# trust authentication, C.UTF-8 (the byte order SQLite uses), durability off for speed.
#   postgres-cluster.sh start|stop     env: PGROOT (a scratch folder), PGPORT (55432)
# Installs Debian's postgresql when it is missing and we are root; otherwise says what to run.
set -euo pipefail
PGROOT=${PGROOT:?set PGROOT to a scratch folder}
PGPORT=${PGPORT:-55432}
DATA=$PGROOT/data

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ -z "$(bin_dir)" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "PostgreSQL is not installed: installing Debian's postgresql package" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "PostgreSQL is not installed. Run: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
fi
BIN=$(bin_dir)

# initdb and postgres refuse to run as root: run them as the postgres account when we are root.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  as() { (cd "$PGROOT" && runuser -u postgres -- "$@"); }
  mkdir -p "$PGROOT"
  chown postgres "$PGROOT"
else
  as() { "$@"; }
  mkdir -p "$PGROOT"
fi

case "${1:-start}" in
  start)
    if [ ! -f "$DATA/PG_VERSION" ]; then
      as "$BIN/initdb" -D "$DATA" --username=postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PGROOT/initdb.log"
    fi
    as "$BIN/pg_ctl" -D "$DATA" -l "$PGROOT/postgres.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGROOT -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
  stop)
    if [ -f "$DATA/postmaster.pid" ]; then as "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
