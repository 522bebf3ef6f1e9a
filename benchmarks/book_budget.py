"""Build-time and size budgets of the book (issue 4), printed, never asserted.

Run with ``make bench-book``. It times a clean ``make book`` (installs already
done: ``make venv`` first) and a second, no-change ``make book``, then measures
each page's own weight (its HTML plus the images and data it embeds or links
locally; the theme's and MathJax's shared files are reported once, separately)
and the whole ``_build/html`` tree.
"""

import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
MB = 1024 * 1024
BUDGETS = {"clean build": 90.0, "no-change build": 15.0, "page": 2 * MB, "site": 30 * MB}


def timed_make_book():
    start = time.perf_counter()
    subprocess.run(["make", "-s", "book"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def page_weight(page):
    html = page.read_text(encoding="utf-8")
    size = page.stat().st_size
    for src in set(re.findall(r'<img[^>]+src="([^"]+)"', html)):
        if "://" not in src and not src.startswith("data:"):
            target = (page.parent / src.split("?")[0]).resolve()
            if target.exists():
                size += target.stat().st_size
    return size


def tree_size(path):
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def row(name, value, budget, unit):
    verdict = "PASS" if value <= budget else "MISS"
    if unit == "s":
        print(f"{name:<40} {value:8.1f} s   budget {budget:6.1f} s    {verdict}")
    else:
        print(f"{name:<40} {value / MB:8.2f} MB  budget {budget / MB:6.1f} MB   {verdict}")


def main():
    print(f"python {sys.version.split()[0]} on {platform.machine()}, {os.cpu_count()} cores")
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    row("clean make book", timed_make_book(), BUDGETS["clean build"], "s")
    row("second make book (nothing changed)", timed_make_book(), BUDGETS["no-change build"], "s")
    pages = sorted(p for p in HTML.rglob("*.html") if "_static" not in p.parts)
    for page in pages:
        row(f"page {page.relative_to(HTML)}", page_weight(page), BUDGETS["page"], "MB")
    row("shared assets (_static)", tree_size(HTML / "_static"), BUDGETS["site"], "MB")
    row("whole _build/html", tree_size(HTML), BUDGETS["site"], "MB")


if __name__ == "__main__":
    main()
