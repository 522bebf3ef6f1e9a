"""Give every chapter a first cell that installs normlib where it is missing.

Usage: ``python scripts/install_cell.py`` (update every chapter of ``_toc.yml``),
``python scripts/install_cell.py --check`` (exit 1 if a chapter lacks the cell or
has an outdated one; changes nothing).

A chapter opened on Colab, downloaded from the book, or copied alone into an empty
folder has no ``normlib`` next to it, and its ``import normlib as nl`` fails. The cell
written here installs normlib from the project's repository in that case, and does
nothing (prints nothing) where normlib is importable: in the book's own ``.venv``, on
Binder (``binder/postBuild`` installs it), so the book build and nbval see no change.

The repository is named in one place, ``repository.url`` and ``repository.branch`` of
``_config.yml`` (the launch buttons of the site are built from the same keys);
``tests/test_anywhere.py`` checks the notebooks, the README and the Binder files against
it. The environment variable ``NORMLIB_SOURCE`` replaces the install source (any pip
requirement: a wheel file, a local folder, another URL); the tests use it to install a
wheel built from the checkout, offline.

The script is idempotent: it inserts the cell (id ``install-normlib``) before the first
cell, or rewrites it in place, and leaves every other cell untouched.
"""

import argparse
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
CELL_ID = "install-normlib"
# `remove-cell`: the book's pages and the PDF do not show it (a reader of the site runs
# nothing, and the cell prints nothing in the book's environment); the notebook itself,
# as opened on Colab, Binder, JupyterLab or downloaded, keeps it as its first cell.
CELL_TAGS = ["remove-cell"]

TEMPLATE = '''\
# Run this chapter anywhere: install normlib, the book's library, if it is missing
# (Colab, a downloaded notebook, a fresh folder). Where it is installed, nothing happens.
import importlib.util
import os
import subprocess
import sys

if importlib.util.find_spec("normlib") is None:
    source = os.environ.get("NORMLIB_SOURCE", "{source}")
    pip = [sys.executable, "-m", "pip", "install", "--quiet", source]
    done = subprocess.run(pip, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"could not install normlib from {{source}}:\\n{{done.stderr}}")
    importlib.invalidate_caches()
    print(f"installed normlib from {{source}}")'''


def repository(root=ROOT):
    """The repository URL and branch, from ``_config.yml`` (the one place they are named)."""
    config = yaml.safe_load((Path(root) / "_config.yml").read_text(encoding="utf-8"))
    repo = config["repository"]
    return repo["url"].rstrip("/"), repo.get("branch", "main")


def install_source(root=ROOT):
    """The pip requirement that installs normlib (with its plotting extra) from the repository.

    A branch archive rather than ``git+``: it needs no git on the learner's machine.
    """
    url, branch = repository(root)
    return f"normlib[plot] @ {url}/archive/refs/heads/{branch}.zip"


def cell_source(root=ROOT):
    return TEMPLATE.format(source=install_source(root))


def toc_files(root=ROOT):
    """Every page listed in ``_toc.yml`` (``book/01_norms``, ...), in reading order."""
    root = Path(root)
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections", []))

    walk(toc.get("chapters", []))
    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    return files


def chapter_notebooks(root=ROOT):
    """Every notebook listed in ``_toc.yml``, in reading order."""
    root = Path(root)
    return [root / f"{name}.ipynb" for name in toc_files(root)
            if (root / f"{name}.ipynb").exists()]


def new_cell(root=ROOT):
    cell = nbformat.v4.new_code_cell(cell_source(root))
    cell.id = CELL_ID
    cell.metadata = {"tags": list(CELL_TAGS)}
    return cell


def has_current_cell(nb, root=ROOT):
    if not nb.cells:
        return False
    first = nb.cells[0]
    return (
        first.get("id") == CELL_ID
        and first.cell_type == "code"
        and first.source == cell_source(root)
        and first.metadata.get("tags") == CELL_TAGS
        and not first.get("outputs")
    )


def apply(path, root=ROOT):
    """Insert or update the install cell of one notebook; return True if the file changed."""
    nb = nbformat.read(path, as_version=4)
    if has_current_cell(nb, root):
        return False
    nb.cells = [cell for cell in nb.cells if cell.get("id") != CELL_ID]
    nb.cells.insert(0, new_cell(root))
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report, change nothing")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every chapter")
    args = parser.parse_args(argv)
    notebooks = args.notebooks or chapter_notebooks()
    stale = []
    for path in notebooks:
        if args.check:
            if not has_current_cell(nbformat.read(path, as_version=4)):
                stale.append(path)
        elif apply(path):
            print(f"install cell written: {path}")
    if stale:
        names = " ".join(str(p) for p in stale)
        print(f"no current install cell in: {names} (run scripts/install_cell.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
