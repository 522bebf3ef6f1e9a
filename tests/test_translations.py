"""The Korean edition stays complete (issue 11): CI fails the moment English text changes
without its Korean translation.

- every catalog (one per page, the theme's strings, the figures') is fully translated, with
  nothing fuzzy or obsolete, and keeps the English markup (scripts/check_translations.py);
- the catalogs hold exactly the messages the pages have now: the messages are extracted
  again (Sphinx's gettext builder, nothing executed) and compared, page by page;
- the figures' catalog holds exactly the strings the stored chapters draw;
- the glossary's Korean terms are the ones the catalogs use (checked per {term} role);
- the checker itself catches what it must (each rule on a known-bad message).

The built Korean pages are checked in tests/built/test_editions.py.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import check_translations as ct  # noqa: E402
import figure_catalog  # noqa: E402
import install_cell  # noqa: E402

PAGE_CATALOGS = sorted((ct.CATALOGS / "book").glob("*.po"))


def test_one_catalog_per_page():
    catalogs = {str(p.relative_to(ct.CATALOGS).with_suffix("")) for p in PAGE_CATALOGS}
    assert catalogs == set(install_cell.toc_files())


@pytest.mark.parametrize("path", ct.catalogs(), ids=lambda p: p.name)
def test_catalog_is_complete_and_faithful(path):
    problems = ct.check_catalog(path)
    assert not problems, "\n".join(f"{path.name}:{line}: {p}" for line, p in problems[:20])


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The messages of every page, extracted now from the sources (execution off)."""
    if shutil.which("jupyter-book", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("jupyter-book is not installed in this environment")
    out = tmp_path_factory.mktemp("gettext")
    config = out / "_config_gettext.yml"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "edition_config.py"), "gettext",
                    str(ROOT / "_config.yml"), str(config)], check=True)
    subprocess.run(
        [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT), "--builder",
         "custom", "--custom-builder", "gettext", "--config", str(config), "--path-output",
         str(out), "--warningiserror", "--quiet"],
        check=True, capture_output=True, text=True,
    )
    return out / "_build" / "gettext"


@pytest.mark.parametrize("path", PAGE_CATALOGS, ids=lambda p: p.stem)
def test_catalog_matches_the_english_page(path, extracted):
    """Re-extract and compare: an English sentence changed without its catalog fails here."""
    template = extracted / path.relative_to(ct.CATALOGS).with_suffix(".pot")
    english = {e.msgid for e in polib.pofile(str(template)) if e.msgid}
    translated = {e.msgid for e in polib.pofile(str(path)) if e.msgid and not e.obsolete}
    assert not english - translated, (
        f"English text of {path.stem} not in its catalog (run make translations and translate): "
        f"{sorted(english - translated)[:5]}")
    assert not translated - english, (
        f"messages of {path.stem}'s catalog no longer in the page (run make translations): "
        f"{sorted(translated - english)[:5]}")


def test_theme_strings_are_translated(extracted):
    english = {e.msgid for e in polib.pofile(str(extracted / "sphinx.pot"))}
    translated = {e.msgid: e.msgstr for e in polib.pofile(str(ct.CATALOGS / "sphinx.po"))}
    assert english <= set(translated)
    assert all(translated[m] for m in english)


def test_figure_catalog_matches_the_chapters():
    drawn = set(figure_catalog.all_texts())
    assert drawn, "no figure lists its texts: run scripts/execute_notebooks.py"
    catalog = {e.msgid for e in polib.pofile(str(ct.FIGURES)) if not e.obsolete}
    assert not drawn - catalog, f"figure text without catalog entry: {sorted(drawn - catalog)[:5]}"
    assert not catalog - drawn, f"catalog entries no figure draws: {sorted(catalog - drawn)[:5]}"


