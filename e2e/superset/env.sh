# Shared settings for setup.sh / start.sh / stop.sh / run-tests.sh (source it; every value can be overridden).
# SUPERSET_VERSION picks the host (4.1.4, 5.0.0, 6.0.0 or 6.1.0); each version has its own pinned constraints file,
# venv, metadata DB and PostgreSQL cluster under $E2E_ROOT/<version>, so versions never mix.
E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$E2E_DIR/../.." && pwd)"
export SUPERSET_VERSIONS="4.1.4 5.0.0 6.0.0 6.1.0"
export SUPERSET_VERSION="${SUPERSET_VERSION:-6.1.0}"
case " $SUPERSET_VERSIONS " in *" $SUPERSET_VERSION "*) ;; *)
  echo "SUPERSET_VERSION=$SUPERSET_VERSION: the harness knows $SUPERSET_VERSIONS" >&2; return 1 2>/dev/null || exit 1 ;;
esac
export SUPERSET_CONSTRAINTS="$E2E_DIR/constraints/$SUPERSET_VERSION.txt"
export E2E_ROOT="${E2E_ROOT:-/tmp/cp360-superset}"
export SUPERSET_VENV="${SUPERSET_VENV:-$E2E_ROOT/$SUPERSET_VERSION/venv}"
export SUPERSET_HOME="${SUPERSET_HOME:-$E2E_ROOT/$SUPERSET_VERSION/home}"
# The one reference day of the demo data and the tests (scripts/today.js).
export CP360_TODAY="${CP360_TODAY:-$(node "$REPO_ROOT/scripts/today.js")}"
export SUPERSET_CONFIG_PATH="${SUPERSET_CONFIG_PATH:-$E2E_DIR/superset_config.py}"
export SUPERSET_HOST="${SUPERSET_HOST:-127.0.0.1}"
export SUPERSET_PORT="${SUPERSET_PORT:-8088}"
export SUPERSET_URL="http://$SUPERSET_HOST:$SUPERSET_PORT"
export FLASK_APP=superset
# PostgreSQL cluster holding the demo data (its own data dir, run as user postgres)
export PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
export PG_ROOT="${PG_ROOT:-$E2E_ROOT/$SUPERSET_VERSION/pg}"
export PG_DATA="$PG_ROOT/data"
export PG_PORT="${PG_PORT:-5433}"
export PG_DB="${PG_DB:-customer360}"
export PG_USER="${PG_USER:-customer360}"
export PG_PASSWORD="${PG_PASSWORD:-customer360}"
export DEMO_DB_NAME="${DEMO_DB_NAME:-Customer 360 demo}"
export DEMO_DATASET_NAME="${DEMO_DATASET_NAME:-customer_profile_360}"
export DEMO_DB_URI="postgresql+psycopg2://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
# A second engine behind the same Superset (6.1.0 by default): MariaDB with the same demo data, through PyMySQL.
if [ -z "${E2E_MARIADB:-}" ]; then [ "$SUPERSET_VERSION" = 6.1.0 ] && E2E_MARIADB=1 || E2E_MARIADB=0; fi
export E2E_MARIADB
export CP360_MARIADB_ROOT="${E2E_MARIADB_ROOT:-$E2E_ROOT/$SUPERSET_VERSION/mariadb}"
export CP360_MARIADB_PORT="${E2E_MARIADB_PORT:-3408}"
export MARIADB_DB_NAME="${MARIADB_DB_NAME:-Customer 360 demo (MariaDB)}"
export MARIADB_DB_URI="mysql+pymysql://root@127.0.0.1:$CP360_MARIADB_PORT/cp360"
export PATH="$SUPERSET_VENV/bin:$PATH"

pg_as_postgres() {  # run a command as the postgres OS user (initdb/pg_ctl refuse root)
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  if pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then return 0; fi
  pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_ROOT/postgres.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_ROOT -c listen_addresses=127.0.0.1" start >/dev/null
}
