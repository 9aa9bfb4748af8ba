#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: types, lint, build, tests in two time zones, packaging.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*" >&2; }

step "typecheck";                 pnpm run typecheck
step "lint";                      pnpm run lint
step "build";                     pnpm run build
step "chromium (report tests)";   bash scripts/ensure-chromium.sh
step "tests (TZ=America/New_York)"; pnpm run test:unit
step "tests (TZ=Asia/Kolkata)";   pnpm run test:tz
step "packaging (publint, attw)"; pnpm run test:packaging
