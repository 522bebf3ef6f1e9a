"""The CI and publishing workflows (.github/workflows) cannot run here: they are validated
with actionlint, and checked to call the Makefile targets that .ci/run calls, to key the
execution cache on the notebooks and normlib, and to name no repository (an instructor
copies them without editing)."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which(
    "actionlint"
)


def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _runs(path):
    steps = [s for job in _load(path)["jobs"].values() for s in job.get("steps", [])]
    return [s["run"] for s in steps if "run" in s]


def _make_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))


def test_the_three_workflows_exist():
    assert {p.stem for p in WORKFLOWS} == {"test", "pages", "weekly"}


@pytest.mark.skipif(ACTIONLINT is None, reason="actionlint is installed by requirements.txt")
def test_actionlint_accepts_every_workflow():
    version = subprocess.run([ACTIONLINT, "-version"], capture_output=True, text=True)
    assert "actionlint" in version.stdout
    run = subprocess.run(
        [ACTIONLINT, "-no-color", "-shellcheck=", "-pyflakes=", *map(str, WORKFLOWS)],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    if ACTIONLINT is None:
        pytest.skip("no actionlint")
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - uses: actions/checkout@v4\n        with:\n          nope: 1\n")
    run = subprocess.run([ACTIONLINT, "-no-color", str(broken)], capture_output=True, text=True)
    assert run.returncode != 0


def test_workflows_call_the_makefile_like_ci_run():
    ci_run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci_run, re.M)
    targets = _make_targets()
    for path in WORKFLOWS:
        for run in _runs(path):
            for goals in re.findall(r"\bmake ([\w -]+)", run):
                for goal in goals.split():
                    assert goal in targets, f"{path.name}: make {goal} is not a Makefile target"
    test_runs = _runs(ROOT / ".github" / "workflows" / "test.yml")
    assert "bash .ci/run" in test_runs  # push and pull request: the whole gate
    weekly = _load(ROOT / ".github" / "workflows" / "weekly.yml")
    assert "schedule" in weekly[True] or "schedule" in weekly.get("on", {})
    assert any("make linkcheck" in r for r in _runs(ROOT / ".github" / "workflows" / "weekly.yml"))
    assert any("make book" in r for r in _runs(ROOT / ".github" / "workflows" / "pages.yml"))


def test_test_workflow_runs_on_push_and_pull_request():
    on = _load(ROOT / ".github" / "workflows" / "test.yml")[True]  # YAML 1.1: `on` is True
    assert "push" in on and "pull_request" in on


def test_pages_deploys_from_main_only():
    pages = _load(ROOT / ".github" / "workflows" / "pages.yml")
    assert pages[True]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "") for job in pages["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


@pytest.mark.parametrize("name", ["test", "pages"])
def test_execution_cache_is_keyed_on_notebooks_and_normlib(name):
    text = (ROOT / ".github" / "workflows" / f"{name}.yml").read_text(encoding="utf-8")
    key = re.search(r"key: (.*)", text).group(1)
    assert "book/**/*.ipynb" in key and "normlib/**/*.py" in key
    assert "_build/.jupyter_cache" in text
    assert "touch _build/.normlib-stamp" in text  # else make drops the restored cache


def test_workflows_name_no_repository():
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    slug = config["repository"]["url"].removeprefix("https://github.com/")
    for path in WORKFLOWS:
        assert slug not in path.read_text(encoding="utf-8"), path.name
