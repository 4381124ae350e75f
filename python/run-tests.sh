#!/usr/bin/env bash
# python/run-tests.sh VENV OUTPUT_JSON
#
# Installs the freshly built wheel (dist/superset_plugin_chart_customer_profile-*.whl, `npm run build:wheel`) into
# the Superset venv VENV, runs python/tests/ there against a real Superset app, and writes a jest-like summary to
# OUTPUT_JSON: {"numPassedTests", "numFailedTests", "numPendingTests", "numRuntimeErrorTestSuites"}.
# pytest is not installed into VENV: it goes to a separate folder (PYTEST_LIB) appended to sys.path, so the
# venv's own packages keep precedence and the venv gains nothing but the wheel.
set -euo pipefail

VENV="${1:?usage: python/run-tests.sh VENV OUTPUT_JSON}"
OUTPUT_JSON="${2:?usage: python/run-tests.sh VENV OUTPUT_JSON}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$HERE")"
PY="$VENV/bin/python"
[ -x "$PY" ] || { echo "run-tests: no Python at $PY" >&2; exit 2; }

shopt -s nullglob
wheels=("$REPO"/dist/superset_plugin_chart_customer_profile-*.whl)
[ "${#wheels[@]}" -eq 1 ] || { echo "run-tests: expected one wheel in dist/, found ${#wheels[@]}; run npm run build:wheel" >&2; exit 2; }

export CP360_PIP_TMP="${CP360_PIP_TMP:-/tmp/cp360-pip}"
mkdir -p "$CP360_PIP_TMP" "$(dirname "$OUTPUT_JSON")"
pyver="$("$PY" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
PYTEST_LIB="${PYTEST_LIB:-$CP360_PIP_TMP/pytest-lib-$pyver}"
if ! "$PY" -c "import sys; sys.path.append('$PYTEST_LIB'); import pytest" 2>/dev/null; then
  "$PY" -m pip install --quiet --disable-pip-version-check --target "$PYTEST_LIB" 'pytest>=7,<9'
fi

"$PY" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps "${wheels[0]}"

junit="$(mktemp "$CP360_PIP_TMP/junit-XXXXXX.xml")"
status=0
# No .pyc or .pytest_cache in the work tree: tests write nothing tracked.
PYTHONDONTWRITEBYTECODE=1 "$PY" -c "
import sys
sys.path.append('$PYTEST_LIB')
import pytest
sys.exit(pytest.main(['-p', 'no:cacheprovider', '-q', '--disable-warnings', '--junitxml', '$junit', '$HERE/tests']))
" || status=$?

"$PY" - "$junit" "$OUTPUT_JSON" "$status" <<'PYEOF'
import json, sys
import xml.etree.ElementTree as ET

junit, out, status = sys.argv[1], sys.argv[2], int(sys.argv[3])
counts = {"numPassedTests": 0, "numFailedTests": 0, "numPendingTests": 0, "numRuntimeErrorTestSuites": 0}
try:
    root = ET.parse(junit).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    for suite in suites:
        tests, failures, errors, skipped = (int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped"))
        counts["numPassedTests"] += tests - failures - errors - skipped
        counts["numFailedTests"] += failures + errors
        counts["numPendingTests"] += skipped
except (OSError, ET.ParseError):
    pass
# pytest exit 2-4 (interrupted, internal error, usage) or no junit at all: the suite itself broke.
if status not in (0, 1, 5) or sum(counts.values()) == 0:
    counts["numRuntimeErrorTestSuites"] = 1
with open(out, "w") as fh:
    json.dump(counts, fh)
print(f"{counts['numPassedTests']} passed, {counts['numFailedTests']} failed, {counts['numPendingTests']} skipped")
PYEOF
rm -f "$junit"
exit "$status"
