"""Run the notebooks headless, as `pnpm notebooks` does (through scripts/notebooks.sh, with the project's venv).

    run-notebooks.py [--clear] NOTEBOOK...

Each notebook must be committed clean (no outputs, execution counts or times: outputs would go stale) — a dirty one fails
before anything runs; `--clear` strips them instead (`pnpm notebooks:clear`, after saving from Jupyter). Then each
runs top to bottom on its kernel (Deno's) with nbclient, with the notebook's folder as the working directory; the
first cell that throws fails the run with the cell's source and error. The executed copies, outputs included, are
written to .cache/notebooks/ to look at; the committed files are never written by a run.
"""

import argparse
import pathlib
import queue
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionComplete, CellExecutionError, CellTimeoutError
from nbclient.util import ensure_async

CELL_TIMEOUT_S = 300
STARTUP_TIMEOUT_S = 60
ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / ".cache" / "notebooks"


LATE_OUTPUT_WINDOW_S = 0.05


class DenoNotebookClient(NotebookClient):
    """nbclient, tolerant of Deno's kernel (2.9) sometimes publishing a cell's result just after it reports idle.

    nbclient stops collecting a cell's outputs at "idle", so such a result would be missing from the executed copy
    (only the copy: a cell's failure comes with its execute_reply and is never missed). After "idle" this keeps
    listening until no message for the cell arrived for LATE_OUTPUT_WINDOW_S (the late ones seen came < 1 ms late).
    """

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        while True:
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=LATE_OUTPUT_WINDOW_S))
            except queue.Empty:
                return
            if msg["parent_header"].get("msg_id") == parent_msg_id:
                try:
                    self.process_message(msg, cell, cell_index)
                except CellExecutionComplete:
                    pass


def dirty_cells(nb):
    """Indexes of code cells that carry outputs, an execution count or execution times."""
    return [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        and (cell.get("outputs") or cell.get("execution_count") is not None or "execution" in cell.metadata)
    ]


def clear(path):
    nb = nbformat.read(path, as_version=4)
    if not dirty_cells(nb):
        return False
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
    nbformat.write(nb, path)
    return True


def run(path):
    nb = nbformat.read(path, as_version=4)
    dirty = dirty_cells(nb)
    if dirty:
        print(
            f"{path.name}: committed with outputs, execution counts or times in code cells {dirty}; "
            "clear them with `pnpm notebooks:clear`",
            file=sys.stderr,
        )
        return False
    nbformat.validate(nb)
    client = DenoNotebookClient(
        nb,
        timeout=CELL_TIMEOUT_S,
        startup_timeout=STARTUP_TIMEOUT_S,
        kernel_name=nb.metadata.get("kernelspec", {}).get("name", "deno"),
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.monotonic()
    ok = True
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as error:
        print(f"{path.name}: a cell failed\n{error}", file=sys.stderr)
        ok = False
    finally:
        OUT.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, OUT / path.name)
    cells = sum(1 for cell in nb.cells if cell.cell_type == "code")
    status = "ok" if ok else "FAILED"
    print(
        f"{path.name}: {status}, {cells} code cells in {time.monotonic() - started:.1f} s "
        f"(executed copy: {(OUT / path.name).relative_to(ROOT)})",
        file=sys.stderr,
    )
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clear", action="store_true", help="strip outputs and execution counts, run nothing")
    parser.add_argument("notebooks", nargs="+", type=pathlib.Path)
    args = parser.parse_args()
    paths = [p.resolve() for p in args.notebooks]
    if args.clear:
        for p in paths:
            print(f"{p.name}: {'cleared' if clear(p) else 'already clean'}", file=sys.stderr)
        return 0
    results = [run(p) for p in paths]  # every notebook runs, so one run reports all failures
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
