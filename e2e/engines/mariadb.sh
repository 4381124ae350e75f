#!/usr/bin/env bash
# start | stop a private MariaDB for the engines stage: data directory, socket, pid and log under
# $CP360_MARIADB_ROOT, TCP on 127.0.0.1:$CP360_MARIADB_PORT only. Never touches the system service or /var/lib/mysql.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

root="$CP360_MARIADB_ROOT"
data="$root/data"
pidfile="$root/mariadbd.pid"
sock="$root/mariadbd.sock"
bin="$(command -v mariadbd || echo /usr/sbin/mariadbd)"

running() { [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "${1:-}" in
  start)
    if running; then echo "[mariadb] already running (pid $(cat "$pidfile"))"; exit 0; fi
    mkdir -p "$root"
    if [ ! -d "$data/mysql" ]; then
      # root without a password over TCP (the server listens on 127.0.0.1 only and lives for one test run).
      mariadb-install-db --no-defaults --datadir="$data" --user="$(id -un)" \
        --auth-root-authentication-method=normal --skip-test-db >"$root/install.log" 2>&1 \
        || { tail -20 "$root/install.log" >&2; exit 1; }
    fi
    # utf8mb4_bin: text compares by code point, as PostgreSQL's "C" collation of the reference does.
    "$bin" --no-defaults --datadir="$data" --socket="$sock" --pid-file="$pidfile" --log-error="$root/error.log" \
      --port="$CP360_MARIADB_PORT" --bind-address=127.0.0.1 --skip-name-resolve --user="$(id -un)" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_bin --innodb-buffer-pool-size=128M \
      >/dev/null 2>&1 &
    for _ in $(seq 1 120); do
      if [ -S "$sock" ] && running; then echo "[mariadb] up on 127.0.0.1:$CP360_MARIADB_PORT (pid $(cat "$pidfile"))"; exit 0; fi
      sleep 0.5
    done
    echo "[mariadb] did not start; last lines of $root/error.log:" >&2
    tail -20 "$root/error.log" >&2 || true
    exit 1
    ;;
  stop)
    if ! running; then echo "[mariadb] not running"; exit 0; fi
    pid="$(cat "$pidfile")"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || { echo "[mariadb] stopped"; exit 0; }; sleep 0.5; done
    echo "[mariadb] pid $pid did not stop in 30 s; killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
