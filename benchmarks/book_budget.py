"""Build-time and size budgets of the book (issue 4), printed, never asserted.

Run with ``make bench-book``. It times a clean ``make book`` (installs already
done: ``make venv`` first) and a second, no-change ``make book``, then measures
each page's own weight (its HTML plus the images and data it embeds or links
locally; the theme's and MathJax's shared files are reported once, separately)
and the whole ``_build/html`` tree.

``make book`` builds two editions (issue 11): the English site in ``_build/html`` and
the Korean one in ``_build/html/ko``, from one execution of the chapters. The clean
build's budget is 120 s for both (it was 90 s for the English edition alone); each
edition's site has its own 30 MB budget (each carries its own copy of the theme and
of MathJax, so that either can be published or copied alone).
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
BUDGETS = {"clean build": 120.0, "no-change build": 15.0, "page": 2 * MB, "site": 30 * MB}


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


def tree_size(path, exclude=None):
    return sum(f.stat().st_size for f in path.rglob("*")
               if f.is_file() and (exclude is None or exclude not in f.parents))


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
    row("English site (_build/html without ko/)", tree_size(HTML, exclude=HTML / "ko"),
        BUDGETS["site"], "MB")
    row("Korean site (_build/html/ko)", tree_size(HTML / "ko"), BUDGETS["site"], "MB")
    print(f"{'both editions':<40} {tree_size(HTML) / MB:8.2f} MB")


if __name__ == "__main__":
    main()
