"""`make lab` (scripts/lab.py): working copies outside book/, solutions folded, MyST
rendering installed, works as root and not, and a real JupyterLab starts on a free port
and serves the chapters (stopped at the end of the test)."""

import hashlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import lab  # noqa: E402


def _hash_book():
    digest = hashlib.sha256()
    for path in sorted((ROOT / "book").rglob("*")):
        if path.is_file():
            digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


def test_working_copies_leave_book_untouched_and_are_never_overwritten(tmp_path):
    before = _hash_book()
    copied = lab.prepare(tmp_path)
    names = {p.name for p in copied}
    assert {p.name for p in lab.chapter_notebooks()} <= names
    assert "glossary.md" in names
    assert not any(part.startswith("_") for p in copied for part in p.relative_to(tmp_path).parts)
    mine = tmp_path / "01_norms.ipynb"
    mine.write_text(mine.read_text() + " ")  # the learner's saved work
    assert lab.prepare(tmp_path) == []
    assert mine.read_text().endswith(" ")
    assert _hash_book() == before


def test_solutions_are_folded_in_the_copies(tmp_path):
    lab.prepare(tmp_path)
    folded_total = 0
    for notebook in lab.chapter_notebooks():
        nb = nbformat.read(tmp_path / notebook.name, as_version=4)
        inside = False
        for cell in nb.cells:
            if cell.get("id") == lab.CELL_ID:
                assert cell.metadata["jupyter"]["source_hidden"]
                continue
            if lab.SOLUTION_START in cell.source:
                inside = True
            hidden = cell.metadata.get("jupyter", {}).get("source_hidden", False)
            assert hidden == inside, (notebook.name, cell.source[:60])
            folded_total += hidden
            if lab.SOLUTION_END in cell.source:
                inside = False
        # exercises themselves stay visible
        for cell in nb.cells:
            if "{exercise}" in cell.source:
                assert not cell.metadata.get("jupyter", {}).get("source_hidden")
    assert folded_total > 10


def test_allow_root_only_for_root(tmp_path):
    as_root = lab.lab_command(tmp_path, 9999, open_browser=False, is_root=True)
    as_user = lab.lab_command(tmp_path, 9999, open_browser=True, is_root=False)
    assert "--allow-root" in as_root and "--no-browser" in as_root
    assert "--allow-root" not in as_user and "--no-browser" not in as_user
    assert "--ServerApp.port=9999" in as_user


def test_jupyterlab_myst_is_installed():
    from importlib.metadata import version

    requirements = (ROOT / "requirements.txt").read_text()
    for name in ("jupyterlab", "jupyterlab_myst"):
        assert f"{name}=={version(name)}" in requirements


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_lab_starts_jupyterlab_and_serves_the_chapters(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTER_TOKEN": "test-token",
    }
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "lab.py"), "--dir", str(tmp_path / "lab"),
         "--port", str(port), "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=tmp_path,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        status = None
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and server.poll() is None:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token=test-token", timeout=2) as r:
                    status = json.load(r)
                    break
            except OSError:
                time.sleep(0.5)
        assert status is not None, "JupyterLab did not answer"
        with urllib.request.urlopen(f"{base}/lab/api/extensions?token=test-token") as r:
            extensions = {e["name"] for e in json.load(r)}
        assert "jupyterlab-myst" in extensions
        with urllib.request.urlopen(f"{base}/api/contents/01_norms.ipynb?token=test-token") as r:
            assert json.load(r)["type"] == "notebook"
    finally:
        server.terminate()
        try:
            output, _ = server.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    assert "working copies in" in output
    assert re.search(rf"http://(localhost|127\.0\.0\.1):{port}/lab", output)  # the URL


@pytest.mark.skipif(os.geteuid() != 0, reason="the root case needs root")
def test_as_root_the_command_allows_root(tmp_path):
    assert "--allow-root" in lab.lab_command(tmp_path, 8888, open_browser=False)
