"""Every way of running a chapter works (issue 9): the install cell, the one place the
repository is named, the Python floor, Binder, and a chapter run alone in an empty folder
against a wheel built from the checkout, offline.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import install_cell  # noqa: E402  (scripts/ is not a package)

CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
REPO_URL = CONFIG["repository"]["url"].rstrip("/")
BRANCH = CONFIG["repository"].get("branch", "main")
CHAPTERS = install_cell.chapter_notebooks()


# --- the repository is named in one place: _config.yml -------------------------------

def test_the_repository_is_a_github_url_in_config():
    # The launch buttons (Binder, Colab), the repository, issues and edit buttons of the
    # site are all built by sphinx-book-theme from these keys.
    assert re.fullmatch(r"https://github\.com/[\w.-]+/[\w.-]+", REPO_URL)
    assert CONFIG["launch_buttons"]["binderhub_url"] == "https://mybinder.org"
    assert CONFIG["launch_buttons"]["colab_url"] == "https://colab.research.google.com"


def test_every_chapter_notebook_of_the_toc_is_found():
    toc_files = [p.stem for p in CHAPTERS]
    assert "01_norms" in toc_files and len(toc_files) >= 7


@pytest.mark.parametrize("notebook", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_every_chapter_starts_with_the_current_install_cell(notebook):
    nb = nbformat.read(notebook, as_version=4)
    first = nb.cells[0]
    assert first.get("id") == install_cell.CELL_ID, "run scripts/install_cell.py"
    assert first.cell_type == "code"
    assert first.metadata.get("tags") == ["remove-cell"]
    assert first.source == install_cell.cell_source(), "outdated: run scripts/install_cell.py"
    assert first.outputs == []  # nothing printed where normlib is installed
    assert sum(cell.get("id") == install_cell.CELL_ID for cell in nb.cells) == 1


def test_the_install_cell_names_the_configured_repository_and_branch():
    source = install_cell.cell_source()
    urls = re.findall(r"https://github\.com/\S+?(?=\")", source)
    assert urls == [f"{REPO_URL}/archive/refs/heads/{BRANCH}.zip"]
    compile(source, "install-cell", "exec")  # valid Python


def test_the_install_cell_follows_the_configuration(tmp_path):
    # Change the one place: the cell follows, nothing else needs editing.
    (tmp_path / "_config.yml").write_text(
        "repository:\n  url: https://github.com/someone/fork\n  branch: dev\n"
    )
    assert "https://github.com/someone/fork/archive/refs/heads/dev.zip" in install_cell.cell_source(
        tmp_path
    )


def test_install_cell_script_is_idempotent(tmp_path):
    chapter = tmp_path / "chapter.ipynb"
    shutil.copy(ROOT / "book" / "01_norms.ipynb", chapter)
    before = nbformat.read(chapter, as_version=4)
    without = [c for c in before.cells if c.get("id") != install_cell.CELL_ID]
    assert install_cell.apply(chapter) in (True, False)
    once = chapter.read_text(encoding="utf-8")
    assert install_cell.apply(chapter) is False  # second run: nothing to do
    assert chapter.read_text(encoding="utf-8") == once
    after = nbformat.read(chapter, as_version=4)
    assert after.cells[0].id == install_cell.CELL_ID
    # every other cell untouched, in order
    assert [c.id for c in after.cells[1:]] == [c.id for c in without]
    assert [c.source for c in after.cells[1:]] == [c.source for c in without]
    assert install_cell.main(["--check", str(chapter)]) == 0


def test_install_cell_check_reports_a_notebook_without_it(tmp_path, capsys):
    chapter = tmp_path / "bare.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), chapter)
    assert install_cell.main(["--check", str(chapter)]) == 1
    assert "bare.ipynb" in capsys.readouterr().out


def test_readme_names_the_configured_repository_only():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    github = set(re.findall(r"https://github\.com/[\w.-]+/[\w.-]+", readme))
    assert github == {REPO_URL}
    assert install_cell.install_source() in readme  # the learner's pip command


def test_pyproject_names_the_configured_repository():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["urls"]["Homepage"] == REPO_URL


# --- Python floor: README, pyproject.toml and the Makefile agree ----------------------

def _floor():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    match = re.fullmatch(r">=\s*(\d+\.\d+)", meta["requires-python"])
    assert match, meta["requires-python"]
    return match.group(1)


def test_python_floor_agrees_everywhere():
    floor = _floor()
    # numpy 2.4 and scikit-learn 1.9 (pinned) need Python >= 3.11
    assert floor == "3.11"
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(rf"^PYTHON_FLOOR := {re.escape(floor)}$", makefile, re.M)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Python {floor}+" in readme or f"Python ≥ {floor}" in readme
    assert not re.search(r"3\.10\+", readme)
    ruff_target = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]
    assert ruff_target["target-version"] == "py" + floor.replace(".", "")


def _make_env(**extra):
    """The environment for a make run of its own: nothing inherited from a make that runs
    these tests (`make test` sets MAKEFLAGS and MAKELEVEL, which change what make prints)."""
    skip = ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES", "CI")
    return {**{k: v for k, v in os.environ.items() if k not in skip}, **extra}


def _makefile_copy(tmp_path):
    """The files the set-up target reads, in an empty folder (nothing else is needed)."""
    for name in ("Makefile", "requirements.txt", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path)
    return tmp_path


FAKE_PYTHON_310 = """#!/bin/sh
# Pretends to be Python 3.10: answers the version question, records anything else.
case "$*" in
  *version_info*) echo 3.10 ;;
  *) echo "$*" >> "$(dirname "$0")/calls"; exit 0 ;;
