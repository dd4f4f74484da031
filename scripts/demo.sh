#!/usr/bin/env bash
# Quick start, command 1: set up, ingest the bundled examples into the default store, show events.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
rc=0
.venv/bin/warta ingest examples || rc=$?
# exit 1 from ingest means "stored, but some inputs failed"; they are listed above
[ "$rc" -le 1 ] || exit "$rc"
.venv/bin/warta events --limit 50
