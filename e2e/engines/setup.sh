#!/usr/bin/env bash
# Idempotent set-up of the engines stage: Debian's MariaDB server (binaries only; the system service is never
# used) and the Python venv with the engines, from the pinned requirements.txt. A stamp of the pins and the
# Python version makes a second run install nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

t0=$(date +%s)
need_apt=()
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || need_apt+=(mariadb-server)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "[engines] need root to apt-get install ${need_apt[*]}" >&2; exit 1; fi
  echo "[engines] apt-get install ${need_apt[*]}"
  # Other stages may be installing too: wait for dpkg's lock rather than fail.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
    "${need_apt[@]}" >/dev/null
fi

[ -x "$CP360_ENGINES_PYTHON" ] || python3 -m venv "$CP360_ENGINES_VENV"
stamp="$(cat "$ENGINES_DIR/requirements.txt" <("$CP360_ENGINES_PYTHON" -V 2>&1) | sha256sum | cut -c1-16)"
if [ "$(cat "$CP360_ENGINES_VENV/.cp360-stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "[engines] pip install -r requirements.txt into $CP360_ENGINES_VENV"
  "$CP360_ENGINES_VENV/bin/pip" install -q --disable-pip-version-check -r "$ENGINES_DIR/requirements.txt" 2>&1 \
    | { grep -v "is ignored: it is neither a file nor a directory" || true; }
  "$CP360_ENGINES_PYTHON" -c 'import chdb, duckdb, fakesnow, pymysql, sqlglot' \
    || { echo "[engines] the venv does not import its engines" >&2; exit 1; }
  echo "$stamp" >"$CP360_ENGINES_VENV/.cp360-stamp"
else
  echo "[engines] venv up to date ($CP360_ENGINES_VENV)"
fi
echo "[engines] setup done in $(( $(date +%s) - t0 )) s"
