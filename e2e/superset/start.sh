#!/usr/bin/env bash
# Starts the version's PostgreSQL cluster and Superset (gunicorn, background) with e2e/superset/superset_config.py,
# and waits for /health. Pid file + log in $SUPERSET_HOME. The plugin comes from the wheel setup.sh installed into
# the version's venv. E2E_LOCALE=ru starts the server in Russian (read by superset_config.py at start).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

[ -s "$PG_DATA/PG_VERSION" ] && pg_start
if [ "$E2E_MARIADB" = 1 ] && [ -d "$CP360_MARIADB_ROOT/data/mysql" ]; then bash "$REPO_ROOT/e2e/engines/mariadb.sh" start; fi
pidfile="$SUPERSET_HOME/superset.pid"; log="$SUPERSET_HOME/superset.log"
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  echo "[start] superset already running (pid $(cat "$pidfile")) at $SUPERSET_URL"; exit 0
fi
if curl -fsS -o /dev/null "$SUPERSET_URL/health" 2>/dev/null; then
  echo "[start] something else already answers on $SUPERSET_URL" >&2; exit 1
fi
# gunicorn: 1 worker x 8 threads is enough for one headless browser + API scripts
# and stays light on a 2-core CI machine. SUPERSET_SERVER=flask uses the dev server.
if [ "${SUPERSET_SERVER:-gunicorn}" = flask ]; then
  setsid superset run -h "$SUPERSET_HOST" -p "$SUPERSET_PORT" --with-threads >"$log" 2>&1 </dev/null &
else
  setsid gunicorn --bind "$SUPERSET_HOST:$SUPERSET_PORT" --workers 1 --threads 8 --timeout 120 \
    --access-logfile - "superset.app:create_app()" >"$log" 2>&1 </dev/null &
fi
echo $! >"$pidfile"
t0=$(date +%s)
until curl -fsS -o /dev/null "$SUPERSET_URL/health" 2>/dev/null; do
  if ! kill -0 "$(cat "$pidfile")" 2>/dev/null; then echo "[start] superset died:" >&2; tail -40 "$log" >&2; exit 1; fi
  if [ $(( $(date +%s) - t0 )) -gt 120 ]; then echo "[start] /health timeout" >&2; tail -40 "$log" >&2; exit 1; fi
  sleep 1
done
echo "[start] superset up at $SUPERSET_URL in $(( $(date +%s) - t0 )) s (pid $(cat "$pidfile"), log $log)"
