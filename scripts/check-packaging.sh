#!/usr/bin/env bash
# publint and @arethetypeswrong/cli on every published package (run after `pnpm build`).
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in packages/*/; do
  name=$(node -p "require('./${dir}package.json').name")
  printf -- '-- %s\n' "$name" >&2
  pnpm exec publint --strict "$dir"
  # arquero is ESM-only; CommonJS consumers load it through Node >= 20.19's require(esm), which attw's
  # node10 resolution mode does not model, so that mode is left out.
  pnpm exec attw --pack "$dir" --profile node16 --format ascii
done
