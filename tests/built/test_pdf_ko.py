"""The Korean edition's PDF (``make pdf`` builds ``_build/book.ko.pdf`` next to the English one).

The expectations come from the sources: each page's title is the first message of its
catalog (locales/ko), translated; the figures are the chapters' stored PNG outputs.
"""

import os
import re
import shutil
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
PDF = ROOT / "_build" / "book.ko.pdf"
LOG = ROOT / "_build" / "pdf-ko" / "_build" / "latex" / "book.log"
sys.path.insert(0, str(Path(__file__).parent))
import test_pdf as english  # noqa: E402  (the English PDF's tests: sources, tools, figures)

SOURCES, TOOLS, _run = english.SOURCES, english.TOOLS, english._run

if not PDF.exists() or not all(shutil.which(t) for t in TOOLS):
    reason = "Korean PDF tests skipped: run `make pdf` (needs TeX: .ci/run installs it)"
    if os.environ.get("CI"):
        pytest.exit(reason.replace("skipped", "cannot run") + " (CI is set)", 1)
    pytest.skip(reason, allow_module_level=True)


@pytest.fixture(scope="module")
def text():
    raw = _run("pdftotext", "-enc", "UTF-8", str(PDF), "-")
    return re.sub(r"\s+", " ", raw)


def korean_title(source):
    """A page's title in Korean: the translation of its catalog's first message."""
    catalog = ROOT / "locales" / "ko" / "LC_MESSAGES" / source.relative_to(ROOT).with_suffix(".po")
    first = next(e for e in polib.pofile(str(catalog)) if e.msgid)
    title = re.sub(r"\{[a-z]+\}`([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", first.msgstr)
    return re.sub(r"\s+", " ", title.replace("`", "").replace("*", ""))


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_every_chapter_title_is_in_korean(source, text):
    title = korean_title(source)
    assert re.search("[\uac00-\ud7a3]", title) or len(title.split()) < 2, title
    for part in re.split(r"\$[^$]*\$", title):  # math in a title: the words around it
        assert part.strip() in text, f"{part!r} ({source.name}) not in the Korean PDF"


def test_the_text_is_korean(text):
    hangul = len(re.findall("[\uac00-\ud7a3]", text))
    latin = len(re.findall("[A-Za-z]", text))
    assert hangul > 50_000, hangul  # the English PDF has a few hundred (the glossary)
    assert hangul > 0.5 * latin, (hangul, latin)  # code and math stay Latin


def test_no_unresolved_references(text):
    assert "??" not in text
    log = LOG.read_text(encoding="utf-8", errors="replace")
    assert "There were undefined references" not in log


def test_no_missing_glyphs():
    log = LOG.read_text(encoding="utf-8", errors="replace")
    assert re.findall(r"Missing character: There is no .*", log) == []


def test_every_font_is_embedded_and_korean_is_nanum():
    fonts = _run("pdffonts", str(PDF))
    for row in fonts.splitlines()[2:]:
        assert row.split()[-5] == "yes", f"font not embedded: {row}"
    assert "Nanum" in fonts


def test_every_figure_is_in_the_korean_pdf(monkeypatch):
    monkeypatch.setattr(english, "PDF", PDF)
    english.test_every_figure_is_in_the_pdf()
