#!/usr/bin/env bash
# Idempotent: installs apache-superset==$SUPERSET_VERSION in its own venv (pinned by constraints/<version>.txt),
# initialises its metadata DB, starts a private PostgreSQL cluster with the demo data for $CP360_TODAY and
# registers it. Each step is skipped when its stamp says it is done (same pins, same day).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

t0=$(date +%s); lap=$t0
step() { local now; now=$(date +%s); echo "[setup] $1 ($((now - lap)) s)"; lap=$now; }

# --- system packages (Debian) -------------------------------------------------
# A fresh Debian image has none of these: python3 + venv (ensurepip) for the Superset venv, curl for start.sh's
# health check, PostgreSQL for the demo data, Chromium (+ Arial/Helvetica-metric fonts) for the browser tests.
need_apt=()
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need_apt+=(python3-venv)
command -v curl >/dev/null 2>&1 || need_apt+=(curl ca-certificates)
[ -x "${PG_BIN:-/nonexistent}/initdb" ] || need_apt+=(postgresql)
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi liberation || need_apt+=(fonts-liberation)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "need root to apt-get install ${need_apt[*]}" >&2; exit 1; fi
  echo "[setup] apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"; export PG_BIN
fi
step "apt packages"

# --- Python venv + Superset -----------------------------------------------------
PYTHON="${PYTHON:-python3}"
[ -x "$SUPERSET_VENV/bin/python" ] || "$PYTHON" -m venv "$SUPERSET_VENV"
[ -f "$SUPERSET_CONSTRAINTS" ] || { echo "no constraints file $SUPERSET_CONSTRAINTS" >&2; exit 1; }
stamp="$(cat "$SUPERSET_CONSTRAINTS" <(echo "$SUPERSET_VERSION pymysql") | sha256sum | cut -c1-16)"
if [ "$(cat "$SUPERSET_VENV/.e2e-stamp" 2>/dev/null)" != "$stamp" ]; then
  # The constraints file pins the whole tree; the extras are needed but undeclared or over-wide:
  # flask-caching 2.5 breaks SupersetMetastoreCache, superset 6.x imports rich and cachetools.
  "$SUPERSET_VENV/bin/pip" install -q --disable-pip-version-check -c "$SUPERSET_CONSTRAINTS" \
    "apache-superset==$SUPERSET_VERSION" psycopg2-binary pymysql rich cachetools flask-caching 2>&1 \
    | { grep -v "is ignored: it is neither a file nor a directory" || true; }
  echo "$stamp" >"$SUPERSET_VENV/.e2e-stamp"
fi
step "pip install"

