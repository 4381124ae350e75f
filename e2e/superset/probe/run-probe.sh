#!/usr/bin/env bash
# Proves the loader route with the hand-written probe bundle: serves probe/loader-probe.js as
# the dynamic plugin 'loader_probe', runs the browser check and the chart-data REST check.
# Needs setup.sh done. Restarts Superset with the probe's PLUGIN_* env; stops it afterwards
# unless KEEP_RUNNING=1. Env: PW_DIR (default /tmp/pw, playwright-core is npm-installed there).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../env.sh"
PW_DIR="${PW_DIR:-/tmp/pw}"; export PW_DIR
[ -d "$PW_DIR/node_modules/playwright-core" ] || { mkdir -p "$PW_DIR"; (cd "$PW_DIR" && npm init -y >/dev/null && npm i --silent playwright-core@1.65.1); }
probe_dir="$(mktemp -d /tmp/loader-probe.XXXX)"; cp "$E2E_DIR/probe/loader-probe.js" "$probe_dir/index.js"
bash "$E2E_DIR/stop.sh" >/dev/null
PLUGIN_BUNDLE_DIR="$probe_dir" PLUGIN_KEY=loader_probe PLUGIN_NAME="Loader Probe" bash "$E2E_DIR/start.sh"
[ "${KEEP_RUNNING:-0}" = 1 ] || trap 'bash "$E2E_DIR/stop.sh" >/dev/null; rm -rf "$probe_dir"' EXIT
rc=0
DATASET_ID="$(python -c "import json;print(json.load(open('$SUPERSET_HOME/dataset.json'))['dataset_id'])")" \
  node "$E2E_DIR/probe/check-loader.mjs" >"$SUPERSET_HOME/check-loader.json" || rc=1
python - "$SUPERSET_HOME/check-loader.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print("loader probe:", {k: d.get(k) for k in ("ok", "featureFlag", "galleryHasPlugin", "exploreRendered", "savedExploreRendered", "dashboardRendered", "error")})
PY
COLUMNS="${COLUMNS_CHECK:-}" python "$E2E_DIR/probe/chart-data-check.py" >"$SUPERSET_HOME/chart-data-check.json" || rc=1
python -c "import json;d=json.load(open('$SUPERSET_HOME/chart-data-check.json'));print('chart-data:', {k:d.get(k) for k in ('metrics_empty_list_status','chart_data_status','colnames','coltypes','create_chart_status','saved_chart_data_status')})"
exit $rc
