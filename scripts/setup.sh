#!/usr/bin/env bash
# Creates .venv (once) and installs warta into it; extra arguments are pip extras, e.g. "test".
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
extras=""
[ $# -gt 0 ] && extras="[$(IFS=,; echo "$*")]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