esac
"""


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("goal", ["venv", "book", "test"])
def test_make_on_python_310_stops_at_once_with_one_line(tmp_path, goal):
    work = _makefile_copy(tmp_path)
    fake = tmp_path / "fake-python3.10"
    fake.write_text(FAKE_PYTHON_310)
    fake.chmod(0o755)
    run = subprocess.run(
        ["make", goal, f"PYTHON={fake}"],
        cwd=work, capture_output=True, text=True, timeout=60, env=_make_env(),
    )
    assert run.returncode != 0
    lines = (run.stdout + run.stderr).strip().splitlines()
    assert len(lines) == 1, lines
    assert "Python 3.11+ is needed" in lines[0] and "3.10" in lines[0]
    assert not (work / ".venv").exists()
    assert not (tmp_path / "calls").exists()  # the fake was never asked to build anything


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_help_needs_no_python(tmp_path):
    work = _makefile_copy(tmp_path)
    run = subprocess.run(
        ["make", "help", "PYTHON=/nonexistent/python"],
        cwd=work, capture_output=True, text=True, env=_make_env(),
    )
    assert run.returncode == 0 and "make book" in run.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_a_failed_install_leaves_no_venv_behind(tmp_path):
    work = _makefile_copy(tmp_path)
    # A requirement that cannot be found, with the package index switched off: pip fails
    # quickly and offline, after the venv was created.
    (work / "requirements.txt").write_text("no-such-package-normlib-test==1.0\n")
    # what an older Makefile left behind: a .venv without the stamp of a finished install
    (work / ".venv" / "bin").mkdir(parents=True)
    (work / ".venv" / "bin" / "python").symlink_to("/nonexistent/python3.10")
    env = _make_env(PIP_NO_INDEX="1")
    run = subprocess.run(
        ["make", "venv", f"PYTHON={sys.executable}"],
        cwd=work, capture_output=True, text=True, timeout=300, env=env,
    )
    assert run.returncode != 0
    assert "removing the incomplete .venv (left by an earlier failed install)" in run.stdout
    assert "removed the incomplete .venv" in run.stdout
    assert not (work / ".venv").exists()


# --- Binder -------------------------------------------------------------------------

def _pins(path):
    pins = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, version = line.split("==")
            pins[name.strip().lower().replace("_", "-")] = version.strip()
    return pins


def test_binder_configuration_installs_normlib_with_the_book_pins():
    binder = ROOT / "binder"
    requirements = _pins(binder / "requirements.txt")
    book = _pins(ROOT / "requirements.txt")
    # what the chapters import, and MyST rendering in JupyterLab, at the book's versions
    for name in ("numpy", "scipy", "matplotlib", "scikit-learn", "jupyterlab-myst", "ipykernel"):
        assert requirements.get(name) == book[name], name
    for name, version in requirements.items():
        assert book.get(name) == version, f"{name}=={version} is not the book's pin"
    runtime = (binder / "runtime.txt").read_text().strip()
    assert runtime == f"python-{_floor()}"
    post_build = binder / "postBuild"
    assert os.access(post_build, os.X_OK)
    lines = [ln for ln in post_build.read_text().splitlines() if ln and not ln.startswith("#")]
    assert lines[0].startswith("#!") or post_build.read_text().startswith("#!")
    assert any(re.search(r"pip install .*--no-deps .*\.$", ln) for ln in lines)
    syntax = subprocess.run(["bash", "-n", str(post_build)], capture_output=True, text=True)
    assert syntax.returncode == 0, syntax.stderr


# --- a chapter copied alone into an empty folder ------------------------------------

@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """A normlib wheel built from the checkout, offline (flit_core is in .venv)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--no-index", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    (built,) = out.glob("normlib-*.whl")
    return built


