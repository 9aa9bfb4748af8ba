#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: types, lint, docs, build, tests in two time zones (examples
# included), packaging, and the packages installed from their tarballs outside the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*" >&2; }

step "typecheck";                 pnpm run typecheck
step "lint";                      pnpm run lint
step "docs (cli.md, snippets, typedoc)"; pnpm run docs:check
step "build";                     pnpm run build
step "chromium (report tests)";   bash scripts/ensure-chromium.sh
step "tests (TZ=America/New_York)"; pnpm run test:unit
step "tests (TZ=Asia/Kolkata)";   pnpm run test:tz
step "packaging (publint, attw)"; pnpm run test:packaging
step "from npm (pack, install outside the workspace, ESM, CJS, bin, tsc)"; pnpm run test:from-npm
