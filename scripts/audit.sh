#!/usr/bin/env bash
# Dependency audit: pip-audit (Apache-2.0) over the packages installed in .venv.
# It never fails CI: known vulnerabilities are printed as warnings, and when the
# vulnerability service (PyPI's JSON API / OSV) cannot be reached it says so and stops.
set -uo pipefail
cd "$(dirname "$0")/.."
venv="${WARTA_AUDIT_VENV:-${TMPDIR:-/tmp}/warta-audit-venv}"
warn() { echo "warning: dependency audit: $*" >&2; }
# pip-audit lives in its own venv so its dependencies never mix with warta's
if [ ! -x "$venv/bin/pip-audit" ]; then
  if ! { python3 -m venv "$venv" && "$venv/bin/python" -m pip install --quiet \
      --disable-pip-version-check "pip-audit>=2.7"; } >/dev/null 2>&1; then
    warn "could not install pip-audit; skipped"
    exit 0
  fi
fi
req="$(mktemp)"; report="$(mktemp)"
trap 'rm -f "$req" "$report"' EXIT
# pinned name==version lines only (the editable warta itself is not on PyPI)
.venv/bin/python -m pip freeze --exclude-editable --disable-pip-version-check 2>/dev/null \
  | grep -E '^[A-Za-z0-9_.-]+==' > "$req"
timeout 600 "$venv/bin/pip-audit" -r "$req" --no-deps --disable-pip --progress-spinner off \
  --format json --output "$report" >/dev/null 2>"$report.err"
status=$?
"$venv/bin/python" - "$report" "$report.err" "$status" <<'PY'
import json, sys
path, err_path, status = sys.argv[1], sys.argv[2], int(sys.argv[3])
try:
    data = json.load(open(path))
except (OSError, ValueError):
    err = open(err_path, errors="replace").read().strip().splitlines()
    print(f"warning: dependency audit: the vulnerability service could not be used "
          f"(exit {status}): {err[-1] if err else 'no report'}", file=sys.stderr)
    sys.exit(0)
deps = data.get("dependencies", [])
audited = [d for d in deps if "skip_reason" not in d]
vulnerable = [d for d in audited if d.get("vulns")]
if deps and not audited:
    print(f"warning: dependency audit: none of {len(deps)} packages could be looked up "
          "(vulnerability service unreachable from here); nothing was audited", file=sys.stderr)
    sys.exit(0)
for d in vulnerable:
    for v in d["vulns"]:
        fix = ", ".join(v.get("fix_versions") or []) or "no fixed version yet"
        print(f"warning: {d['name']} {d['version']}: {v['id']} (fixed in: {fix})", file=sys.stderr)
skipped = len(deps) - len(audited)
print(f"dependency audit: {len(audited)} packages audited, {skipped} skipped, "
      f"{sum(len(d['vulns']) for d in vulnerable)} known vulnerabilities", file=sys.stderr)
PY
rm -f "$report.err"
exit 0
