# Shared settings for setup.sh / start.sh / stop.sh (source it; every value can be overridden).
E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$E2E_DIR/../.." && pwd)"
export SUPERSET_VERSION="${SUPERSET_VERSION:-6.1.0}"
export SUPERSET_VENV="${SUPERSET_VENV:-/tmp/superset-venv}"
export SUPERSET_HOME="${SUPERSET_HOME:-/tmp/superset-home}"
export SUPERSET_CONFIG_PATH="${SUPERSET_CONFIG_PATH:-$E2E_DIR/superset_config.py}"
export SUPERSET_HOST="${SUPERSET_HOST:-127.0.0.1}"
export SUPERSET_PORT="${SUPERSET_PORT:-8088}"
export SUPERSET_URL="http://$SUPERSET_HOST:$SUPERSET_PORT"
export FLASK_APP=superset
# PostgreSQL cluster holding the demo data (its own data dir, run as user postgres)
export PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
export PG_ROOT="${PG_ROOT:-/tmp/superset-pg}"
export PG_DATA="$PG_ROOT/data"
export PG_PORT="${PG_PORT:-5433}"
export PG_DB="${PG_DB:-customer360}"
export PG_USER="${PG_USER:-customer360}"
export PG_PASSWORD="${PG_PASSWORD:-customer360}"
export DEMO_DB_NAME="${DEMO_DB_NAME:-Customer 360 demo}"
export DEMO_DATASET_NAME="${DEMO_DATASET_NAME:-customer_profile_360}"
export DEMO_DB_URI="postgresql+psycopg2://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
export PATH="$SUPERSET_VENV/bin:$PATH"

pg_as_postgres() {  # run a command as the postgres OS user (initdb/pg_ctl refuse root)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  if pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then return 0; fi
  pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_ROOT/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_ROOT -c listen_addresses=127.0.0.1" start >/dev/null
}