def _bare_environment(tmp_path):
    """A fresh venv that sees the book's third-party packages (numpy, matplotlib,
    scikit-learn, Jupyter) but not normlib: .venv's site-packages is added as a plain
    path, so .venv's editable-install hook for normlib is not run."""
    env_dir = tmp_path / "env"
    subprocess.run([sys.executable, "-m", "venv", str(env_dir)], check=True)
    python = env_dir / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True,
    ).stdout.strip()
    import numpy  # the .venv's site-packages

    Path(site, "book-packages.pth").write_text(str(Path(numpy.__file__).parents[1]) + "\n")
    return python


def test_a_chapter_runs_alone_in_an_empty_folder(tmp_path, wheel):
    folder = tmp_path / "fresh"
    folder.mkdir()
    chapter = folder / "03_regularization.ipynb"
    shutil.copy(ROOT / "book" / "03_regularization.ipynb", chapter)
    install_cell.apply(chapter)  # no change once scripts/install_cell.py has run on book/
    python = _bare_environment(tmp_path)
    drop = ("PYTHON", "VIRTUAL_ENV", "JUPYTER")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env.update(
        NORMLIB_SOURCE=f"normlib[plot] @ {wheel.as_uri()}",  # offline: the built wheel
        PIP_NO_INDEX="1",
        JUPYTER_PATH=str(tmp_path / "jupyter"),
        JUPYTER_DATA_DIR=str(tmp_path / "jupyter"),
        MPLBACKEND="Agg",
    )
    probe = subprocess.run(
        [str(python), "-c", "import importlib.util as u; print(u.find_spec('normlib'))"],
        cwd=folder, env=env, capture_output=True, text=True, check=True,
    )
    assert probe.stdout.strip() == "None"  # normlib really is missing before the chapter runs
    runner = (
        "import sys, nbformat\n"
        "from nbclient import NotebookClient\n"
        "nb = nbformat.read(sys.argv[1], as_version=4)\n"
        "NotebookClient(nb, timeout=300, kernel_name='python3',"
        " resources={'metadata': {'path': '.'}}).execute()\n"
        "nbformat.write(nb, sys.argv[1])\n"
    )
    run = subprocess.run(
        [str(python), "-c", runner, str(chapter)],
        cwd=folder, env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    nb = nbformat.read(chapter, as_version=4)
    first = nb.cells[0]
    assert first.id == install_cell.CELL_ID
    message = f"installed normlib from {env['NORMLIB_SOURCE']}\n"
    assert [o.get("text") for o in first.outputs] == [message]
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", output
            assert not (output.output_type == "stream" and output.name == "stderr"), output
    installed = subprocess.run(
        [str(python), "-c", "import normlib; print(normlib.__file__)"],
        cwd=folder, env=env, capture_output=True, text=True, check=True,
    ).stdout
    assert str(tmp_path / "env") in installed  # the wheel, not the checkout
    # Text outputs agree with the stored ones (the chapter is deterministic).
    stored = nbformat.read(ROOT / "book" / "03_regularization.ipynb", as_version=4)
    def texts(notebook):
        skip = install_cell.CELL_ID
        return [json.dumps(_texts(c)) for c in notebook.cells if c.get("id") != skip]

    assert texts(nb) == texts(stored)


def _texts(cell):
    """A cell's text: its streams joined (how the kernel flushed them does not matter)
    and its text/plain results, figure reprs left out."""
    outputs = cell.get("outputs", [])
    streams = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    plain = [
        o["data"]["text/plain"]
        for o in outputs
        if "text/plain" in o.get("data", {}) and not o["data"]["text/plain"].startswith("<Figure")
    ]
    return [streams, *plain]


# --- a machine without Chromium or TeX: one line each, a failure with CI set ----------

SKIPS = {
    # goal, the variable that plays the missing tool, what the line names
    "browser": ("CHROMIUM=/nonexistent/chromium", "browser tests", "apt-get install chromium"),
    "pdf-test": ("XELATEX=/nonexistent/xelatex", "PDF", ".ci/run"),
}


def _make_without(goal, ci):
    variable = SKIPS[goal][0]
    # -o: take the built book and .venv as they are (not rebuilt), run only this part
    env = _make_env(**({"CI": "true"} if ci else {}))
    return subprocess.run(
        ["make", "--no-print-directory", "-o", "book", "-o", ".venv/.installed",
         "-o", "_build/.normlib-stamp", goal, variable],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=120,
    )


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("goal", sorted(SKIPS))
def test_a_missing_tool_skips_with_one_line(goal):
    run = _make_without(goal, ci=False)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.strip().splitlines()
    assert len(lines) == 1 and run.stderr == "", (lines, run.stderr)
    _, part, hint = SKIPS[goal]
    assert lines[0].startswith(f"SKIPPED: {part}:") and hint in lines[0]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("goal", sorted(SKIPS))
def test_with_ci_set_a_missing_tool_fails(goal):
    run = _make_without(goal, ci=True)
    assert run.returncode != 0
    assert "FAILED" in run.stdout and "CI is set" in run.stdout
