#!/usr/bin/env bash
# Make sure a Chromium binary exists for the report's browser test (packages/tip-model/src/report).
# Idempotent: does nothing when $CHROMIUM_PATH or /usr/bin/chromium is already there. Otherwise installs
# Debian's `chromium` with apt-get when running as root; else prints what to install and exits 1.
set -euo pipefail

candidate="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ -x "$candidate" ]]; then
  echo "ensure-chromium: found $candidate" >&2
  exit 0
fi
if [[ -n "${CHROMIUM_PATH:-}" && -x /usr/bin/chromium ]]; then
  echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not executable, but /usr/bin/chromium is" >&2
  exit 0
fi

if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium with apt-get (about 20 s)" >&2
  log="$(mktemp)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "ensure-chromium: apt-get failed (output above)" >&2
    exit 1
  fi
  rm -f "$log"
  if [[ -x /usr/bin/chromium ]]; then
    echo "ensure-chromium: installed /usr/bin/chromium" >&2
    exit 0
  fi
  echo "ensure-chromium: apt-get finished but /usr/bin/chromium is missing" >&2
  exit 1
fi

cat >&2 <<'EOF'
ensure-chromium: no Chromium found (looked at $CHROMIUM_PATH and /usr/bin/chromium).
Install it, then rerun the tests:
  Debian/Ubuntu (as root):  apt-get update && apt-get install -y chromium
  elsewhere:                install Chromium and set CHROMIUM_PATH=/path/to/chromium
EOF
exit 1
