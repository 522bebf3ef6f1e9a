"""Write the offline bundle (``make dist``): one zip a reader unpacks and opens, no server.

Usage: ``python scripts/dist.py --out _build/dist [--pdf _build/book.pdf]
[--pdf-ko _build/book.ko.pdf]``

Contents of ``l1-l2-book.zip`` (one top folder, ``l1-l2-book/``):

- ``index.html``: opens the book (a redirect into ``site/``; double-click it);
- ``site/``: the built HTML (``_build/html``, the Korean edition in ``site/ko/``), which
  loads nothing from the network (MathJax is served from the site);
- ``book.pdf`` and ``book.ko.pdf``: the whole book as one PDF, in English and in Korean
  (when they were built: ``make pdf``);
- ``notebooks/``: the chapter notebooks, each starting with its install cell;
- ``normlib-<version>-py3-none-any.whl``: the library, for ``pip install`` offline
  (point the notebooks at it with ``NORMLIB_SOURCE=<path to the wheel>``);
- ``README.txt``: the above, for the reader.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from install_cell import chapter_notebooks  # noqa: E402

NAME = "l1-l2-book"

README = """\
L1 and L2: norms, normalization and regularization -- offline bundle

Open index.html in a browser (no server, no network needed); every page links to the
same page of the Korean edition (한국어판, site/ko/index.html).
book.pdf is the same book as one PDF{pdf_note}; book.ko.pdf is the Korean edition.

Run the chapters: the notebooks/ folder holds every chapter. With Python 3.11+ and
Jupyter, install the library from the wheel next to this file,

    pip install "{wheel}[plot]"

then open a notebook. (Each notebook's first cell installs normlib when it is missing;
offline, set NORMLIB_SOURCE to the wheel's path first.)
"""

REDIRECT = '<meta http-equiv="Refresh" content="0; url=site/index.html" />\n'


def build_wheel(out_dir):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "-w", str(out_dir), str(ROOT)],
        check=True,
    )
    (wheel,) = Path(out_dir).glob("normlib-*.whl")
    return wheel


def bundle(out, html, pdf=None, pdf_ko=None):
    out = Path(out)
    if not (Path(html) / "index.html").exists():
        sys.exit(f"no built site in {html}: run `make book` first")
    out.mkdir(parents=True, exist_ok=True)
    archive = out / f"{NAME}.zip"
    with tempfile.TemporaryDirectory() as tmp:
        top = Path(tmp) / NAME
        shutil.copytree(html, top / "site")
        (top / "index.html").write_text(REDIRECT, encoding="utf-8")
        if pdf:
            shutil.copy2(pdf, top / "book.pdf")
        if pdf_ko:
            shutil.copy2(pdf_ko, top / "book.ko.pdf")
        (top / "notebooks").mkdir()
        for notebook in chapter_notebooks():
            shutil.copy2(notebook, top / "notebooks" / notebook.name)
        wheel = build_wheel(top)
        note = "" if pdf else " (not in this bundle: it was built without TeX)"
        (top / "README.txt").write_text(
            README.format(pdf_note=note, wheel=wheel.name), encoding="utf-8"
        )
        archive.unlink(missing_ok=True)
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(top.rglob("*")):
                zf.write(path, path.relative_to(tmp))
    return archive


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default="_build/dist")
    parser.add_argument("--html", default=str(ROOT / "_build" / "html"))
    parser.add_argument("--pdf", default=None)
    parser.add_argument("--pdf-ko", default=None)
    args = parser.parse_args(argv)
    archive = bundle(args.out, args.html, args.pdf, args.pdf_ko)
    size = archive.stat().st_size / 1e6
    print(f"offline bundle: {archive} ({size:.1f} MB){'' if args.pdf else ', without PDF'}")


if __name__ == "__main__":
    main()
