"""What a reader sees: every page of _toc.yml rendered in headless Chromium.

Each page is loaded once and looked at in three views: 1280 px wide in the light and
the dark theme, and 390 px (a phone) in the dark theme; a page of the Korean edition
in two (1280 px light, 390 px dark). The theme follows the system, so the views switch
``prefers-color-scheme`` and the viewport without a reload.

In every view: no console error or warning, no request leaving the site, every
formula typeset by the MathJax the site serves itself, no TeX source anywhere a
reader can see it (text, link text, tables of contents, tooltips, ``alt``,
``aria-label``, the window title), every image loaded with real alt text, no
content cut off by a box that does not scroll, and at 390 px no sideways scroll
of the page. axe-core finds **no** violation: every rule axe runs by default (not
only serious ones) at 1280 px in the light theme, its colour rules again in the dark
theme (same DOM, other colours), and all but the colour rules at 390 px. A screenshot of each view
goes to _build/screenshots/ for a person to look at.

Every internal link and anchor resolves; the search finds English and Korean.
"""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import HTML, SCREENSHOTS, PageRecorder

pytestmark = pytest.mark.browser

# Text a reader must never see: TeX that MathJax did not typeset.
RAW_TEX = re.compile(r"\\\(|\\\[|\$\$")

# (width, colour scheme, axe rules): the first view is the one the page is loaded in.
# axe runs every rule once per page at 1280 px in the light theme; the dark theme has
# the same DOM, so at 1280 px there it runs only the rules that depend on colour; at
# 390 px (other layout: hidden sidebars, boxes that scroll) every rule, in the dark theme.
AXE_ALL, AXE_COLOUR = "all", ("color-contrast", "link-in-text-block")
VIEWS = (
    (1280, "light", AXE_ALL),
    (1280, "dark", AXE_COLOUR),
    (390, "dark", AXE_ALL),
)
# The Korean edition's pages are the same templates and layout with other words: two views
# cover every check in both themes and both widths (axe: every rule on the desktop in the
# light theme, every rule again on the phone in the dark theme), at half the time.
VIEWS_KO = (
    (1280, "light", AXE_ALL),
    (390, "dark", AXE_ALL),
)

VISIBLE_TEXT_JS = """() => {
    const main = document.querySelector('main') || document.body;
    const copy = main.cloneNode(true);
    copy.querySelectorAll('pre, code, mjx-container, script, style').forEach(n => n.remove());
    return copy.textContent;
}"""

# TeX source shown as text: a control word (\lambda, \textit, \operatorname) in
# any text outside code and typeset math, or in an attribute a reader is shown
# (tooltip, alt text) or told (aria-label), or in the window title.
TEX_SOURCE_JS = r"""() => {
    const TEX = /\\[A-Za-z]{2,}/;
    const SKIP = 'pre, code, kbd, script, style, textarea, mjx-container, .highlight';
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest(SKIP)) continue;
        if (TEX.test(n.textContent)) found.push('text: ' + n.textContent.trim().slice(0, 100));
    }
    const ATTRS = ['title', 'aria-label', 'alt', 'data-bs-title', 'placeholder'];
    for (const el of document.querySelectorAll(ATTRS.map(a => `[${a}]`).join(','))) {
        for (const a of ATTRS) {
            const v = el.getAttribute(a);
            if (v && TEX.test(v)) found.push(a + ': ' + v.slice(0, 100));
        }
    }
    if (TEX.test(document.title)) found.push('title: ' + document.title);
    return found;
}"""

# Content of the article that sticks out of a box that does not scroll (cut off),
# or out of the window (the page would scroll sideways).
CLIPPED_JS = r"""() => {
    const vw = document.documentElement.clientWidth;
    const article = document.querySelector('article') || document.body;
    const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
        + (typeof el.className === 'string' && el.className.trim()
           ? '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : '');
    const clipped = [];
    for (const el of article.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) continue;
        if (el.closest('mjx-assistive-mml, .visually-hidden, .sr-only')) continue;
        if (el.parentElement.closest('mjx-container')) continue;  // the formula's box is enough
        // an SVG drawing clips its own shapes (contours running off the plot): only its
        // text, and the <svg> box itself, can be content cut off
        if (el instanceof SVGElement && el.tagName.toLowerCase() !== 'svg'
            && !(el instanceof SVGTextContentElement)) continue;
        let box = el.parentElement;
        while (box && box !== document.documentElement
               && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
        if (box === document.documentElement) box = null;
        if (box && ['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) continue;
        const edge = box ? box.getBoundingClientRect() : {left: 0, right: vw};
        if (r.right > edge.right + 1 || r.left < edge.left - 1) {
            clipped.push(`${name(el)} in ${box ? name(box) : 'the window'}`
                         + ` (${Math.round(r.left)}..${Math.round(r.right)} px,`
                         + ` box ${Math.round(edge.left)}..${Math.round(edge.right)} px)`);
        }
    }
    return {clipped: clipped.slice(0, 10), pageWidth: document.documentElement.scrollWidth, vw};
}"""

IMAGES_JS = """() => Array.from(document.images).map(img => ({
    src: img.getAttribute('src'), alt: img.getAttribute('alt') || '',
    loaded: img.complete && img.naturalWidth > 0,
}))"""

