#!/usr/bin/env bash
# `npm test`: every test of the project, stage by stage, then one line per stage and the closing
# `N passed, N failed`.
#
#   unit-react17 / unit-react18   unit and component tests (jsdom) under React 17 (Superset 4.1-6.1's line is 16/17)
#                                 and React 18 (Superset master)
#   unit-antd6                    the same under React 18 + antd 6 (Superset master)
#   browser, demo-api             the live demo in Debian's Chromium; demo-api: the demo's chart-data API stand-in
#   engines                       the dataset SQL on MariaDB, chDB, DuckDB, fakesnow and sqlglot (docs/ENGINES.md)
#   hosts                         the standard install: npm install of the packed plugin into each Superset version
#   distribution                  the npm build and the dynamic bundle register the same chart
#   superset-<version>            a real Superset server per version (e2e/superset), in Chromium, the plugin installed
#                                 from the wheel as an admin installs it
#   wheel-<version>               the pip package's tests (python/tests) against a Superset app of that version
#
# What a stage needs (Chromium, fonts, PostgreSQL, MariaDB, the Superset venvs) is installed when it is missing and
# this runs as root; otherwise the stage says in one line what to install, and is SKIPPED. Under CI=true a skipped
# stage, or one that ran no test, fails the run.
# Options (for a developer's machine; .ci/run refuses them): SKIP_SUPERSET=1 leaves out the real-Superset stages;
# SUPERSET_MATRIX="6.1.0 5.0.0" picks the versions (default: all four); ONLY="unit-react17 browser" picks stages.
set -uo pipefail
cd "$(dirname "$0")/.."
export CP360_TODAY="${CP360_TODAY:-$(node scripts/today.js)}"
REPORTS=artifacts/reports
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
STAGES="$REPORTS/stages.tsv"
: >"$STAGES"
echo "reference day (CP360_TODAY): $CP360_TODAY"

# ONLY="unit browser superset-5.0.0": a stage runs when its name, or the part before its first '-', is listed.
wanted() { [ -z "${ONLY:-}" ] || [[ " $ONLY " == *" $1 "* ]] || [[ " $ONLY " == *" ${1%%-*} "* ]]; }
skip() { printf '%s\tskipped\t%s\n' "$1" "$2" >>"$STAGES"; echo "== $1: SKIPPED ($2)"; }
# run NAME COMMAND...: COMMAND writes a jest-like JSON report to the path passed as its last argument.
run() {
  local name=$1
  shift
  wanted "$name" || return 0
  local report="$PWD/$REPORTS/$name.json"
  echo "== $name"
  local t0=$SECONDS
  "$@" "$report" 2>&1 | grep --line-buffered -v '^npm warn'
  echo "== $name took $((SECONDS - t0)) s"
  printf '%s\tran\t%s\n' "$name" "$report" >>"$STAGES"
}
# jest_run ARGS... REPORT
jest_run() { npx --no-install jest "${@:1:$#-1}" --json --outputFile="${*: -1}"; }
browser_run() { node --experimental-vm-modules node_modules/.bin/jest -c jest.browser.config.js --json --outputFile="$1"; }

# apt-get install what is missing, when allowed (root); otherwise say in one line what to install. Non-zero if absent.
ensure_apt() {
  local what=$1
  shift
  local missing=()
  for pkg in "$@"; do
    case $pkg in
      chromium) command -v chromium >/dev/null 2>&1 || [ -x "${CHROMIUM_PATH:-/nonexistent}" ] || missing+=(chromium) ;;
      fonts-liberation) fc-list 2>/dev/null | grep -qi liberation || missing+=(fonts-liberation) ;;
      *) dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg") ;;
    esac
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing for $what: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      && return 0
  fi
  echo "$what needs: apt-get install ${missing[*]} (as root)" >&2
  return 1
}

# Two workers: jest's default on two cores is one, and each stage has the machine to itself.
run unit-react17 jest_run -w 2
run unit-react18 jest_run -w 2 -c jest.react18.config.js
run unit-antd6 jest_run -w 2 -c jest.antd6.config.js

if wanted browser; then
  if ensure_apt "the browser tests" chromium fonts-liberation; then run browser browser_run
  else skip browser "Chromium is not installed and this user may not install it"; fi
fi

if [ -f e2e/engines/run-tests.sh ] && wanted engines; then run engines bash e2e/engines/run-tests.sh; fi
if [ -f e2e/hosts/check-hosts.sh ] && wanted hosts; then run hosts bash e2e/hosts/check-hosts.sh; fi

# The two distributions: the npm build and the dynamic bundle register the same chart (test/distribution); then the
# wheel (the bundle inside the pip package), built once for every Superset stage below.
run distribution jest_run -c jest.distribution.config.js
if wanted superset || wanted wheel; then
  echo "== building the wheel (npm run build:wheel)"
  if npm run -s build:wheel; then export CP360_WHEEL_BUILT=1; else echo "the wheel did not build" >&2; fi
fi

# The real Superset servers, one version at a time (each with its own venv, metadata DB and PostgreSQL), then the
# pip package's own tests in that version's venv against a Superset app of that version.
for version in ${SUPERSET_MATRIX:-6.1.0 6.0.0 5.0.0 4.1.4}; do
  if [ "${SKIP_SUPERSET:-0}" = 1 ]; then
    wanted "superset-$version" && skip "superset-$version" "SKIP_SUPERSET=1"
    wanted "wheel-$version" && skip "wheel-$version" "SKIP_SUPERSET=1"
    continue
  fi
  run "superset-$version" env SUPERSET_VERSION="$version" bash e2e/superset/run-tests.sh
  if wanted "wheel-$version"; then
    read -r venv home < <(SUPERSET_VERSION=$version bash -c '. e2e/superset/env.sh && echo "$SUPERSET_VENV $SUPERSET_HOME"')
    # The harness's metadata DB of that version (upgraded and initialised) seeds the package's test app.
    if [ -x "$venv/bin/python" ]; then run "wheel-$version" env CP360_PIP_SEED_DB="$home/superset.db" bash python/run-tests.sh "$venv"
    else skip "wheel-$version" "no Superset $version venv at $venv (its superset stage did not set it up)"; fi
  fi
done

node scripts/summarise.js "$STAGES"
