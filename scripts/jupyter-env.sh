# Sourced by scripts/ensure-jupyter.sh and scripts/notebooks.sh: where the notebooks' Jupyter lives. Everything is
# under .cache/ (ignored): the Python virtual environment, Jupyter's data (the Deno kernel spec), config and runtime
# folders, and Deno's cache. Nothing is read from or written to the user's ~/.local/share/jupyter or ~/.jupyter.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TABLEPIPE_JUPYTER_VENV="$root/.cache/jupyter-venv"
export JUPYTER_DATA_DIR="$root/.cache/jupyter/data"
export JUPYTER_PATH="$JUPYTER_DATA_DIR"
export JUPYTER_CONFIG_DIR="$root/.cache/jupyter/config"
export JUPYTER_RUNTIME_DIR="$root/.cache/jupyter/runtime"
export JUPYTER_PLATFORM_DIRS=1
# The deno binary from the npm package `deno` (a devDependency of examples/notebooks; its postinstall links the
# binary of @deno/<platform> here).
export TABLEPIPE_DENO="$root/examples/notebooks/node_modules/deno/deno"
export DENO_DIR="$root/.cache/deno"
