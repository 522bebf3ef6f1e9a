"""Fixtures for the browser tests: the built book served on 127.0.0.1, and
headless Chromium (Debian's package) driven by Playwright with every request
that leaves the site blocked and recorded.

The tests need ``make book`` first (``make browser`` does it) and
``/usr/bin/chromium`` (``.ci/run`` installs it); without Chromium they skip
with one line saying how to install it.
"""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
SCREENSHOTS = ROOT / "_build" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# What is missing, if anything. Without it every browser test is skipped with this one
# reason (a module-level pytest.skip in a conftest is a collection error, not a skip);
# with CI set the run stops instead: CI must never pass without the browser tests.
# `make browser` checks for Chromium itself and prints one line.
if not Path(CHROMIUM).exists():
    MISSING = (
        "no Chromium; install it with `apt-get install chromium` (as root; .ci/run does it); "
        "without root, give CHROMIUM's path via PATH (any Chromium that Playwright can drive)"
    )
elif not (HTML / "index.html").exists():
    MISSING = "no built book; run `make book` first"
else:
    MISSING = None


def pytest_collection_modifyitems(config, items):
    if MISSING is None:
        return
    here = Path(__file__).parent
    browser_items = [item for item in items if here in Path(str(item.path)).parents]
    if not browser_items:
        return
    if os.environ.get("CI"):
        pytest.exit(f"browser tests cannot run: {MISSING} (CI is set: a skip is a failure)", 1)
    skip = pytest.mark.skip(reason=f"browser tests skipped: {MISSING}")
    for item in browser_items:
        item.add_marker(skip)


def toc_pages():
    """The HTML pages of every file listed in _toc.yml, in reading order."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
        for entry in entries:
            files.append(entry["file"])
            walk(entry.get("sections", []))

    walk(toc.get("chapters", []))
    for part in toc.get("parts", []):
        walk(part.get("chapters", []))
    return [f"{name}.html" for name in files]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):  # the page navigated away mid-request
            pass


@pytest.fixture(scope="session")
def site():
    """Base URL of the built book, served from a local thread."""
    handler = functools.partial(_QuietHandler, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageRecorder:
    """A Playwright page that records console errors and off-site requests."""

    def __init__(self, browser, site, viewport=None, color_scheme="light"):
        self.site = site
        self.console_errors = []
        self.console_warnings = []
        self.external_requests = []
        self.failed_requests = []
        self.context = browser.new_context(
            viewport=viewport or {"width": 1200, "height": 900}, color_scheme=color_scheme
        )
        self.page = self.context.new_page()
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.console_errors.append(f"pageerror: {exc}"))
        self.page.on(
            "response",
            lambda r: r.status >= 400 and self.failed_requests.append(f"{r.status} {r.url}"),
        )

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.site) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            self.external_requests.append(url)
            route.abort()

    def _console(self, message):
        if message.type == "error":
            self.console_errors.append(message.text)
        elif message.type == "warning":
            self.console_warnings.append(message.text)

    def goto(self, path):
        self.page.goto(f"{self.site}/{path}", wait_until="load")
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def recorder(browser, site):
    rec = PageRecorder(browser, site)
    yield rec
    rec.close()


# axe-core, installed from npm by `npm ci` (the project's package.json pins it; `make
# browser` runs it).
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_source():
    """Path of axe.min.js; a missing install fails loudly rather than skipping."""
    if not AXE.exists():
        pytest.fail(
            "axe-core is not installed: run `npm ci` (package.json pins it)"
        )
    return AXE


def editions_pages():
    """Every page of both editions: the English site, then the Korean one under ko/."""
    pages = toc_pages()
    return [*pages, *(f"ko/{page}" for page in pages)]


def pytest_generate_tests(metafunc):
    if "page_path" in metafunc.fixturenames:
        pages = editions_pages()
        metafunc.parametrize("page_path", pages, ids=[p.removesuffix(".html") for p in pages])
