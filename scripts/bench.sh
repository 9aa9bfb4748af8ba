#!/usr/bin/env bash
# `pnpm bench [options]`: build the packages and the harness, then time the tip model end to end against the
# nodejs-polars and DuckDB baselines (bench/, see the README's "Benchmarks"). `pnpm bench --help` for options.
set -euo pipefail
cd "$(dirname "$0")/.."

# Peak memory comes from GNU time when it is there (else the harness polls /proc/<pid>/status).
if [[ ! -x /usr/bin/time && "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
  echo "bench: installing GNU time (apt-get install time)" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; } >/dev/null 2>&1 ||
    echo "bench: could not install GNU time; measuring peak memory from /proc instead" >&2
fi

args=()
for arg in "$@"; do [[ "$arg" == "--" ]] || args+=("$arg"); done

if [[ " ${args[*]-} " == *" --help "* ]]; then exec node bench/dist/main.js --help; fi
echo "bench: building (pnpm build, bench)" >&2
pnpm run build >/dev/null
pnpm --filter @tablepipe/bench run build >/dev/null
exec node bench/dist/main.js "${args[@]+"${args[@]}"}"
