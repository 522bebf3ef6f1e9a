"""The built site's launch and repository buttons agree with the one place the repository
is named (``repository`` in ``_config.yml``), for every chapter notebook of ``_toc.yml``:
Colab and Binder open the very notebook whose first cell installs normlib."""

import os
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "scripts"))
from install_cell import chapter_notebooks  # noqa: E402

if not (HTML / "index.html").exists():
    if os.environ.get("CI"):
        pytest.exit("site link tests cannot run: no built book (CI is set)", 1)
    pytest.skip("site link tests skipped: run `make book` first", allow_module_level=True)

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
URL = CONFIG["repository"]["url"].rstrip("/")
BRANCH = CONFIG["repository"].get("branch", "main")
SLUG = URL.removeprefix("https://github.com/")
# Binder opens JupyterLab (lab/tree/…), where jupyterlab-myst renders the MyST, or the
# classic notebook (tree/…), as launch_buttons.notebook_interface says.
BINDER_PATH = {"jupyterlab": "lab/tree"}.get(
    CONFIG.get("launch_buttons", {}).get("notebook_interface", "classic"), "tree"
)
CHAPTERS = chapter_notebooks()


@pytest.mark.parametrize("notebook", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_launch_buttons_open_this_notebook_in_the_configured_repository(notebook):
    relative = notebook.relative_to(ROOT).as_posix()
    page = (HTML / relative).with_suffix(".html").read_text(encoding="utf-8")
    assert f"https://colab.research.google.com/github/{SLUG}/blob/{BRANCH}/{relative}" in page
    assert f"https://mybinder.org/v2/gh/{SLUG}/{BRANCH}?urlpath={BINDER_PATH}/{relative}" in page
    assert f"{URL}/edit/{BRANCH}/{relative}" in page
    # no other repository anywhere on the page
    others = {u for u in re.findall(r"https://github\.com/[\w.-]+/[\w.-]+", page) if u != URL}
    assert others == set()


def test_the_install_cell_is_not_shown_on_the_pages():
    for notebook in CHAPTERS:
        page = (HTML / notebook.relative_to(ROOT)).with_suffix(".html").read_text(encoding="utf-8")
        assert "NORMLIB_SOURCE" not in page, notebook.name
