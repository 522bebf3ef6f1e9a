r"""Figures in another language: the text drawn inside a figure, translated.

The book's pages are translated through Sphinx's gettext catalogs, but text drawn
*inside* a figure (titles, axis labels, legends, annotations) is pixels that no
catalog reaches. This module translates it at the source: every text of a
figure is looked up in the catalog of the language (``figures.<lang>.po`` next to
this file, one message per English string), the figure is drawn again, and the
English strings are put back.

- :func:`translate_figure` translates a figure (or the axes a helper drew) in place;
  every helper of :mod:`normlib.plotting` takes ``lang=`` and calls it.
- :func:`figure_translations` renders a figure in each language and is what the
  book's chapters use through the Jupyter hook: with the environment variable
  ``NORMLIB_FIGURE_LANGUAGES=ko`` (the book's ``make`` sets it when it executes the
  chapters), every figure a chapter shows carries its Korean rendering in the
  output's metadata, and the Korean edition shows that one
  (``book/_ext/bilingual_book.py``).

Korean needs a font with Hangul: NanumGothic, from the ``koreanize-matplotlib``
package (which ships it) or the system (Debian ``fonts-nanum``). A string with Hangul
and mathtext (``"규제 강도 $\lambda$"``) is drawn entirely by mathtext, which sets the
text around the math in the string's first font family: NanumGothic comes first there,
and the math keeps DejaVu Sans. A glyph missing from every font (matplotlib logs it and
draws a box) is an error.
"""

import ast
import base64
import contextlib
import importlib.util
import io
import logging
import os
import re
import warnings
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.text import Text

__all__ = ["LANGUAGES", "figure_texts", "figure_translations", "translate_figure"]

LANGUAGES = ("en", "ko")
CATALOG_DIR = Path(__file__).parent
KOREAN_FONT = "NanumGothic"
_MATH = re.compile(r"(?<!\\)\$(?:\\.|[^$\\])*\$")
# A word of prose: three letters or more with a lower-case one ("Lasso", "east"),
# outside math. Abbreviations (MSE, CV, L1) and numbers stay as they are.
_WORD = re.compile(r"\b(?=[A-Za-z]*[a-z])[A-Za-z]{3,}\b")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
# Math in a string with Hangul: DejaVu Sans as in every other figure (the string's own
# font, NanumGothic first, sets the text around the math).
_KOREAN_MATHTEXT = {
    "mathtext.fontset": "custom",
    "mathtext.rm": "DejaVu Sans",
    "mathtext.it": "DejaVu Sans:italic",
    "mathtext.bf": "DejaVu Sans:bold",
    "mathtext.sf": "DejaVu Sans",
    "mathtext.tt": "DejaVu Sans Mono",
    "mathtext.cal": "DejaVu Sans",  # the default, "cursive", is no installed font
    "mathtext.fallback": "stixsans",
}
_catalogs = {}


def _check_language(lang, func):
    if not isinstance(lang, str) or lang not in LANGUAGES:
        raise ValueError(
            f"The 'lang' parameter of {func} must be one of {LANGUAGES}; got {lang!r}."
        )
    return lang


def needs_translation(text):
    r"""Whether ``text`` has words of prose (outside ``$math$``) to translate.

    >>> needs_translation("Unit balls: $\\|x\\|_p = 1$"), needs_translation("$p = 2$")
    (True, False)
    """
    return bool(_WORD.search(_MATH.sub(" ", text)))


def _read_po(path):
    """The translated messages of a ``.po`` file (msgid -> msgstr; fuzzy ones left out)."""
    messages, entry, field, fuzzy = {}, {}, None, False

    def flush():
        if entry.get("msgid") and entry.get("msgstr") and not fuzzy:
            messages[entry["msgid"]] = entry["msgstr"]

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith("#,") and "fuzzy" in line:
                flush()
                entry, field, fuzzy = {}, None, True
            continue
        if line.startswith("msgid "):
            if field == "msgstr":
                flush()
                entry, fuzzy = {}, False
            field, value = "msgid", line[6:]
        elif line.startswith("msgstr "):
            field, value = "msgstr", line[7:]
        else:
            value = line
        entry[field] = entry.get(field, "") + ast.literal_eval(value)
    flush()
    return messages


