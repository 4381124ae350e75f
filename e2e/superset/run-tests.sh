#!/usr/bin/env bash
# The real-Superset suite against one version (SUPERSET_VERSION: 4.1.4, 5.0.0, 6.0.0 or 6.1.0), end to end:
#   1. setup.sh      apt packages if missing, that version's venv (constraints/<version>.txt), metadata DB, PostgreSQL
#                    + demo data for CP360_TODAY, database + dataset registered (idempotent)
#   2. build         the dynamic bundle, dist/dynamic/customer-profile.js (webpack.dynamic.config.js)
#   3. start.sh      Superset serving that bundle as the DYNAMIC_PLUGINS plugin 'customer_profile'
#   4. jest          test/superset (jest.superset.config.js) -> OUTPUT_JSON; screenshots in artifacts/superset/<version>
#   5. stop.sh       always (trap), also on failure or Ctrl-C
# Usage: bash e2e/superset/run-tests.sh OUTPUT_JSON      (exit code: jest's)
# Env: everything env.sh reads; SKIP_SETUP=1 skips step 1 (a machine where setup.sh already ran today).
set -euo pipefail
OUTPUT_JSON="${1:?usage: run-tests.sh OUTPUT_JSON}"
case "$OUTPUT_JSON" in /*) ;; *) OUTPUT_JSON="$PWD/$OUTPUT_JSON" ;; esac
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

t0=$(date +%s); lap=$t0
say() { echo "[run-tests] $*"; }
took() { local now; now=$(date +%s); echo "[run-tests] $1 done in $((now - lap)) s"; lap=$now; }

# Stop whatever start.sh started: Superset's env (PLUGIN_*) is read at start, so never reuse a running one.
cleanup() {
  local rc=$?
  say "stopping Superset and PostgreSQL"
  bash "$E2E_DIR/stop.sh" || true
  say "total $(( $(date +%s) - t0 )) s, exit $rc"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

command -v node >/dev/null 2>&1 || { echo "node is required (and node_modules: npm ci)" >&2; exit 1; }
[ -d node_modules/webpack ] && [ -d node_modules/playwright-core ] \
  || { echo "node_modules is incomplete: run npm ci first" >&2; exit 1; }

if [ "${SKIP_SETUP:-0}" = 1 ]; then
  say "1/4 setup skipped (SKIP_SETUP=1)"
else
  say "1/4 setup of Superset $SUPERSET_VERSION (apt, venv, metadata DB, PostgreSQL + demo data for $CP360_TODAY, dataset)"
  bash "$E2E_DIR/setup.sh"
  took "setup"
fi

say "2/4 building the dynamic bundle"
npx --no-install webpack -c webpack.dynamic.config.js
bundle="$REPO_ROOT/dist/dynamic/customer-profile.js"
[ -s "$bundle" ] || { echo "no bundle at $bundle" >&2; exit 1; }
say "bundle $(stat -c %s "$bundle") bytes, $(gzip -9c "$bundle" | wc -c) gzipped"
took "build"

say "3/4 starting Superset with the bundle"
bash "$E2E_DIR/stop.sh" >/dev/null 2>&1 || true
PLUGIN_BUNDLE_DIR="$REPO_ROOT/dist/dynamic" PLUGIN_BUNDLE_FILE=customer-profile.js \
  PLUGIN_KEY=customer_profile PLUGIN_NAME="Customer Profile 360" bash "$E2E_DIR/start.sh"
listed="$(curl -fsS "$SUPERSET_URL/dynamic-plugins/api/read")"
say "loader list: $listed"
curl -fsS -o /dev/null "$SUPERSET_URL/e2e-plugins/customer-profile.js" || { echo "bundle not served" >&2; exit 1; }
took "start"

say "4/4 jest -c jest.superset.config.js -> $OUTPUT_JSON"
mkdir -p "$(dirname "$OUTPUT_JSON")"
rc=0
SUPERSET_URL="$SUPERSET_URL" SUPERSET_HOME="$SUPERSET_HOME" SUPERSET_VERSION="$SUPERSET_VERSION" \
  npx --no-install jest -c jest.superset.config.js --json --outputFile="$OUTPUT_JSON" || rc=$?
took "tests"

node -e '
const r = require(process.argv[1]);
console.log(`[run-tests] ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped (${r.numTotalTests} tests, ${r.numTotalTestSuites} files)`);
for (const f of r.testResults) for (const a of f.assertionResults)
  if (a.status === "failed") console.log(`[run-tests] FAILED ${a.ancestorTitles.join(" > ")} > ${a.title}`);
' "$OUTPUT_JSON" || true
if [ -f "$SUPERSET_HOME/e2e-observations.json" ]; then
  say "observations ($SUPERSET_HOME/e2e-observations.json):"
  node -e '
const o = require(process.argv[1]);
for (const [k, v] of Object.entries(o)) console.log(`[run-tests]   ${k}: body ${v.body && v.body.background}, chart frame ${v.frame && v.frame.background}` +
  (v.chartProps ? `, chartProps.theme.colorBgContainer ${v.chartProps.theme.colorBgContainer}` : ""));
' "$SUPERSET_HOME/e2e-observations.json" || true
fi
say "screenshots: $(cd "$REPO_ROOT/artifacts/superset/$SUPERSET_VERSION" 2>/dev/null && ls -1 *.png | tr '\n' ' ')"
exit "$rc"
