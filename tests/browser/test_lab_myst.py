"""`make lab` in a real browser: JupyterLab (started by scripts/lab.py on a free port, with
every request that leaves it blocked) renders a chapter's MyST markup, so a learner reads
`{term}` roles as words, not as markup; folded solution cells show as collapsed."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "browser-test"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab_url(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_TOKEN": TOKEN,
    }
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "lab.py"), "--dir", str(tmp_path / "lab"),
         "--port", str(port), "--no-browser"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp_path,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=2).close()
                break
            except OSError:
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


def test_lab_renders_myst_in_a_chapter(browser, lab_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    external = []

    def route(r):
        if r.request.url.startswith((lab_url, "ws://127.0.0.1", "data:", "blob:", "about:")):
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    try:
        page.goto(f"{lab_url}/lab/tree/01_norms.ipynb?token={TOKEN}", wait_until="load")
        page.locator(".jp-MarkdownCell").first.wait_for(timeout=60000)
        # Rendered, the source's "A {term}`norm` is a rule" reads "A norm is a rule"; a cell
        # shown before MyST has rendered it still has the markup, so wait for the words.
        page.wait_for_function(
            "() => [...document.querySelectorAll('.jp-MarkdownCell')]"
            ".some(c => c.innerText.includes('A norm is a rule that gives every vector a size'))",
            timeout=60000,
        )
        text = page.locator(".jp-MarkdownCell").first.inner_text()
        assert "{term}" not in text and "`norm`" not in text  # the role is rendered
        assert "norm" in text
        page.screenshot(path=str(ROOT / "_build" / "screenshots" / "lab-01_norms.png"))
    finally:
        context.close()
    assert external == []