# --- the plugin, as an admin installs it: the wheel (npm run build:wheel), which superset_config.py imports ---------
shopt -s nullglob
wheels=("$REPO_ROOT"/dist/superset_plugin_chart_customer_profile-*.whl)
shopt -u nullglob
[ ${#wheels[@]} -eq 1 ] || { echo "[setup] expected one wheel in dist/ (npm run build:wheel), found ${#wheels[@]}" >&2; exit 1; }
"$SUPERSET_VENV/bin/pip" install -q --disable-pip-version-check --force-reinstall --no-deps "${wheels[0]}"
step "pip install $(basename "${wheels[0]}")"

# --- Superset metadata DB ---------------------------------------------------------
mkdir -p "$SUPERSET_HOME"
superset db upgrade >"$SUPERSET_HOME/db-upgrade.log" 2>&1 || { tail -30 "$SUPERSET_HOME/db-upgrade.log"; exit 1; }
step "superset db upgrade"
superset fab create-admin --username admin --firstname Admin --lastname User \
  --email admin@example.com --password admin >"$SUPERSET_HOME/create-admin.log" 2>&1 \
  || { tail -30 "$SUPERSET_HOME/create-admin.log"; exit 1; }   # no-op when admin exists
step "superset fab create-admin"
superset init >"$SUPERSET_HOME/init.log" 2>&1 || { tail -30 "$SUPERSET_HOME/init.log"; exit 1; }
step "superset init"

# --- PostgreSQL cluster with the demo data ------------------------------------------
mkdir -p "$PG_ROOT"; chown postgres:postgres "$PG_ROOT" 2>/dev/null || true
if [ ! -s "$PG_DATA/PG_VERSION" ]; then
  pg_as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
pg_start
PSQL=(pg_as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'" | grep -q 1 \
  || "${PSQL[@]}" -d postgres -c "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'"
"${PSQL[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1 \
  || "${PSQL[@]}" -d postgres -c "CREATE DATABASE $PG_DB OWNER $PG_USER"
step "postgres cluster on 127.0.0.1:$PG_PORT"

# Sample data: $SAMPLE_SQL if given, else `node demo/db/load.js --print-sql` when that exists.
sample_sql="${SAMPLE_SQL:-}"
if [ -z "$sample_sql" ] && [ -f "$REPO_ROOT/demo/db/load.js" ]; then
  sample_sql="$SUPERSET_HOME/sample.sql"
  (cd "$REPO_ROOT" && node demo/db/load.js --print-sql --today="$CP360_TODAY") >"$sample_sql" \
    || { echo "[setup] 'node demo/db/load.js --print-sql' failed" >&2; exit 1; }
fi
if [ -n "$sample_sql" ]; then
  [ -f "$sample_sql" ] || { echo "SAMPLE_SQL=$sample_sql: no such file" >&2; exit 1; }
  # run as the owner role so Superset's connection may read what it creates
  PGOPTIONS="--client-min-messages=error" PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" \
    -v ON_ERROR_STOP=1 -q -f "$sample_sql" >/dev/null
  step "sample data loaded from $sample_sql"
else
  echo "[setup] no SAMPLE_SQL and no demo/db/load.js: database $PG_DB left empty"
fi

# --- register the database and the virtual dataset in Superset ------------------------
superset set-database-uri -d "$DEMO_DB_NAME" -u "$DEMO_DB_URI" >"$SUPERSET_HOME/set-db.log" 2>&1 \
  || { tail -30 "$SUPERSET_HOME/set-db.log"; exit 1; }
# Dataset SQL: $DATASET_SQL if given; else demo/db/dataset.sql once sample data is
# loaded (it needs the demo tables); else provision.py's built-in one-row SELECT.
dataset_sql="${DATASET_SQL:-}"
if [ -z "$dataset_sql" ] && [ -n "$sample_sql" ] && [ -f "$REPO_ROOT/demo/db/dataset.sql" ]; then
  dataset_sql="$REPO_ROOT/demo/db/dataset.sql"
fi
[ -z "$dataset_sql" ] || [ -f "$dataset_sql" ] || { echo "DATASET_SQL=$dataset_sql: no such file" >&2; exit 1; }
DATASET_SQL="$dataset_sql" python "$E2E_DIR/provision.py" 2>"$SUPERSET_HOME/provision.log" \
  || { tail -30 "$SUPERSET_HOME/provision.log"; exit 1; }
step "database \"$DEMO_DB_NAME\" + dataset $DEMO_DATASET_NAME registered"

# --- a second engine: MariaDB with the same demo data (E2E_MARIADB=1; on by default for 6.1.0) --------------------
if [ "$E2E_MARIADB" = 1 ]; then
  source "$REPO_ROOT/e2e/engines/env.sh"
  # The engines stage's own set-up: Debian's mariadb-server and the engines' venv (PyMySQL loads the data).
  bash "$REPO_ROOT/e2e/engines/setup.sh" >"$SUPERSET_HOME/engines-setup.log" 2>&1 \
    || { tail -30 "$SUPERSET_HOME/engines-setup.log"; exit 1; }
  bash "$REPO_ROOT/e2e/engines/mariadb.sh" start
  # Loads the generator's data for CP360_TODAY into database cp360 (schema.sql translated, as in the engines stage).
  "$CP360_ENGINES_PYTHON" "$REPO_ROOT/e2e/engines/run_engines.py" --seed "$sample_sql" --out "$SUPERSET_HOME/mariadb" \
    --engines mariadb >"$SUPERSET_HOME/mariadb-load.log" 2>&1 || { tail -30 "$SUPERSET_HOME/mariadb-load.log"; exit 1; }
  superset set-database-uri -d "$MARIADB_DB_NAME" -u "$MARIADB_DB_URI" >"$SUPERSET_HOME/set-db-mariadb.log" 2>&1 \
    || { tail -30 "$SUPERSET_HOME/set-db-mariadb.log"; exit 1; }
  step "MariaDB on 127.0.0.1:$CP360_MARIADB_PORT with the demo data, database \"$MARIADB_DB_NAME\" registered"
fi

echo "[setup] done in $(( $(date +%s) - t0 )) s"
