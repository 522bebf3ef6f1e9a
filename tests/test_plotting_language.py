"""Figures in Korean (normlib.plotting._language, issue 11): the text drawn in a figure is
translated from the figure catalog, math and numbers are left alone, nothing is drawn
with a missing glyph, and the book's kernels store each figure's Korean rendering."""

import base64
import io
import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import polib
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

import normlib as nl
from normlib.plotting import _language
from normlib.plotting.interactive import LABELS, NOJS_TEXT

CATALOG = _language.CATALOG_DIR / "figures.ko.po"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_catalog_reader_agrees_with_polib():
    """The reader normlib ships (no polib dependency) against polib, the reference."""
    reference = {e.msgid: e.msgstr for e in polib.pofile(str(CATALOG))
                 if e.msgid and e.msgstr and "fuzzy" not in e.flags and not e.obsolete}
    assert _language._read_po(CATALOG) == reference
    assert len(reference) > 200


def test_catalog_reader_skips_fuzzy_obsolete_and_untranslated(tmp_path):
    po = polib.POFile()
    po.append(polib.POEntry(msgid="kept", msgstr="유지"))
    po.append(polib.POEntry(msgid="fuzzy one", msgstr="퍼지", flags=["fuzzy"]))
    po.append(polib.POEntry(msgid="empty", msgstr=""))
    po.append(polib.POEntry(msgid="old", msgstr="옛것", obsolete=True))
    po.append(polib.POEntry(msgid='quote " and\nnewline', msgstr='따옴표 " 와\n줄바꿈'))
    path = tmp_path / "x.po"
    po.save(str(path))
    assert _language._read_po(path) == {
        "kept": "유지", 'quote " and\nnewline': '따옴표 " 와\n줄바꿈'}


@pytest.mark.parametrize(("text", "expected"), [
    ("Unit balls: $\\|x\\|_p = 1$", True),
    ("$p = 2$", False),
    ("λ = 0.31", False),
    ("L1 vs L2", False),   # abbreviations stay
    ("MSE (CV)", False),
    ("lasso", True),
    ("$\\text{subject to}$", False),  # inside math: the figure's math is not translated
])
def test_needs_translation(text, expected):
    assert _language.needs_translation(text) is expected


@given(st.text(alphabet="0123456789.,=+-−()[]λρ≤≥ ", max_size=30))
def test_numbers_and_symbols_never_need_translation(text):
    assert not _language.needs_translation(text)


