#!/usr/bin/env bash
# Stops Superset (pid file from start.sh, whole process group), the demo PostgreSQL cluster and MariaDB if it runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

pidfile="$SUPERSET_HOME/superset.pid"
if [ -f "$pidfile" ]; then
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true   # setsid: pgid == pid
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true; }
    echo "[stop] superset (pid $pid) stopped"
  fi
  rm -f "$pidfile"
fi
if [ -s "$PG_DATA/PG_VERSION" ] && pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
  pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null && echo "[stop] postgres stopped"
fi
if [ -s "$CP360_MARIADB_ROOT/mariadbd.pid" ]; then bash "$REPO_ROOT/e2e/engines/mariadb.sh" stop; fi
