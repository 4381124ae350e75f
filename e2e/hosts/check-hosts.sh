#!/usr/bin/env bash
# The standard install in every released Superset: build and pack the plugin, then install the tarball into a
# stand-in of each release's superset-frontend (check-hosts.js says how, and why --package-lock-only is enough).
#
#   e2e/hosts/check-hosts.sh OUTPUT_JSON            4.1.4, 5.0.0, 6.0.0 and 6.1.0
#   HOSTS="6.1.0 master" e2e/hosts/check-hosts.sh out.json
#   SKIP_BUILD=1 ...                                 pack the lib/ and esm/ already built
#
# Needs the npm registry (package metadata only, no tarballs); work files go to $CP360_HOSTS_DIR
# (default /tmp/cp360-hosts). Exit 0 when every host passes.
set -euo pipefail

out="${1:?usage: e2e/hosts/check-hosts.sh OUTPUT_JSON}"
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${CP360_HOSTS_DIR:-/tmp/cp360-hosts}"
hosts="${HOSTS:-4.1.4 5.0.0 6.0.0 6.1.0}"
mkdir -p "$work"

cd "$root"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  npm run --silent build >/dev/null
fi
# --ignore-scripts: pack what is built, as the README's `npm run build && npm pack` does.
tgz="$(npm pack --silent --ignore-scripts --pack-destination "$work" | tail -1)"
node e2e/hosts/check-hosts.js --tgz "$work/$tgz" --out "$out" --versions "${hosts// /,}"
