"""The offline bundle (``make dist``; ``make dist-test`` runs this after it): unpacked
into an empty folder and opened as ``file://`` pages, no server, with every request that
is not a local file blocked, the book renders its math and its figures."""

import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARCHIVE = ROOT / "_build" / "dist" / "l1-l2-book.zip"
PDF = ROOT / "_build" / "book.pdf"
PDF_KO = ROOT / "_build" / "book.ko.pdf"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
sys.path.insert(0, str(ROOT / "scripts"))
from install_cell import chapter_notebooks  # noqa: E402

if not ARCHIVE.exists() or not Path(CHROMIUM).exists():
    reason = "offline bundle tests skipped: run `make dist` (and install chromium)"
    if os.environ.get("CI"):
        pytest.exit(reason.replace("skipped", "cannot run") + " (CI is set)", 1)
    pytest.skip(reason, allow_module_level=True)


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reader")
    with zipfile.ZipFile(ARCHIVE) as zf:
        zf.extractall(folder)
    return folder / "l1-l2-book"


def test_the_bundle_holds_site_pdf_notebooks_and_wheel(unpacked):
    assert (unpacked / "index.html").exists()
    assert (unpacked / "site" / "index.html").exists()
    assert (unpacked / "README.txt").exists()
    notebooks = {p.name for p in (unpacked / "notebooks").glob("*.ipynb")}
    assert notebooks == {p.name for p in chapter_notebooks()}
    (wheel,) = unpacked.glob("normlib-*-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as zf:
        assert "normlib/__init__.py" in zf.namelist()
    if PDF.exists():  # built with TeX: the bundle must carry it
        assert (unpacked / "book.pdf").read_bytes() == PDF.read_bytes()
    if PDF_KO.exists():
        assert (unpacked / "book.ko.pdf").read_bytes() == PDF_KO.read_bytes()
    assert (unpacked / "site" / "ko" / "book" / "01_norms.html").exists()  # 한국어판


@pytest.fixture(scope="module")
def page_factory():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox", "--disable-gpu"]
        )
        contexts = []

        def new_page():
            context = browser.new_context(viewport={"width": 1200, "height": 900})
            contexts.append(context)
            page = context.new_page()
            page.blocked = []
            page.errors = []

            def route(r):
                if r.request.url.startswith(("file:", "data:", "blob:", "about:")):
                    r.continue_()
                else:  # the network is cut: anything else fails, and is recorded
                    page.blocked.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.on("pageerror", lambda exc: page.errors.append(str(exc)))
            page.on(
                "console",
                lambda m: m.type == "error" and page.errors.append(m.text),
            )
            return page

        yield new_page
        for context in contexts:
            context.close()
        browser.close()


def _wait_for_math(page):
    page.wait_for_function(
        "() => window.MathJax && MathJax.startup && MathJax.startup.promise"
        " && document.querySelectorAll('mjx-container').length > 0",
        timeout=30000,
    )
    page.evaluate("() => MathJax.startup.promise")


def test_index_opens_the_book_with_math_from_file(unpacked, page_factory):
    page = page_factory()
    page.goto((unpacked / "index.html").as_uri(), wait_until="load")
    page.wait_for_url("**/book/intro.html", timeout=15000)
    assert page.url.startswith("file://")
    _wait_for_math(page)
    assert page.locator("mjx-container").count() > 5
    body = page.inner_text("article")
    assert "\\(" not in body and "\\lVert" not in body  # no raw TeX left
    assert page.blocked == []
    assert page.errors == []
    page.screenshot(path=str(ROOT / "_build" / "dist" / "offline-intro.png"))


@pytest.mark.parametrize("edition", ["", "ko"])
def test_a_chapter_shows_its_figures_and_math_from_file(unpacked, page_factory, edition):
    page = page_factory()
    chapter = unpacked / "site" / edition / "book" / "01_norms.html"
    page.goto(chapter.as_uri(), wait_until="load")
    _wait_for_math(page)
    images = page.locator("article img")
    assert images.count() > 3
    broken = page.evaluate(
        "() => [...document.querySelectorAll('article img')]"
        ".filter(img => !(img.complete && img.naturalWidth > 0)).map(img => img.src)"
    )
    assert broken == []
    assert page.blocked == []
    assert page.errors == []
    assert page.evaluate("document.documentElement.lang") == (edition or "en")
    # the switcher leads to the other edition's copy of the page, inside the bundle
    page.locator("a.language-switch").click()
    page.wait_for_load_state("load")
    other = unpacked / "site" / ("" if edition else "ko") / "book" / "01_norms.html"
    assert page.url == other.as_uri()
