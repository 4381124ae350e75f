#!/usr/bin/env bash
# The real-Superset suite against one version (SUPERSET_VERSION: 4.1.4, 5.0.0, 6.0.0 or 6.1.0), end to end:
#   1. build         the wheel (npm run build:wheel: the dynamic bundle inside the pip package), unless
#                    CP360_WHEEL_BUILT=1 says scripts/test.sh built it for this run already
#   2. setup.sh      apt packages if missing, that version's venv (constraints/<version>.txt) with the wheel installed
#                    as an admin installs it, metadata DB, PostgreSQL + demo data for CP360_TODAY, dataset (idempotent)
#   3. start.sh      Superset with e2e/superset/superset_config.py (the admin's lines + test-only settings)
#   4. jest          test/superset (jest.superset.config.js) -> OUTPUT_JSON; screenshots in artifacts/superset/<version>
#   5. language      on E2E_RU_VERSION (default 4.1.4): Superset restarted with BABEL_DEFAULT_LOCALE = 'ru', and
#                    test/superset/language.test.ts run alone; its results are added to OUTPUT_JSON
#   6. stop.sh       always (trap), also on failure or Ctrl-C
# Usage: bash e2e/superset/run-tests.sh OUTPUT_JSON      (exit code: non-zero when a test failed)
# Env: everything env.sh reads; SKIP_SETUP=1 skips step 2 (a machine where setup.sh already ran with this wheel).
set -euo pipefail
OUTPUT_JSON="${1:?usage: run-tests.sh OUTPUT_JSON}"
case "$OUTPUT_JSON" in /*) ;; *) OUTPUT_JSON="$PWD/$OUTPUT_JSON" ;; esac
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$REPO_ROOT"

t0=$(date +%s); lap=$t0
say() { echo "[run-tests] $*"; }
took() { local now; now=$(date +%s); echo "[run-tests] $1 done in $((now - lap)) s"; lap=$now; }

# Stop whatever start.sh started: its environment (E2E_LOCALE) is read at start, so never reuse a running one.
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

if [ "${CP360_WHEEL_BUILT:-0}" = 1 ]; then
  say "1/5 wheel already built for this run"
else
  say "1/5 building the wheel (npm run build:wheel)"
  npm run -s build:wheel
  took "build"
fi

if [ "${SKIP_SETUP:-0}" = 1 ]; then
  say "2/5 setup skipped (SKIP_SETUP=1)"
else
  say "2/5 setup of Superset $SUPERSET_VERSION (apt, venv + wheel, metadata DB, PostgreSQL + demo data for $CP360_TODAY, dataset)"
  bash "$E2E_DIR/setup.sh"
  took "setup"
fi

# The loader's list and the bundle, as a signed-in user's browser gets them.
check_plugin() {
  local jar listed bundle_url type
  jar="$(mktemp)"
  curl -fsS -c "$jar" -b "$jar" -o /dev/null -d "username=admin&password=admin" "$SUPERSET_URL/login/"
  listed="$(curl -fsS -b "$jar" "$SUPERSET_URL/dynamic-plugins/api/read")"
  say "loader list: $listed"
  bundle_url="$(node -e 'const r = JSON.parse(process.argv[1]).result.find(p => p.key === "customer_profile"); process.stdout.write(r ? r.bundle_url : "")' "$listed")"
  [ -n "$bundle_url" ] || { echo "customer_profile is not in the loader's list" >&2; return 1; }
  type="$(curl -fsS -b "$jar" -o /dev/null -w '%{content_type}' "$SUPERSET_URL$bundle_url")"
  case "$type" in *javascript*) say "bundle $bundle_url served as $type" ;; *) echo "bundle $bundle_url served as '$type'" >&2; return 1 ;; esac
  rm -f "$jar"
}

say "3/5 starting Superset $SUPERSET_VERSION"
bash "$E2E_DIR/stop.sh" >/dev/null 2>&1 || true
bash "$E2E_DIR/start.sh"
check_plugin
took "start"

say "4/5 jest -c jest.superset.config.js -> $OUTPUT_JSON"
mkdir -p "$(dirname "$OUTPUT_JSON")"
rc=0
SUPERSET_URL="$SUPERSET_URL" SUPERSET_HOME="$SUPERSET_HOME" SUPERSET_VERSION="$SUPERSET_VERSION" \
  npx --no-install jest -c jest.superset.config.js --json --outputFile="$OUTPUT_JSON" || rc=$?
took "tests"

if [ "$SUPERSET_VERSION" = "${E2E_RU_VERSION:-4.1.4}" ]; then
  say "5/5 Superset $SUPERSET_VERSION restarted with BABEL_DEFAULT_LOCALE = 'ru': the language test alone"
  bash "$E2E_DIR/stop.sh" >/dev/null 2>&1 || true
  E2E_LOCALE=ru bash "$E2E_DIR/start.sh"
  ru_json="${OUTPUT_JSON%.json}.ru.json"
  E2E_LOCALE=ru SUPERSET_URL="$SUPERSET_URL" SUPERSET_HOME="$SUPERSET_HOME" SUPERSET_VERSION="$SUPERSET_VERSION" \
    npx --no-install jest -c jest.superset.config.js test/superset/language.test.ts --json --outputFile="$ru_json" || rc=$?
  # One report for the stage: the Russian server's results added to the main run's.
  node -e '
const fs = require("fs");
const [main, extra] = process.argv.slice(1).map(f => JSON.parse(fs.readFileSync(f, "utf8")));
for (const k of ["numPassedTests", "numFailedTests", "numPendingTests", "numTotalTests", "numRuntimeErrorTestSuites", "numTotalTestSuites"])
  main[k] = (main[k] || 0) + (extra[k] || 0);
main.testResults = [...main.testResults, ...extra.testResults.map(f => ({ ...f, name: f.name + " (server default locale ru)" }))];
fs.writeFileSync(process.argv[1], JSON.stringify(main));
' "$OUTPUT_JSON" "$ru_json" || rc=1
  took "language"
else
  say "5/5 the Russian-default server is started for ${E2E_RU_VERSION:-4.1.4} only"
fi

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
for (const [k, v] of Object.entries(o)) {
  if (v && (v.body || v.frame)) console.log(`[run-tests]   ${k}: body ${v.body && v.body.background}, chart frame ${v.frame && v.frame.background}` +
    (v.chartProps ? `, chartProps.theme.colorBgContainer ${v.chartProps.theme.colorBgContainer}` : ""));
  else console.log(`[run-tests]   ${k}: ${JSON.stringify(v).slice(0, 300)}`);
}
' "$SUPERSET_HOME/e2e-observations.json" || true
fi
say "screenshots: $(cd "$REPO_ROOT/artifacts/superset/$SUPERSET_VERSION" 2>/dev/null && ls -1 *.png | tr '\n' ' ')"
exit "$rc"