def test_translate_figure_translates_prose_and_keeps_math():
    ax = nl.plotting.plot_unit_balls(ps=(0.5, 1, 2))
    english = [t.get_text() for t in ax.findobj(matplotlib.text.Text)]
    missing = nl.plotting.translate_figure(ax, "ko")
    assert missing == []
    assert ax.get_title() == _language.catalog("ko")["Unit balls: $\\|x\\|_p = 1$"]
    assert ax.get_xlabel() == "$x_1$"  # math only: unchanged
    assert "$p = 1$" in [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(english) == len(ax.findobj(matplotlib.text.Text))


def test_translate_figure_reports_strings_it_cannot_translate():
    fig, ax = plt.subplots()
    ax.set_title("A title nobody translated")
    ax.set_xlabel("$w$")
    assert nl.plotting.translate_figure(fig, "ko") == ["A title nobody translated"]
    assert ax.get_title() == "A title nobody translated"  # stays English, reported


def test_english_leaves_the_figure_alone():
    ax = nl.plotting.plot_unit_balls()
    before = ax.get_title()
    assert nl.plotting.translate_figure(ax, "en") == []
    assert ax.get_title() == before


@pytest.mark.parametrize("lang", ["fr", "KO", None, 1])
def test_bad_language_is_refused(lang):
    with pytest.raises(ValueError, match="'lang' parameter"):
        nl.plotting.translate_figure(plt.figure(), lang)
    with pytest.raises(ValueError, match="'lang' parameter of plot_unit_balls"):
        nl.plotting.plot_unit_balls(lang=lang)


def test_every_helper_takes_lang():
    import inspect

    helpers = [name for name in nl.plotting.__all__ if name.startswith("plot_")]
    assert len(helpers) > 15
    for name in helpers:
        signature = inspect.signature(getattr(nl.plotting, name))
        assert signature.parameters["lang"].default == "en", name
        assert "lang : {'en', 'ko'}" in getattr(nl.plotting, name).__doc__, name


def test_helper_with_lang_draws_korean():
    ax = nl.plotting.plot_shrinkage(t=1.0, lang="ko")
    assert _language._HANGUL.search(ax.get_title())
    assert all(_language._HANGUL.search(t.get_text()) or not _language.needs_translation(
        t.get_text()) for t in ax.get_legend().get_texts())


def _png_size(b64):
    return Image.open(io.BytesIO(base64.b64decode(b64))).size


def test_figure_translations_renders_korean_and_restores_english():
    ax = nl.plotting.plot_shrinkage(t=1.0)
    title = ax.get_title()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = nl.plotting.figure_translations(ax.figure, dpi_scale=1)
    assert result["missing"] == {"ko": []}
    assert title in result["texts"]
    assert ax.get_title() == title  # the English figure is unchanged afterwards
    width, height = _png_size(result["ko"])
    assert width > 100 and height > 100


def test_a_glyph_missing_from_every_font_is_an_error(monkeypatch):
    """A string the fonts cannot draw (here: Hangul set in DejaVu Sans only) must not become
    boxes in a figure: the render raises."""
    fig, ax = plt.subplots()
    ax.set_title("$w$ 가중치", fontfamily="DejaVu Sans")
    with pytest.raises(RuntimeError, match="fonts fall short"):
        _language._png(fig, 1)


def test_the_book_hook_stores_korean_renderings(monkeypatch):
    IPython = pytest.importorskip("IPython")
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    monkeypatch.setattr(shell, "kernel", object(), raising=False)
    monkeypatch.setattr(IPython, "get_ipython", lambda: shell)
    monkeypatch.setenv("NORMLIB_FIGURE_LANGUAGES", "ko")
    try:
        assert nl.plotting.inline_figures(scale=2) is True
        ax = nl.plotting.plot_unit_balls(ps=(1, 2))
        data, metadata = shell.display_formatter.format(ax.figure)
        extra = metadata["image/png"]["normlib"]
        assert extra["missing"] == {"ko": []}
        assert "Unit balls: $\\|x\\|_p = 1$" in extra["texts"]
        english, korean = _png_size(data["image/png"]), _png_size(extra["ko"])
        assert english[0] == pytest.approx(2 * metadata["image/png"]["width"], abs=1)
        assert korean[0] == pytest.approx(english[0], rel=0.2)  # same figure, other words
        assert extra["ko"] != data["image/png"]
    finally:
        InteractiveShell.clear_instance()


def test_without_the_variable_the_hook_stores_nothing(monkeypatch):
    monkeypatch.delenv("NORMLIB_FIGURE_LANGUAGES", raising=False)
    assert _language.install_figure_hook(object()) is False


def test_explorable_html_in_korean(monkeypatch):
    monkeypatch.delenv("NORMLIB_FIGURE_LANGUAGES", raising=False)
    X = np.array([[1.0, 0.2], [0.3, 1.0], [0.5, -0.4], [-1.0, 0.1]])
    y = np.array([1.0, 2.0, 0.5, -1.0])
    explorable = nl.plotting.regions_explorable(X, y, lam=0.5)
    korean = explorable.to_html("ko")
    messages = _language.catalog("ko")
    assert messages[LABELS["regions"]] in korean and messages[NOJS_TEXT] in korean
    assert explorable.to_html("en") == explorable._repr_html_()  # no variable: English only
    monkeypatch.setenv("NORMLIB_FIGURE_LANGUAGES", "ko")
    html, metadata = explorable._repr_html_()
    assert html == explorable.to_html("en")
    assert metadata["normlib"]["ko"] == korean
    assert metadata["normlib"]["missing"] == {"ko": []}