def catalog(lang):
    """The figure strings of ``lang``: a dict from English to ``lang`` (empty for English)."""
    _check_language(lang, "catalog")
    if lang == "en":
        return {}
    if lang not in _catalogs:
        path = CATALOG_DIR / f"figures.{lang}.po"
        _catalogs[lang] = _read_po(path) if path.exists() else {}
    return _catalogs[lang]


def _korean_font():
    """Register NanumGothic with matplotlib (once); a clear error if it is nowhere."""
    if any(f.name == KOREAN_FONT for f in font_manager.fontManager.ttflist):
        return KOREAN_FONT
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(spec.submodule_search_locations[0]) / "fonts"
        if (folder / f"{KOREAN_FONT}.ttf").exists():
            for weight in ("", "Bold"):  # bold titles need the bold face
                if (folder / f"{KOREAN_FONT}{weight}.ttf").exists():
                    font_manager.fontManager.addfont(str(folder / f"{KOREAN_FONT}{weight}.ttf"))
            return KOREAN_FONT
    raise RuntimeError(
        "Korean figures need the NanumGothic font: pip install koreanize-matplotlib "
        "(it ships the font) or install Debian's fonts-nanum."
    )


def _texts(artist):
    """The visible, non-empty ``Text`` artists of a figure or axes."""
    return [
        t for t in artist.findobj(Text)
        if t.get_visible() and t.get_text().strip()
    ]


def figure_texts(artist):
    """The strings of a figure (or axes) that need translating, in drawing order, once each.

    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> _ = ax.set_title("Unit balls"); _ = ax.set_xlabel("$x_1$")
    >>> figure_texts(fig)
    ['Unit balls']
    >>> plt.close(fig)
    """
    seen = []
    for t in _texts(artist):
        text = t.get_text()
        if needs_translation(text) and text not in seen:
            seen.append(text)
    return seen


def translate_figure(artist, lang):
    r"""Translate the text of a figure or axes into ``lang``, in place.

    Each string with words of prose is replaced by its translation in
    ``figures.<lang>.po``; math, numbers and abbreviations are left as they are.
    For Korean, the translated texts are set in NanumGothic (with DejaVu Sans for
    the Latin letters and symbols).

    Parameters
    ----------
    artist : matplotlib Figure or Axes
        What to translate (an Axes: only the text inside it, its legend included).
    lang : {'en', 'ko'}
        The language. ``'en'`` leaves the artist unchanged.

    Returns
    -------
    list of str
        The English strings that have no translation (they stay English).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import normlib as nl
    >>> ax = nl.plotting.plot_unit_balls(ps=(1, 2))
    >>> translate_figure(ax, "ko")
    []
    >>> ax.get_title()
    '단위 공: $\\|x\\|_p = 1$'
    >>> plt.close(ax.figure)
    """
    _check_language(lang, "translate_figure")
    missing = []
    if lang == "en":
        return missing
    messages = catalog(lang)
    font = _korean_font() if lang == "ko" else None
    for t in _texts(artist):
        text = t.get_text()
        if not needs_translation(text):
            continue
        translated = messages.get(text)
        if translated is None:
            if text not in missing:
                missing.append(text)
            continue
        t.set_text(translated)
        if font:
            if _MATH.search(translated) and _HANGUL.search(translated):
                # mathtext draws the whole string; its text outside $...$ takes the
                # string's first font family, which must have Hangul
                t.set_fontfamily([font, "DejaVu Sans"])
                t.set_math_fontfamily("custom")
            else:
                t.set_fontfamily(["DejaVu Sans", font])  # Hangul falls back to NanumGothic
    return missing


@contextlib.contextmanager
def _translated(fig, lang):
    """Translate ``fig`` for the duration of the block, then restore every text."""
    saved = [(t, t.get_text(), t.get_fontfamily(), t.get_math_fontfamily()) for t in _texts(fig)]
    try:
        missing = translate_figure(fig, lang)
        rc = _KOREAN_MATHTEXT if lang == "ko" else {}
        with matplotlib.rc_context(rc):
            yield missing
    finally:
        for t, text, family, math_family in saved:
            t.set_text(text)
            t.set_fontfamily(family)
            t.set_math_fontfamily(math_family)


