"""Open the chapters in JupyterLab as working copies (``make lab``).

Usage: ``python scripts/lab.py [--dir lab] [--port 8888] [--no-browser] [--copy-only]``

- **Working copies, not the tracked notebooks.** Every chapter of ``_toc.yml`` (and
  the other files of ``book/`` they refer to) is copied into ``--dir`` (``lab/``,
  git-ignored) the first time, and never overwritten afterwards: a learner runs, edits
  and saves there, and ``git status`` stays clean. We chose copies over switching
  autosave off because a learner's own notes and answers should be saved. To start a
  chapter afresh, delete its copy; the next ``make lab`` copies it again.
- **Solutions folded.** In the copies, the cells of each ``solution-start`` …
  ``solution-end`` block are collapsed (JupyterLab's ``source_hidden`` and
  ``outputs_hidden``): the learner clicks the bar to open one. ``jupyterlab-myst``
  (pinned in requirements.txt) renders the MyST markup ({term}, {doc}, exercises).
  The chapters' install cell is folded as well (normlib is installed in .venv).
- **As root or not.** ``--allow-root`` is passed only when running as root (containers,
  CI); a normal user needs nothing.

JupyterLab prints the URL to open (with its token) when it is ready; ``--no-browser``
keeps it from opening a browser window.
"""

import argparse
import os
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from install_cell import CELL_ID, chapter_notebooks  # noqa: E402

SOLUTION_START = "{solution-start}"
SOLUTION_END = "{solution-end}"


def fold_solutions(nb):
    """Collapse every cell from a ``solution-start`` cell to its ``solution-end`` cell
    (both included) and return how many cells were folded."""
    folded = 0
    inside = False
    for cell in nb.cells:
        starts = SOLUTION_START in cell.source
        if starts:
            inside = True
        if inside:
            jupyter = cell.metadata.setdefault("jupyter", {})
            jupyter["source_hidden"] = True
            if cell.cell_type == "code":
                jupyter["outputs_hidden"] = True
            folded += 1
        if SOLUTION_END in cell.source:
            inside = False
    return folded


def prepare(lab_dir, book=ROOT / "book"):
    """Copy what is missing into lab_dir; return the list of files copied."""
    lab_dir = Path(lab_dir)
    lab_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for path in sorted(book.rglob("*")):
        relative = path.relative_to(book)
        if path.is_dir() or relative.parts[0].startswith(("_", ".")) or path.suffix == ".ipynb":
            continue  # build extensions and hidden folders stay out; notebooks below
        target = lab_dir / relative
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            copied.append(target)
    for notebook in chapter_notebooks():
        target = lab_dir / notebook.relative_to(book)
        if target.exists():
            continue  # the learner's copy: never overwritten
        nb = nbformat.read(notebook, as_version=4)
        fold_solutions(nb)
        for cell in nb.cells:  # the install cell does nothing here: fold it too
            if cell.get("id") == CELL_ID:
                cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
        nbformat.write(nb, target)
        copied.append(target)
    return copied


def lab_command(lab_dir, port, open_browser, is_root=None):
    is_root = (os.geteuid() == 0) if is_root is None else is_root
    command = [
        str(Path(sys.executable).parent / "jupyter-lab"),
        f"--notebook-dir={Path(lab_dir).resolve()}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # the port asked for, or a clear error
    ]
    if not open_browser:
        command.append("--no-browser")
    if is_root:
        command.append("--allow-root")
    return command


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", default="lab", help="working copies (default: lab/)")
    parser.add_argument("--port", type=int, default=8888)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--copy-only", action="store_true", help="prepare the copies, no lab")
    args = parser.parse_args(argv)
    copied = prepare(args.dir)
    print(f"working copies in {args.dir}/ ({len(copied)} new); book/ is never written to")
    if args.copy_only:
        return 0
    command = lab_command(args.dir, args.port, not args.no_browser)
    print(f"starting JupyterLab on port {args.port}; it prints the URL (with its token) below")
    os.execv(command[0], command)


if __name__ == "__main__":
    sys.exit(main())
