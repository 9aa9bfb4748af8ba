#!/usr/bin/env bash
# The notebooks in examples/notebooks, on Deno's Jupyter kernel (see its README):
#   bash scripts/notebooks.sh         run every notebook headless; fails on a notebook committed with outputs
#                                     or on any cell that throws (`pnpm notebooks`, a step of `pnpm test`)
#   bash scripts/notebooks.sh clear   strip outputs and execution counts (`pnpm notebooks:clear`)
#   bash scripts/notebooks.sh lab     open them in JupyterLab (`pnpm notebooks:lab`; installs it first)
# Uses the packages' built dist/ (through examples/notebooks/node_modules): run `pnpm build` after changing them.
set -euo pipefail
# shellcheck source=scripts/jupyter-env.sh
source "$(dirname "$0")/jupyter-env.sh"
cd "$root"
notebooks=(examples/notebooks/*.ipynb)
case "${1:-run}" in
  run)
    bash scripts/ensure-jupyter.sh
    exec "$TABLEPIPE_JUPYTER_VENV/bin/python" scripts/run-notebooks.py "${notebooks[@]}"
    ;;
  clear)
    bash scripts/ensure-jupyter.sh
    exec "$TABLEPIPE_JUPYTER_VENV/bin/python" scripts/run-notebooks.py --clear "${notebooks[@]}"
    ;;
  lab)
    bash scripts/ensure-jupyter.sh --lab
    root_flag=()
    [[ "$(id -u)" == "0" ]] && root_flag=(--allow-root) # Jupyter refuses root without it (containers, CI machines)
    exec "$TABLEPIPE_JUPYTER_VENV/bin/jupyter" lab --notebook-dir=examples/notebooks "${root_flag[@]}" "${@:2}"
    ;;
  *)
    echo "usage: bash scripts/notebooks.sh [run|clear|lab [jupyter lab flags]]" >&2
    exit 2
    ;;
esac
