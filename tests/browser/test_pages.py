"""What a reader sees: every page of _toc.yml rendered in headless Chromium.

For each page: no console error, no request leaving the site, every formula
typeset by the MathJax the site serves itself, every image loaded with real
alt text, and every internal link and anchor resolving. A full-page screenshot
of each page goes to _build/screenshots/ for a person to look at.
"""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import HTML, SCREENSHOTS

pytestmark = pytest.mark.browser

# Text a reader must never see: TeX that MathJax did not typeset.
RAW_TEX = re.compile(r"\\\(|\\\[|\$\$")

VISIBLE_TEXT_JS = """() => {
    const main = document.querySelector('main') || document.body;
    const copy = main.cloneNode(true);
    copy.querySelectorAll('pre, code, mjx-container, script, style').forEach(n => n.remove());
    return copy.textContent;
}"""

IMAGES_JS = """() => Array.from(document.images).map(img => ({
    src: img.getAttribute('src'), alt: img.getAttribute('alt') || '',
    loaded: img.complete && img.naturalWidth > 0,
}))"""


def typeset(page):
    """Wait until MathJax has typeset the page; return the number of formulas."""
    page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("() => MathJax.startup.promise")
    return page.locator("mjx-container").count()


def test_page_renders_offline(recorder, page_path):
    source = (HTML / page_path).read_text(encoding="utf-8")
    has_math = 'class="math' in source  # Sphinx loads MathJax only on pages with math
    page = recorder.goto(page_path)
    formulas = typeset(page) if has_math else 0
    page.wait_for_load_state("networkidle")

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / (page_path.replace("/", "_") + ".png"), full_page=True)

    assert recorder.external_requests == [], "requests left the site"
    assert recorder.failed_requests == [], "requests failed"
    assert recorder.console_errors == [], "console errors"
    if has_math:
        assert formulas > 0, "the page has math but MathJax typeset none"
    raw = RAW_TEX.findall(page.evaluate(VISIBLE_TEXT_JS))
    assert raw == [], "raw TeX left in the rendered text"

    for image in page.evaluate(IMAGES_JS):
        assert image["loaded"], f"image not loaded: {image['src']}"
        alt = image["alt"].strip()
        assert alt, f"image without alt text: {image['src']}"
        assert not re.search(r"\.(png|jpe?g|svg|gif)$", alt), f"alt text is a file name: {alt}"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def _parse(path):
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_internal_links_resolve(page_path):
    page = HTML / page_path
    broken = []
    for href in _parse(page).hrefs:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
            continue
        target = page if not parts.path else (page.parent / unquote(parts.path)).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.exists():
            broken.append(href)
        elif parts.fragment and target.suffix == ".html":
            if unquote(parts.fragment) not in _parse(target).ids:
                broken.append(href)
    assert broken == [], f"broken internal links on {page_path}"


@pytest.mark.parametrize("query", ["lasso", "정규화"])
def test_search_finds(recorder, query):
    page = recorder.goto(f"search.html?q={query}")
    page.wait_for_selector("#search-results ul.search li", timeout=20_000)
    assert page.locator("#search-results ul.search li").count() > 0
    assert recorder.console_errors == []
    assert recorder.external_requests == []


def test_every_toc_page_is_built(page_path):
    assert Path(HTML / page_path).exists()


def test_dark_mode(browser, site):
    """A reader whose system prefers dark gets the dark theme, with figures on an
    opaque background (normlib's figures are drawn on white) and no console error."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
    page.goto(f"{site}/book/03_regularization.html", wait_until="load")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    opaque = page.evaluate(
        """async () => {
            const images = Array.from(document.querySelectorAll('img'))
                .filter(i => i.src.includes('/_images/'));   // the figures, not theme logos
            images.forEach(img => { img.loading = 'eager'; });
            await Promise.all(images.map(img => img.decode()));
            return images.map(img => {
                const c = document.createElement('canvas');
                c.width = img.naturalWidth; c.height = img.naturalHeight;
                const g = c.getContext('2d'); g.drawImage(img, 0, 0);
                return g.getImageData(1, 1, 1, 1).data[3];   // alpha of a corner pixel
            });
        }"""
    )
    assert opaque and all(alpha == 255 for alpha in opaque), "a figure has a transparent background"
    assert errors == []
    context.close()
