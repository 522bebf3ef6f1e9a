"""normlib as a package: the wheel holds every module and the licence, its metadata is
right, and `pip install .` leaves no build debris in the tree (offline: flit_core is
pinned in requirements.txt, so no build isolation is needed)."""

import email
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PIP = [sys.executable, "-m", "pip"]
OFFLINE = ["--quiet", "--no-deps", "--no-build-isolation", "--no-index"]


def _source_copy(tmp_path):
    """The files a `pip install .` reads, in a fresh folder (no caches, no build/)."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, src)
    shutil.copytree(ROOT / "normlib", src / "normlib", ignore=shutil.ignore_patterns("__pycache__"))
    return src


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([*PIP, "wheel", *OFFLINE, "-w", str(out), str(ROOT)], check=True)
    (built,) = out.glob("normlib-*.whl")
    return built


def test_the_wheel_holds_every_module(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    sources = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "normlib").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert sources and sources <= names
    assert not any(n.startswith(("tests/", "book/", "benchmarks/")) for n in names)


def test_the_wheel_metadata(wheel):
    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = email.message_from_bytes(zf.read(meta_name))
        licences = [n for n in zf.namelist() if n.endswith("/licenses/LICENSE")]
    project = PYPROJECT["project"]
    assert meta["Name"] == "normlib"
    assert meta["Version"] == project["version"]
    assert wheel.name == f"normlib-{project['version']}-py3-none-any.whl"
    assert meta["Requires-Python"] == project["requires-python"]
    assert meta["License-Expression"] == "MIT"
    assert licences
    requires = meta.get_all("Requires-Dist")
    assert any(r.startswith("numpy") for r in requires)
    assert any("matplotlib" in r and "extra == \"plot\"" in r for r in requires)


def test_the_installed_version_matches_pyproject():
    from importlib.metadata import version

    import normlib

    assert version("normlib") == PYPROJECT["project"]["version"]
    assert normlib.__name__ == "normlib"


def test_pip_install_leaves_no_build_debris(tmp_path):
    src = _source_copy(tmp_path)
    before = sorted(p.relative_to(src) for p in src.rglob("*"))
    target = tmp_path / "site"
    subprocess.run([*PIP, "install", *OFFLINE, "--target", str(target), str(src)], check=True)
    after = sorted(p.relative_to(src) for p in src.rglob("*"))
    assert after == before  # no build/, no *.egg-info
    assert (target / "normlib" / "plotting" / "__init__.py").exists()


def test_license_states_code_and_content_licences():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in text and "CC BY 4.0" in text
    assert PYPROJECT["project"]["license"] == "MIT"