AXE_JS = """async (rules) => {
    const options = {resultTypes: ['violations']};
    if (Array.isArray(rules)) options.runOnly = {type: 'rule', values: rules};
    const result = await axe.run(document, options);
    return result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')),
    }));
}"""


def typeset(page):
    """Wait until MathJax has typeset the page; return the number of formulas."""
    page.wait_for_function("() => window.MathJax && MathJax.startup && MathJax.startup.promise")
    page.evaluate("() => MathJax.startup.promise")
    return page.locator("mjx-container").count()


def show(page, width, scheme):
    """Switch the loaded page to a view; the theme follows prefers-color-scheme."""
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(color_scheme=scheme)
    page.wait_for_function(f"() => document.documentElement.dataset.theme === '{scheme}'")
    page.wait_for_timeout(400)  # the theme's and the book's resize handlers (300 ms debounce)


def look(page, page_path, width, scheme, axe_rules, axe_source):
    """Everything checked in one view; returns a list of problems (empty: fine)."""
    view = f"{width}px {scheme}"
    problems = []
    if RAW_TEX.findall(page.evaluate(VISIBLE_TEXT_JS)):
        problems.append(f"{view}: raw TeX left in the rendered text")
    for shown in page.evaluate(TEX_SOURCE_JS):
        problems.append(f"{view}: TeX source visible: {shown}")
    layout = page.evaluate(CLIPPED_JS)
    for item in layout["clipped"]:
        problems.append(f"{view}: content cut off: {item}")
    if layout["pageWidth"] > layout["vw"]:
        wide = f"{layout['pageWidth']} > {layout['vw']} px"
        problems.append(f"{view}: the page scrolls sideways ({wide})")
    if axe_rules:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(axe_source))
        rules = list(axe_rules) if isinstance(axe_rules, tuple) else axe_rules
        for v in page.evaluate(AXE_JS, rules):
            problems.append(f"{view}: axe {v['id']} ({v['impact']}): {v['help']} at {v['nodes']}")
    name = page_path.removesuffix(".html").replace("/", "_")
    page.screenshot(
        path=SCREENSHOTS / f"{name}-{width}-{scheme}.jpg", full_page=True, type="jpeg", quality=70
    )
    return problems


def test_page(browser, site, page_path, axe_source):
    source = (HTML / page_path).read_text(encoding="utf-8")
    has_math = 'class="math' in source  # Sphinx loads MathJax only on pages with math
    views = VIEWS_KO if page_path.startswith("ko/") else VIEWS
    width, scheme, _ = views[0]
    recorder = PageRecorder(browser, site, {"width": width, "height": 900}, scheme)
    try:
        page = recorder.goto(page_path)
        formulas = typeset(page) if has_math else 0
        page.wait_for_load_state("networkidle")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)

        problems = []
        for width, scheme, axe_rules in views:
            show(page, width, scheme)
            problems += look(page, page_path, width, scheme, axe_rules, axe_source)

        assert recorder.external_requests == [], "requests left the site"
        assert recorder.failed_requests == [], "requests failed"
        assert recorder.console_errors == [], "console errors"
        assert recorder.console_warnings == [], "console warnings"
        if has_math:
            assert formulas > 0, "the page has math but MathJax typeset none"
        assert problems == [], f"{len(problems)} problems on {page_path}"

        for image in page.evaluate(IMAGES_JS):
            assert image["loaded"], f"image not loaded: {image['src']}"
            alt = image["alt"].strip()
            assert alt, f"image without alt text: {image['src']}"
            assert not re.search(r"\.(png|jpe?g|svg|gif)$", alt), f"alt text is a file name: {alt}"
    finally:
        recorder.close()


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


@pytest.mark.parametrize(("query", "chapter"), [("라쏘", "04_sparsity"),
                                               ("정규화", "02_normalization"),
                                               ("희소성", "04_sparsity"),
                                               ("볼록", "05_convexity")])
def test_korean_search_finds_the_chapter(recorder, query, chapter):
    """Sphinx has no Korean stemmer; the book's splitter indexes word stems (bilingual_book),
    so a bare word finds the page that writes it with a particle (라쏘는, 정규화를)."""
    page = recorder.goto(f"ko/search.html?q={query}")
    page.wait_for_selector("#search-results ul.search li", timeout=20_000)
    hrefs = page.eval_on_selector_all("#search-results ul.search li a", "as => as.map(a => a.href)")
    assert any(f"/ko/book/{chapter}.html" in href for href in hrefs), hrefs
    assert recorder.console_errors == []
    assert recorder.external_requests == []


@pytest.mark.parametrize(("start", "other"), [("book/03_regularization.html",
                                                "ko/book/03_regularization.html"),
                                               ("ko/book/glossary.html", "book/glossary.html")])
def test_language_switch_leads_to_the_same_page(recorder, start, other):
    page = recorder.goto(start)
    page.locator("a.language-switch").click()
    page.wait_for_load_state("load")
    assert page.url.split("#")[0] == f"{recorder.site}/{other}"
    language = "ko" if other.startswith("ko/") else "en"
    assert page.evaluate("document.documentElement.lang") == language
    assert recorder.console_errors == []


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
