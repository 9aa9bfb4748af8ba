#!/usr/bin/env bash
# The whole test suite, as the README and CI run it: types, lint, docs, build, the notebooks, tests in two time zones
# (examples included), packaging, and the packages installed from their tarballs outside the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n==> %s\n' "$*" >&2; }

step "typecheck";                 pnpm run typecheck
step "lint";                      pnpm run lint
step "dependencies (no cycles, layering)"; pnpm run deps
step "docs (cli.md, snippets, typedoc)"; pnpm run docs:check
step "build";                     pnpm run build
step "chromium (report tests)";   bash scripts/ensure-chromium.sh
step "notebooks (Jupyter on Deno's kernel, examples/notebooks)"; pnpm run notebooks
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
json() { printf -- '--reporter=default --reporter=json --outputFile.json=%s/%s.json' "$results" "$1"; }
# shellcheck disable=SC2046
step "tests (TZ=America/New_York)"; pnpm run test:unit $(json new-york)
# shellcheck disable=SC2046
# (the Spark tests' "did not run" line, when no server answers, is said once: in the first run)
step "tests (TZ=Asia/Kolkata)";   TABLEPIPE_SPARK_NOTICE=off pnpm run test:tz $(json kolkata)
step "packaging (publint, attw)"; pnpm run test:packaging
step "from npm (pack, install outside the workspace, ESM, CJS, bin, tsc)"; pnpm run test:from-npm

# One plain closing line over both runs, for readers of the log that do not know vitest's summary.
node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0;
  for (const f of fs.readdirSync(process.argv[1])) {
    const r = JSON.parse(fs.readFileSync(`${process.argv[1]}/${f}`, "utf8"));
    passed += r.numPassedTests; failed += r.numFailedTests;
  }
  console.log(`${passed} passed, ${failed} failed`);
' "$results"
