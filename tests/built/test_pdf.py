"""The PDF of the whole book (``make pdf``; ``make pdf-test`` runs this after it).

Every expectation is derived from the sources, so that a new chapter is checked without
editing this file: the chapter titles from ``_toc.yml`` and the notebooks' first heading,
the figures from the chapters' stored PNG outputs, the Korean terms from the glossary.
Needs poppler-utils (``pdftotext``, ``pdffonts``, ``pdfinfo``, ``pdfimages``), installed
with TeX by ``.ci/run``.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
PDF = ROOT / "_build" / "book.pdf"
LOG = ROOT / "_build" / "pdf" / "_build" / "latex" / "book.log"
sys.path.insert(0, str(ROOT / "scripts"))
import install_cell  # noqa: E402  (the one reader of _toc.yml's chapter list)

TOOLS = ("pdftotext", "pdffonts", "pdfinfo", "pdfimages")
if not PDF.exists() or not all(shutil.which(t) for t in TOOLS):
    reason = "PDF tests skipped: run `make pdf` (needs TeX, poppler-utils: .ci/run installs them)"
    if os.environ.get("CI"):
        pytest.exit(reason.replace("skipped", "cannot run") + " (CI is set)", 1)
    pytest.skip(reason, allow_module_level=True)


def _run(*args):
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def text():
    # -layout off: words of a title stay in reading order; join hyphenated line ends
    raw = _run("pdftotext", "-enc", "UTF-8", str(PDF), "-")
    # Sphinx's smart quotes print the titles' ' and " as curly quotes: compare them as typed
    raw = raw.translate(str.maketrans("‘’“”", "''\"\""))
    return re.sub(r"\s+", " ", raw)


def toc_sources():
    """Every page of _toc.yml: its notebook, or its Markdown file."""
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]]

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                names.append(entry["file"])
            walk(entry.get("sections", []))

    walk(toc.get("chapters", []))
    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    sources = []
    for name in names:
        for suffix in (".ipynb", ".md"):
            if (ROOT / f"{name}{suffix}").exists():
                sources.append(ROOT / f"{name}{suffix}")
                break
    return sources


def title_of(source):
    if source.suffix == ".ipynb":
        nb = nbformat.read(source, as_version=4)
        markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    else:
        markdown = source.read_text(encoding="utf-8")
    match = re.search(r"^# (.+)$", markdown, re.M)
    assert match, f"{source} has no title"
    return match.group(1).strip()


def _plain(title):
    """A title as pdftotext gives it: MyST markup and TeX gone, whitespace single."""
    title = re.sub(r"\{[a-z]+\}`([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", title)  # {term}`x`
    title = title.replace("`", "").replace("*", "")
    return re.sub(r"\s+", " ", title)


SOURCES = toc_sources()


def test_every_page_of_the_toc_is_found():
    assert len(SOURCES) >= len(install_cell.chapter_notebooks()) + 3  # + intro, glossary, refs


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_every_chapter_title_is_in_the_pdf(source, text):
    title = _plain(title_of(source))
    if "$" in title:  # math in a title: compare the words around it
        for part in re.split(r"\$[^$]*\$", title):
            assert part.strip() in text, f"{part!r} of {source.name}"
    else:
        assert title in text, f"{title!r} ({source.name}) not in the PDF"


def test_no_unresolved_references(text):
    assert "??" not in text
    log = LOG.read_text(encoding="utf-8", errors="replace")
    assert "There were undefined references" not in log
    assert not re.search(r"Reference `[^']*' on page \d+ undefined", log)


def test_no_missing_glyphs():
    # xelatex logs every character its font lacks (and prints nothing in the PDF)
    log = LOG.read_text(encoding="utf-8", errors="replace")
    missing = re.findall(r"Missing character: There is no .*", log)
    assert missing == []


def test_every_font_is_embedded():
    rows = _run("pdffonts", str(PDF)).splitlines()[2:]
    assert rows
    for row in rows:
        # columns: name type encoding emb sub uni object ID; the yes/no flags are
        # the 3rd-5th fields from the right
        fields = row.split()
        assert fields[-5] == "yes", f"font not embedded: {row}"


def test_korean_glossary_terms_are_rendered(text):
    glossary = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    hangul = set(re.findall(r"[\uac00-\ud7a3]+", glossary))
    assert len(hangul) > 10
    missing = sorted(word for word in hangul if word not in text)
    assert missing == []
    fonts = _run("pdffonts", str(PDF))
    assert "Nanum" in fonts


def test_page_count_is_sane():
    info = _run("pdfinfo", str(PDF))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    chapters = len(install_cell.chapter_notebooks())
    # measured: 153 pages for 8 notebooks; a broken build gives a handful, a runaway
    # (every output page-broken) far more
    assert 6 * chapters <= pages <= 60 * chapters


def test_every_figure_is_in_the_pdf():
    figures = 0
    for notebook in install_cell.chapter_notebooks():
        nb = nbformat.read(notebook, as_version=4)
        for cell in nb.cells:
            tags = cell.get("metadata", {}).get("tags", [])
            if cell.cell_type != "code" or {"remove-cell", "remove-output"} & set(tags):
                continue
            figures += sum("image/png" in o.get("data", {}) for o in cell.get("outputs", []))
    images = [
        line for line in _run("pdfimages", "-list", str(PDF)).splitlines()[2:]
        if line.split()[2] == "image"  # not the soft masks of transparent images
    ]
    assert figures > 10
    assert len(images) >= figures
