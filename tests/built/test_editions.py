"""The two editions as built (issue 11): every page in both languages, each linked to its
counterpart, the Korean pages wholly translated, with Korean figures and a Korean search.

Needs `make book` (both editions). Reads the HTML files; the browser tests
(tests/browser/) look at the same pages in Chromium.
"""

import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
KO = HTML / "ko"
sys.path.insert(0, str(ROOT / "scripts"))
from install_cell import toc_files  # noqa: E402  (the one reader of _toc.yml)

HANGUL = re.compile("[\uac00-\ud7af]")

if not (KO / "index.html").exists():
    if os.environ.get("CI"):
        pytest.exit("edition tests cannot run: no built Korean edition (CI is set)", 1)
    pytest.skip("edition tests skipped: run `make book` first", allow_module_level=True)


PAGES = [f"{name}.html" for name in toc_files()]


def _html(path):
    return path.read_text(encoding="utf-8")


def _switch(html):
    match = re.search(
        r'<a class="btn btn-sm language-switch" href="([^"]+)" hreflang="(\w+)"', html)
    assert match, "no language switcher"
    return match.group(1), match.group(2)


@pytest.mark.parametrize("page", PAGES)
def test_both_editions_have_the_page_and_link_it(page):
    english, korean = HTML / page, KO / page
    assert english.exists() and korean.exists()
    en, ko = _html(english), _html(korean)
    assert re.search(r'<html lang="en"', en) and re.search(r'<html lang="ko"', ko)
    url, lang = _switch(en)
    assert lang == "ko" and (english.parent / urlsplit(url).path).resolve() == korean.resolve()
    url, lang = _switch(ko)
    assert lang == "en" and (korean.parent / urlsplit(url).path).resolve() == english.resolve()
    assert f'<link rel="alternate" hreflang="ko" href="{_switch(en)[0]}">' in en


def _main_text(html):
    body = html.split('<main', 1)[1].split('</main>', 1)[0]
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    body = re.sub(r'<div class="(?:highlight|cell_output)[^"]*".*?</div>', " ", body, flags=re.S)
    return body


@pytest.mark.parametrize("page", PAGES)
def test_korean_page_is_wholly_translated(page):
    """translation_progress_classes marks a paragraph without a translation `untranslated`."""
    html = _html(KO / page)
    assert 'class="untranslated' not in html and " untranslated" not in re.sub(
        r"<script\b.*?</script>", "", html, flags=re.S)
    main = _main_text(html)
    # every paragraph of prose is Korean: a <p> with three English words and no Hangul is not
    # bibliography entries are the works' own titles; inline code is code
    main = re.sub(r'<div class="citation".*?</div>', " ", main, flags=re.S)
    main = re.sub(r"<code\b.*?</code>", " ", main, flags=re.S)
    for paragraph in re.findall(r"<p>(.*?)</p>", main, flags=re.S):
        text = re.sub(r"<[^>]+>", " ", paragraph)
        text = re.sub(r"\\\(.*?\\\)|\$.*?\$", " ", text)
        words = re.findall(r"\b[A-Za-z]{4,}\b", text)
        assert HANGUL.search(text) or len(words) < 3, f"English paragraph on {page}: {text[:120]}"


@pytest.mark.parametrize("page", [p for p in PAGES if "_images/" in _html(HTML / p)
                                  if (HTML / p).exists()])
def test_korean_page_shows_korean_figures(page):
    """The figures of a Korean page are other images than the English page's (drawn in Korean)."""
    def figures(html):
        return [m for m in re.findall(r'<img[^>]+src="([^"]+_images/[^"]+\.png)"', html)]

    en, ko = figures(_html(HTML / page)), figures(_html(KO / page))
    assert len(en) == len(ko) > 0
    same = [a for a, b in zip(en, ko, strict=True) if Path(a).name == Path(b).name]
    assert not same, f"figures not translated on {page}: {same}"


def _search_index(folder):
    source = _html(folder / "searchindex.js")
    return json.loads(source[source.index("(") + 1: source.rstrip().rindex(")")])


@pytest.mark.parametrize(("word", "page"), [("라쏘", "book/04_sparsity"),
                                             ("정규화", "book/02_normalization"),
                                             ("희소성", "book/04_sparsity"),
                                             ("볼록", "book/05_convexity")])
def test_korean_search_index_finds_the_teaching_chapter(word, page):
    """Sphinx has no Korean stemmer: the book's splitter indexes word stems (bilingual_book)."""
    index = _search_index(KO)
    docs = index["docnames"]
    found = set()
    for kind in ("terms", "titleterms"):  # a word of a page's title is only in titleterms
        hits = index[kind].get(word, [])
        found |= {hits} if isinstance(hits, int) else set(hits)
    assert found, f"{word} is not in the Korean search index"
    assert docs.index(page) in found


def test_english_search_index_is_unchanged_in_kind():
    index = _search_index(HTML)
    assert "lasso" in index["terms"] and "ko/" not in json.dumps(index["docnames"])


@pytest.mark.parametrize("page", PAGES)
def test_korean_page_interface_is_korean(page):
    """The theme's buttons, tooltips and landmarks speak Korean too (bilingual_book's table
    completes what Sphinx's and the themes' Korean catalogs leave in English)."""
    html = _html(KO / page)
    main = re.search(r"<main.*?</main>", html, flags=re.S)
    outside = re.sub(r"<(script|style)\b.*?</\1>", " ", html.replace(main.group(0), ""),
                     flags=re.S)
    english = []
    for value in re.findall(r'(?:title|aria-label|placeholder|data-bs-title)="([^"]*)"', html):
        if re.search(r"[A-Za-z]{3,}", value) and not HANGUL.search(value) and len(value) < 60:
            english.append(value)
    for text in re.findall(r">([^<>]+)<", outside):
        text = text.strip()
        if re.search(r"[A-Za-z]{3,}", text) and not HANGUL.search(text) and len(text) < 80:
            english.append(text)
    allowed = {"Read this page in English", "English", "Ctrl"}  # the switcher; a key's name
    assert sorted(set(english) - allowed) == []


def test_the_korean_build_leaves_nothing_in_the_english_site():
    """Each edition's site holds its own pages only (MyST-NB's executed notebooks and
    images live next to each build's output folder, not in the published site)."""
    assert not (HTML / "jupyter_execute").exists()
    assert not (KO / "ko").exists()
    assert {p.name for p in HTML.iterdir()} - {p.name for p in KO.iterdir()} == {"ko"}
