#!/usr/bin/env bash
# The engines stage: the dataset SQL of each dialect on real engines and emulators, compared through the plugin's
# transformProps with PostgreSQL's (docs/ENGINES.md).
#
#   bash e2e/engines/run-tests.sh OUTPUT_JSON
#
# Sets up (apt + venv, idempotent), starts a private MariaDB on 127.0.0.1:$CP360_MARIADB_PORT (3407), runs
# `jest -c jest.engines.config.js --json --outputFile=OUTPUT_JSON`, and always stops MariaDB. Exit status: jest's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

out="${1:?usage: run-tests.sh OUTPUT_JSON}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
mkdir -p "$(dirname "$out")"
t0=$(date +%s)

bash "$ENGINES_DIR/setup.sh"
trap 'bash "$ENGINES_DIR/mariadb.sh" stop' EXIT
bash "$ENGINES_DIR/mariadb.sh" start
echo "[engines] ready in $(( $(date +%s) - t0 )) s; running jest"

cd "$REPO_ROOT"
status=0
npx jest -c jest.engines.config.js --json --outputFile="$out" || status=$?
echo "[engines] stage done in $(( $(date +%s) - t0 )) s (jest exit $status); report $out"
exit "$status"
