#!/usr/bin/env bash
# Make sure the notebooks can run: a project-local Python virtual environment with the pinned notebook runner
# (examples/notebooks/requirements.txt: nbclient; with --lab also JupyterLab) in .cache/jupyter-venv, and the Deno
# kernel registered in the project-local Jupyter data folder (see scripts/jupyter-env.sh).
# Idempotent and fast when all is there: pip runs only when a requirements file changed (a stamp holds its hash).
# Needs `pnpm install` first (for the deno binary) and python3 with its venv module.
set -euo pipefail
# shellcheck source=scripts/jupyter-env.sh
source "$(dirname "$0")/jupyter-env.sh"
cd "$root"

lab=false
[[ "${1:-}" == "--lab" ]] && lab=true

if [[ ! -x "$TABLEPIPE_DENO" ]]; then
  echo "ensure-jupyter: no deno binary at $TABLEPIPE_DENO: run \`npx pnpm@10.34.9 install\` first" >&2
  exit 1
fi

venv="$TABLEPIPE_JUPYTER_VENV"
install() { # name, requirements file
  local stamp="$venv/.installed-$1" want
  want="$(sha256sum "$2" | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then return 0; fi
  echo "ensure-jupyter: installing $2 into ${venv#"$root"/}" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$2"
  echo "$want" >"$stamp"
}

# Python 3 with a working venv module: installed from Debian's packages when missing and we may (root, apt-get),
# as scripts/ensure-chromium.sh does for Chromium; else a message saying what to install.
apt_python() {
  if [[ "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-jupyter: installing Debian's python3 and python3-venv with apt-get" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv; } >/dev/null
    return 0
  fi
  echo "ensure-jupyter: $1; install Python 3.9 or later with its venv module (Debian: apt-get install python3-venv)" >&2
  exit 1
}

if [[ ! -x "$venv/bin/python" ]]; then
  command -v python3 >/dev/null 2>&1 || apt_python "python3 not found"
  echo "ensure-jupyter: creating a Python virtual environment in ${venv#"$root"/}" >&2
  if ! python3 -m venv "$venv" 2>/dev/null; then
    rm -rf "$venv"
    apt_python "python3 cannot create a virtual environment (no venv/ensurepip module)"
    python3 -m venv "$venv"
  fi
fi
# JupyterLab runs a bundled yarn.js (CommonJS) from the venv; without this, Node takes the repository's
# package.json ("type": "module") for it and prints a stack trace at every start.
echo '{ "type": "commonjs" }' >"$venv/package.json"
install runner examples/notebooks/requirements.txt
if $lab; then install lab examples/notebooks/requirements-lab.txt; fi

# The kernel spec `deno jupyter --install` would write, but here (it always writes to ~/.local/share/jupyter).
spec="$JUPYTER_DATA_DIR/kernels/deno"
mkdir -p "$spec" "$JUPYTER_CONFIG_DIR" "$JUPYTER_RUNTIME_DIR" "$DENO_DIR"
cat >"$spec/kernel.json.new" <<JSON
{
  "argv": ["$TABLEPIPE_DENO", "jupyter", "--kernel", "--conn", "{connection_file}"],
  "display_name": "Deno (tablepipe)",
  "language": "typescript",
  "env": { "DENO_DIR": "$DENO_DIR", "NO_COLOR": "1" }
}
JSON
mv "$spec/kernel.json.new" "$spec/kernel.json"
echo "ensure-jupyter: ready ($("$TABLEPIPE_DENO" --version | head -1), kernel spec in ${spec#"$root"/})" >&2