class _FontLog(logging.Handler):
    """Collects matplotlib's warnings (a glyph its fonts lack, a font it cannot find)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.missing = []

    def emit(self, record):
        self.missing.append(record.getMessage())


def _png(fig, dpi_scale):
    """The figure as PNG bytes; a glyph missing from every font is an error, not a box."""
    buffer = io.BytesIO()
    handler = _FontLog()
    logger = logging.getLogger("matplotlib")
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # matplotlib warns about some missing glyphs ...
            fig.canvas.print_figure(buffer, format="png", bbox_inches="tight",
                                    dpi=fig.dpi * dpi_scale, facecolor=fig.get_facecolor())
    finally:
        logger.removeHandler(handler)
    if handler.missing:  # ... and logs the others (mathtext, font lookup)
        raise RuntimeError(f"the figure's fonts fall short: {handler.missing[:3]}")
    return buffer.getvalue()


def figure_translations(fig, languages=("ko",), dpi_scale=2):
    """The figure drawn in each of ``languages``: what the book stores next to the English.

    Parameters
    ----------
    fig : matplotlib Figure
    languages : sequence of {'ko'}
    dpi_scale : int
        1 or 2 (2 for sharp figures on high-density screens: the inline backend's
        ``'retina'`` format, which the book uses).

    Returns
    -------
    dict
        ``{"texts": [English strings], lang: base64 PNG, "missing": {lang: [strings
        without a translation]}}``.
    """
    result = {"texts": figure_texts(fig), "missing": {}}
    for lang in languages:
        _check_language(lang, "figure_translations")
        with _translated(fig, lang) as missing:
            result[lang] = base64.b64encode(_png(fig, dpi_scale)).decode("ascii")
        result["missing"][lang] = missing
    return result


def _languages_from_environment():
    value = os.environ.get("NORMLIB_FIGURE_LANGUAGES", "")
    return tuple(lang for lang in value.replace(",", " ").split() if lang != "en")


def install_figure_hook(shell, dpi_scale=2):
    """Make the inline backend store each figure's translations in its output metadata.

    Called by :mod:`normlib.plotting._style` in a Jupyter kernel when
    ``NORMLIB_FIGURE_LANGUAGES`` names languages; returns whether it applied.
    """
    languages = _languages_from_environment()
    if not languages:
        return False
    for lang in languages:
        _check_language(lang, "NORMLIB_FIGURE_LANGUAGES")
    from IPython.core.pylabtools import print_figure, retina_figure
    from matplotlib.figure import Figure

    def png_with_translations(fig):
        if dpi_scale == 2:
            data, metadata = retina_figure(fig, base64=True)
        else:
            data, metadata = print_figure(fig, "png", base64=True), {}
        metadata = dict(metadata or {})
        metadata["normlib"] = figure_translations(fig, languages, dpi_scale)
        return data, metadata

    shell.display_formatter.formatters["image/png"].for_type(Figure, png_with_translations)
    return True


_LANG_DOC = """    lang : {'en', 'ko'}, default 'en'
        The language of the text drawn in the figure (see
        :func:`normlib.plotting.translate_figure`).
"""


def with_language(func):
    """Give a plotting helper the keyword ``lang``: the returned axes are translated."""
    import functools
    import inspect

    @functools.wraps(func)
    def helper(*args, lang="en", **kwargs):
        _check_language(lang, func.__name__)
        ax = func(*args, **kwargs)
        if lang != "en":
            translate_figure(ax, lang)
        return ax

    signature = inspect.signature(func)
    parameters = [*signature.parameters.values(),
                  inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default="en")]
    helper.__signature__ = signature.replace(parameters=parameters)
    if func.__doc__ and "\n\n    Returns\n" in func.__doc__:
        helper.__doc__ = func.__doc__.replace(
            "\n\n    Returns\n", "\n" + _LANG_DOC + "\n    Returns\n", 1
        )
    return helper
