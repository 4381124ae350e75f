#!/usr/bin/env bash
# `npm run screenshots`: copies the screenshots the README shows from the last test run (under artifacts/, never
# tracked) into docs/screenshots/. Tests never write tracked files; this explicit command is how the pictures in the
# README are refreshed. Run `npm test` (or one stage of it) first.
set -euo pipefail
cd "$(dirname "$0")/.."
copied=0
copy() {  # copy SOURCE_DIR DEST_DIR NAMES...
  local from=$1 to=$2
  shift 2
  mkdir -p "$to"
  for name in "$@"; do
    if [ -f "$from/$name" ]; then cp "$from/$name" "$to/$name"; copied=$((copied + 1)); echo "  $to/$name"
    else echo "  (no $from/$name: run the stage that takes it)"; fi
  done
}
copy artifacts/screenshots docs/screenshots/demo light-full-overview.png dark-full-overview.png light-tile-overview.png dark-tile-overview.png light-full-revenue-history.png dark-full-health-risk.png
for version in 4.1.4 5.0.0 6.0.0 6.1.0; do
  [ -d "artifacts/superset/$version" ] || continue
  copy "artifacts/superset/$version" "docs/screenshots/superset/$version" \
    gallery-light.png explore-light.png explore-dark.png dashboard-light.png dashboard-dark.png explore-ru.png \
    citizen-cross-filter-out.png citizen-context-menu.png citizen-drill-to-detail.png citizen-two-instances.png \
    public-dashboard.png embedded-crm-light.png embedded-crm-dark.png dashboard-download.png dashboard-export-page-1.png
done
echo "$copied screenshots copied"
