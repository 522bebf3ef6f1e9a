"""Update-time budget of the explorables of chapter 4a (issue 10), printed, never asserted.

Run after ``make book`` (``make bench-book`` runs it after ``book_budget.py``). It
serves ``_build/html`` on 127.0.0.1, opens the chapter in headless Chromium
(Debian's ``/usr/bin/chromium``, driven by Playwright, every other request
blocked) and, for every control of every explorable, makes 100 updates: set the
control to a new value, fire its ``input`` event (the explorable redraws its SVG
and readouts synchronously in the handler) and force style and layout of the
figure, timed inside the page with ``performance.now()``. It prints the median
and the 95th percentile per control against the budget of one frame (16 ms).
Painting is not included: it happens after the handler, on the compositor.
It also prints the chapter's weight (HTML, images, and the explorables' script
and stylesheet) next to the old frame-slider page's (0.52 MB, benchmarks/README.md).
"""

import functools
import http.server
import os
import platform
import re
import shutil
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
PAGE = "book/04a_move_lambda.html"
BUDGET_MS = 16.0
OLD_PAGE_MB = 0.52
UPDATES = 100
MB = 1024 * 1024

# Every control: (explorable kind, data-control name, JS expression of value number i)
CONTROLS = [
    ("regions", "lam", "el.min*1 + (el.max - el.min) * ((i * 37) % 100) / 100"),
    ("regions", "w1", "el.min*1 + (el.max - el.min) * ((i * 37) % 100) / 100"),
    ("regions", "rho", "((i * 37) % 100) / 100"),
    ("paths", "lam", "(i * 373) % 2001"),
    ("paths", "linear", "i % 2"),
    ("thresholding", "lam", "el.min*1 + (el.max - el.min) * ((i * 37) % 100) / 100"),
    ("thresholding", "z", "el.min*1 + (el.max - el.min) * ((i * 37) % 100) / 100"),
]

TIMER = """([kind, name, expr, n]) => {
  const root = document.querySelector(`.normlib-explorable[data-kind=${kind}]`);
  const el = root.querySelector(`input[data-control=${name}]`);
  const value = new Function("el", "i", `return ${expr};`);
  const times = [];
  for (let i = 0; i < n; i += 1) {
    const start = performance.now();
    if (el.type === "checkbox") {
      el.checked = Boolean(value(el, i));
      el.dispatchEvent(new Event("change", {bubbles: true}));
    } else {
      el.value = String(value(el, i));
      el.dispatchEvent(new Event("input", {bubbles: true}));
    }
    root.getBoundingClientRect();  // force style and layout of the redrawn figure
    void root.offsetHeight;
    times.push(performance.now() - start);
  }
  return times;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def page_weight():
    page = HTML / PAGE
    text = page.read_text(encoding="utf-8")
    size = page.stat().st_size
    linked = re.findall(r'<img[^>]+src="([^"]+)"', text)
    linked += re.findall(r'src="([^"]*explorables[^"]*)"', text)
    linked += re.findall(r'href="([^"]*explorables[^"]*\.css[^"]*)"', text)
    for src in set(linked):
        if "://" not in src and not src.startswith("data:"):
            target = (page.parent / src.split("?")[0]).resolve()
            if target.exists():
                size += target.stat().st_size
    return size


def main():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not (HTML / PAGE).exists() or not Path(chromium).exists():
        print("explorables benchmark skipped: needs `make book` and Debian's chromium")
        return
    handler = functools.partial(_Quiet, directory=str(HTML))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"python {sys.version.split()[0]} on {platform.machine()}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")
    print(f"{'explorable update (median of ' + str(UPDATES) + ')':<44} {'median':>8} {'p95':>8}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium, args=["--headless=new", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("**/*", lambda route: route.continue_()
                   if route.request.url.startswith((site, "data:")) else route.abort())
        page.goto(f"{site}/{PAGE}", wait_until="load")
        page.wait_for_selector(".normlib-explorable[data-ready]")
        page.evaluate(TIMER, ["paths", "lam", "i % 2001", 20])  # warm-up (JIT)
        for kind, name, expr in CONTROLS:
            times = sorted(page.evaluate(TIMER, [kind, name, expr, UPDATES]))
            median = (times[UPDATES // 2 - 1] + times[UPDATES // 2]) / 2
            p95 = times[int(0.95 * UPDATES) - 1]
            verdict = "PASS" if median <= BUDGET_MS else "MISS"
            print(f"{kind + ': ' + name:<44} {median:6.2f} ms {p95:6.2f} ms  "
                  f"budget {BUDGET_MS:.0f} ms  {verdict}")
        browser.close()
    server.shutdown()
    weight = page_weight() / MB
    verdict = "PASS" if weight < OLD_PAGE_MB else "MISS"
    print(f"{'page ' + PAGE + ' (with script, CSS, images)':<44} {weight:6.2f} MB  "
          f"old slider page {OLD_PAGE_MB:.2f} MB  {verdict}")


if __name__ == "__main__":
    main()
