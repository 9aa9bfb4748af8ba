#!/usr/bin/env bash
# The packages as a user gets them: `pnpm pack` every package (after `pnpm build`), install the tarballs
# with npm into a scratch project in the OS temp folder (outside the workspace, so nothing resolves through
# it), then run there: an ES module script, a CommonJS script, the `tip-model` bin (in process and on DuckDB), and
# `tsc --noEmit` over a typed use (examples/from-npm/src/*.ts, the package READMEs' examples, against the published
# .d.ts files).
# Keep the scratch project for a look with FROM_NPM_KEEP=1.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
example="$root/examples/from-npm"
started=$SECONDS
say() { printf 'from-npm: %s\n' "$*" >&2; }
# run directly (`bash scripts/from-npm.sh`) rather than through `npx pnpm run`, no pnpm may be on the PATH: use
# the one the workspace pins (package.json's packageManager), through npx as the README does
if ! command -v pnpm >/dev/null 2>&1; then
  pinned="$(node -p "require('$root/package.json').packageManager")"
  pnpm() { npx --yes "$pinned" "$@"; }
fi

for dir in "$root"/packages/*/; do
  if [[ ! -f "$dir/dist/index.js" || ! -f "$dir/dist/index.cjs" ]]; then
    say "${dir#"$root"/} has no dist/: run \`pnpm build\` first"
    exit 1
  fi
done

scratch="$(mktemp -d "${TMPDIR:-/tmp}/tablepipe-from-npm.XXXXXX")"
case "$scratch/" in
  "$root"/*) say "the temp folder $scratch is inside the workspace; set TMPDIR elsewhere"; exit 1 ;;
esac
if [[ "${FROM_NPM_KEEP:-}" == "1" ]]; then
  say "keeping $scratch"
else
  trap 'rm -rf "$scratch"' EXIT
fi
mkdir -p "$scratch/tarballs" "$scratch/project"

say "packing"
for dir in "$root"/packages/*/; do
  (cd "$dir" && pnpm pack --pack-destination "$scratch/tarballs" >/dev/null)
done
for tarball in "$scratch"/tarballs/*.tgz; do
  listing="$(tar tzf "$tarball")"
  for file in package/dist/index.js package/dist/index.cjs package/dist/index.d.ts package/dist/index.d.cts; do
    grep -qx "$file" <<<"$listing" || {
      say "$(basename "$tarball") lacks ${file#package/} (was dist/ rebuilt while packing? rerun)"
      exit 1
    }
  done
  say "  $(basename "$tarball"): $(wc -l <<<"$listing") files"
done

say "installing the tarballs with npm in $scratch/project"
cd "$scratch/project"
cat >package.json <<'JSON'
{ "name": "tablepipe-from-npm-scratch", "version": "1.0.0", "private": true, "type": "module" }
JSON
npm install --no-audit --no-fund --loglevel=error --prefer-offline \
  "$scratch"/tarballs/*.tgz "@types/node@^20.19.0" >&2

# Every @tablepipe package must come from the tarballs, installed once (no copy from a registry or the workspace).
for name in core io job transforms models testing tip-model duckdb sql spark; do
  resolved="$(node -p "require.resolve('@tablepipe/$name/package.json')")"
  [[ "$resolved" == "$scratch/project/node_modules/@tablepipe/$name/package.json" ]] || {
    say "@tablepipe/$name resolves to $resolved"
    exit 1
  }
done
say "  $(npm ls --depth=3 @uwdata/flechette 2>/dev/null | grep -o 'flechette@[0-9.]*' | sort -u | tr '\n' ' ')"
copies="$(find node_modules -path '*/@tablepipe/core/package.json' | wc -l)"
[[ "$copies" == "1" ]] || { say "expected one copy of @tablepipe/core, found $copies"; exit 1; }

# @tablepipe/core as published: no dependencies of its own (arquero and zod are peers), no Node built-in.
core_deps="$(node -p "const p = require('@tablepipe/core/package.json'); JSON.stringify({ dependencies: p.dependencies ?? {}, peerDependencies: p.peerDependencies })")"
say "@tablepipe/core: $core_deps"
node -e "const d = require('@tablepipe/core/package.json').dependencies ?? {}; if (Object.keys(d).length) { console.error('@tablepipe/core has dependencies: ' + Object.keys(d)); process.exit(1); }"
if grep -lE "from ['\"]node:|require\(['\"]node:" node_modules/@tablepipe/core/dist/*.js node_modules/@tablepipe/core/dist/*.cjs; then
  say "@tablepipe/core's build imports a Node built-in (files above)"
  exit 1
fi

cp "$example/consumer/esm.mjs" "$example/consumer/cjs.cjs" "$example/consumer/tsconfig.json" .
cp -R "$example/src" src

say "ESM script";      node esm.mjs
say "CommonJS script"; node cjs.cjs
say "tip-model bin"
# the CLI's compiled code is kept in the scratch project, not the user's cache folder
export TABLEPIPE_COMPILE_CACHE="$scratch/compile-cache"
./node_modules/.bin/tip-model --help >/dev/null
# with source maps on, the bundle is required (no cache): it runs the same
[[ "$(node --enable-source-maps ./node_modules/.bin/tip-model --version)" == "$(./node_modules/.bin/tip-model --version)" ]] ||
  { say "tip-model --version differs under --enable-source-maps"; exit 1; }
./node_modules/.bin/tip-model sample --rows 3000 --out sample >&2
./node_modules/.bin/tip-model --data-dir sample --output-dir out --log-level warn >&2
for file in model.json metrics.json predictions.csv report.html; do
  [[ -s "out/$file" ]] || { say "tip-model wrote no out/$file"; exit 1; }
done
caches="$(find "$TABLEPIPE_COMPILE_CACHE" -name '*.v8cache' | wc -l)"
[[ "$caches" == "3" ]] || { say "expected the help, sample and run commands' compile caches, found $caches"; exit 1; }
# the second run reads the code cache the first one wrote
./node_modules/.bin/tip-model --data-dir sample --output-dir out-cached --log-level warn >&2
cmp out/predictions.csv out-cached/predictions.csv || { say "a run from the compile cache predicted otherwise"; exit 1; }
# the CLI bundles @duckdb/node-api's JavaScript and loads its native binding from the install
./node_modules/.bin/tip-model --data-dir sample --output-dir out-duckdb --engine duckdb --log-level warn >&2
cmp out/predictions.csv out-duckdb/predictions.csv || { say "--engine duckdb predicted otherwise"; exit 1; }
say "tsc --noEmit over examples/from-npm/src (the package READMEs' examples; strict, NodeNext)"
node "$root/node_modules/typescript/bin/tsc" -p tsconfig.json

say "ok in $((SECONDS - started)) s"
