"""Accessibility that axe-core cannot see: formulas that a screen reader can read,
Korean words marked as Korean, one search box, and keyboard access to wide boxes.

axe itself runs on every page and theme in test_pages.py.
"""

import re

import pytest

from conftest import PageRecorder

pytestmark = pytest.mark.browser

HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff"


def _typeset(page):
    page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("() => MathJax.startup.promise")


def test_formulas_have_speech_and_mathml(browser, site):
    """Every typeset formula has an accessible name (speech from the speech rule
    engine the site serves) and MathML; a formula with '=' is read with 'equals'."""
    rec = PageRecorder(browser, site)
    served = []
    rec.page.on("response", lambda r: "/sre/mathmaps/" in r.url and served.append(r.url))
    try:
        page = rec.goto("book/01_norms.html")
        _typeset(page)
        formulas = page.evaluate(
            """() => Array.from(document.querySelectorAll('mjx-container')).map(c => ({
                label: c.getAttribute('aria-label') || '',
                mathml: !!c.querySelector('mjx-assistive-mml math'),
            }))"""
        )
        assert len(formulas) > 50  # chapter 1 is full of formulas
        unnamed = [i for i, f in enumerate(formulas) if not f["label"].strip()]
        assert unnamed == [], "formulas without an accessible name (speech)"
        assert all(f["mathml"] for f in formulas), "formulas without assistive MathML"
        # Speech is words, not TeX: SRE's English rules read '=' as 'equals'.
        labels = [f["label"] for f in formulas]
        assert not any("\\" in label for label in labels)
        assert any(re.search(r"\bequals\b", label) for label in labels)
        # The speech engine's rules came from this site (base + English).
        assert any(url.startswith(site) and url.endswith("/en.json") for url in served)
        assert rec.external_requests == [] and rec.failed_requests == []
        assert rec.console_errors == [] and rec.console_warnings == []
    finally:
        rec.close()


@pytest.mark.parametrize("path", ["book/glossary.html", "book/references.html"])
def test_korean_text_is_marked_korean(browser, site, path):
    """Every run of Hangul a reader sees is inside an element with lang="ko"
    (WCAG 3.1.2), so a screen reader switches voice; the page itself is English."""
    rec = PageRecorder(browser, site)
    try:
        page = rec.goto(path)
        result = page.evaluate(
            f"""() => {{
                const hangul = /[{HANGUL}]/;
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                let marked = 0; const unmarked = [];
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {{
                    if (!hangul.test(n.textContent)) continue;
                    if (n.parentElement.closest('script, style')) continue;
                    const holder = n.parentElement.closest('[lang]');
                    if (holder && holder.getAttribute('lang') === 'ko') marked++;
                    else unmarked.push(n.textContent.trim().slice(0, 60));
                }}
                return {{marked, unmarked, page: document.documentElement.lang}};
            }}"""
        )
        assert result["page"] == "en"
        assert result["marked"] > 0
        assert result["unmarked"] == []
    finally:
        rec.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_one_search_box(browser, site, width):
    """One visible search control, not the empty header's duplicate of the sidebar's."""
    rec = PageRecorder(browser, site, {"width": width, "height": 900})
    try:
        page = rec.goto("book/intro.html")
        visible = [
            b for b in page.locator(".search-button__button, .search-button-field").all()
            if b.is_visible()
        ]
        assert len(visible) == 1
        assert page.locator("#pst-header").is_hidden()
    finally:
        rec.close()


def test_wide_formula_scrolls_by_keyboard(browser, site):
    """On a phone a formula wider than the column scrolls in its own box, and that
    box (or the formula in it) can take keyboard focus."""
    rec = PageRecorder(browser, site, {"width": 390, "height": 900})
    try:
        page = rec.goto("book/04_sparsity.html")
        _typeset(page)
        page.wait_for_timeout(400)
        boxes = page.evaluate(
            """() => Array.from(document.querySelectorAll('div.math, span.math'))
                .filter(b => b.scrollWidth > b.clientWidth + 1)
                .map(b => ({
                    overflow: getComputedStyle(b).overflowX,
                    focusable: b.tabIndex >= 0 || !!b.querySelector('[tabindex="0"]'),
                }))"""
        )
        assert boxes, "expected at least one formula wider than a 390 px column"
        assert all(b["overflow"] in ("auto", "scroll") for b in boxes)
        assert all(b["focusable"] for b in boxes)
    finally:
        rec.close()


def test_search_results_show_no_tex(browser, site):
    """A heading with math is listed by the search page as text, not TeX source
    (Sphinx indexes the heading's plain text, "\\lambda \\operatorname{sign}(w)")."""
    rec = PageRecorder(browser, site)
    try:
        page = rec.goto("search.html?q=gradient")
        page.wait_for_selector("#search-results ul.search li", timeout=20_000)
        page.wait_for_timeout(500)  # results are appended one by one
        text = page.locator("#search-results").inner_text()
        assert "gradient" in text.lower()
        assert re.findall(r"\\[A-Za-z]{2,}", text) == []
    finally:
        rec.close()