def test_every_stored_figure_lists_its_texts():
    """The figures' catalog can only be complete if every figure reports its strings."""
    import nbformat

    for path in sorted((ROOT / "book").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                if "image/png" in output.get("data", {}):
                    extra = output.get("metadata", {}).get("image/png", {}).get("normlib")
                    assert extra is not None and "texts" in extra, (
                        f"{path.name}: a figure without its texts (re-execute the chapter "
                        "with scripts/execute_notebooks.py)")
                    assert set(extra) == {"texts"}, "stored notebooks keep only the texts"


# --- the glossary's terms -------------------------------------------------------------


def test_glossary_terms_are_parsed():
    terms = ct.glossary_terms()
    assert terms["normalization"] == "정규화"
    assert terms["regularization"] == "규제"  # the Korean edition keeps the two apart
    assert terms["lasso"] == "라쏘"
    assert terms["l1 norm"] == "L1 노름"
    assert len(terms) >= 70


def test_glossary_terms_are_used_in_the_catalogs():
    """Every {term} role of a translation shows the glossary's Korean term of its target."""
    terms = ct.glossary_terms()
    seen = 0
    for path in PAGE_CATALOGS:
        for entry in polib.pofile(str(path)):
            for role, body in ct.ROLE.findall(entry.msgstr):
                if role == "term":
                    seen += 1
                    korean = terms[ct.role_target(role, body)]
                    assert korean in ct._normalized(ct.role_label(body)), (path.name, body)
    assert seen > 100


# --- the checker catches what it must --------------------------------------------------

TERMS = {"norm": "노름", "l1 norm": "L1 노름"}


def _problems(msgid, msgstr, flags=()):
    entry = polib.POEntry(msgid=msgid, msgstr=msgstr, flags=list(flags))
    return ct.check_entry(entry, TERMS)


def test_checker_accepts_a_faithful_translation():
    assert _problems(
        "The {term}`L1 norm` of $x$ is `nl.l1_norm(x)` ({doc}`01_norms`).",
        "$x$의 {term}`L1 노름 <L1 norm>`은 `nl.l1_norm(x)`입니다 ({doc}`01_norms`).",
    ) == []


@pytest.mark.parametrize(
    ("msgstr", "flags", "expected"),
    [
        ("", (), "untranslated"),
        ("$x$의 L1 노름", ("fuzzy",), "fuzzy"),
        ("$y$의 {term}`L1 노름 <L1 norm>`은 `nl.l1_norm(x)`입니다 ({doc}`01_norms`).", (), "math"),
        ("$x$의 {term}`L1 노름 <L1 norm>`은 `nl.l2_norm(x)`입니다 ({doc}`01_norms`).", (),
         "inline code"),
        ("$x$의 {term}`L1 노름 <L1 norm>`은 `nl.l1_norm(x)`입니다.", (), "role"),
        ("$x$의 {term}`L1 norm`은 `nl.l1_norm(x)`입니다 ({doc}`01_norms`).", (), "glossary"),
        ("The {term}`L1 노름 <L1 norm>` of $x$ is `nl.l1_norm(x)` ({doc}`01_norms`).", (), None),
    ],
)
def test_checker_catches(msgstr, flags, expected):
    problems = _problems(
        "The {term}`L1 norm` of $x$ is `nl.l1_norm(x)` ({doc}`01_norms`).", msgstr, flags)
    if expected is None:
        assert problems == []  # Korean term shown, markup kept: English words around it are allowed
    else:
        assert any(expected in p for p in problems), problems


def test_checker_wants_korean():
    assert any("Hangul" in p for p in _problems("Scale each feature to the unit range.",
                                                "Scale each feature to the unit range."))
    assert _problems("scikit-learn", "scikit-learn") == []  # one name may stay as it is


def test_checker_formula_messages():
    formula = ("\n\\min_w \\; \\mathrm{SSE}(w) \\quad\\text{subject to}\\quad "
               "\\lVert w\\rVert_1 \\le t\n")
    assert ct.is_formula(formula)
    assert _problems(formula, formula.replace("subject to", "제약 조건:")) == []
    assert any("Hangul" in p for p in _problems(formula, formula))  # English left in \text{}
    changed = formula.replace("\\le t", "\\le s").replace("subject to", "제약 조건:")
    assert any("math" in p for p in _problems(formula, changed))


def test_checker_flags_obsolete_messages(tmp_path):
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Old sentence here.", msgstr="옛 문장입니다.", obsolete=True))
    path = tmp_path / "x.po"
    po.save(str(path))
    assert any("obsolete" in p for _, p in ct.check_catalog(path, TERMS))
