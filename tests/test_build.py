"""The build wiring that keeps the book honest (issue 4): stale outputs are
never shown, and a chapter that raises fails the build.

Jupyter Book caches each chapter's execution by the notebook's own content, so
a change to normlib alone would leave stale outputs in the book. The Makefile
drops the execution cache and Sphinx's environment whenever a normlib source
is newer than the last build; `make -n -W FILE` asks make what it would do if
FILE had just changed, without doing it.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("source", ["normlib/norms.py", "normlib/models.py"])
def test_changing_normlib_reexecutes_the_chapters(source):
    plan = subprocess.run(
        ["make", "-n", "-W", source, "book"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert "rm -rf _build/.jupyter_cache _build/.doctrees" in plan
    assert "jupyter-book build" in plan


def test_a_failing_chapter_fails_the_build(tmp_path):
    """A one-chapter book with the project's configuration, whose chapter raises."""
    import nbformat

    (tmp_path / "book").mkdir()
    shutil.copy(ROOT / "_config.yml", tmp_path)
    for folder in (ROOT / "book").iterdir():  # extensions, static files, images
        if folder.is_dir() and not folder.name.startswith("."):
            shutil.copytree(folder, tmp_path / "book" / folder.name,
                            ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "book" / "references.bib", tmp_path / "book")
    (tmp_path / "_toc.yml").write_text(
        "format: jb-book\nroot: book/intro\nchapters:\n  - file: book/broken\n"
    )
    (tmp_path / "book" / "intro.md").write_text("# Intro\n")
    chapter = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# Broken"), nbformat.v4.new_code_cell("1 / 0")],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    )
    nbformat.write(chapter, tmp_path / "book" / "broken.ipynb")
    build = subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode != 0
    assert "Executing notebook failed" in build.stdout + build.stderr
