#!/usr/bin/env bash
# `npm test`: every test of the project. Unit and component tests under React 17 (Superset 6.x) and React 18
# (Superset master), the browser tests against the demo in Debian's Chromium, and the end-to-end tests in a real
# Superset 6.1. Ends with `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf artifacts/reports && mkdir -p artifacts/reports
reports=()
run() {
  local name=$1
  shift
  echo "== $name"
  "$@" --json --outputFile="artifacts/reports/$name.json" 2>&1 | grep -v '^npm warn'
  reports+=("artifacts/reports/$name.json")
}
run react17 npx jest
run react18 npx jest -c jest.react18.config.js
if [ -f jest.browser.config.js ]; then
  if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
    echo "Chromium is missing: install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH)." >&2
  fi
  run browser node --experimental-vm-modules node_modules/.bin/jest -c jest.browser.config.js
fi
# The real Superset 6.1 (a pip-installed server, PostgreSQL, the dynamic-plugin bundle): SKIP_SUPERSET=1 leaves it out.
if [ "${SKIP_SUPERSET:-0}" != 1 ]; then
  echo "== superset"
  bash e2e/superset/run-tests.sh artifacts/reports/superset.json 2>&1 | grep -v '^npm warn'
  reports+=("artifacts/reports/superset.json")
fi
node scripts/summarise.js "${reports[@]}"
