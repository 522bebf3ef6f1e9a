"""Sphinx extension: the book in two languages from the same notebooks (issue 11).

The English edition is the source; the Korean edition is the same pages read through
the gettext catalogs under ``locales/ko/LC_MESSAGES/`` (one catalog per page, see
``scripts/edition_config.py`` and the README). This extension supplies what Sphinx,
MyST-NB and the theme do not do for a second language:

- **Everything reaches the catalogs.** Sphinx's gettext builder extracts from the
  *resolved* page, in which MyST-NB's figures and sphinx-exercise's titles are copies
  without the identifiers it needs, so their alt text and exercise titles were never
  extracted. The builder here extracts from the page as read (the same nodes that the
  translation step sees), and exercise subtitles are made translatable.
- **Figures in Korean.** A figure drawn in a chapter carries its Korean rendering in the
  output's metadata (``normlib.plotting``'s inline hook, when the book executes the
  chapters: :func:`normlib.plotting.figure_translations`). The Korean edition writes
  that image instead of the English one; a figure without it is a build warning.
- **Language switcher and ``<html lang>``.** Every page links to the same page in the
  other edition (``_build/html/`` and ``_build/html/ko/``). The theme's own words come
  from Sphinx's and the themes' Korean catalogs, and from ``INTERFACE_KO`` for those they
  leave in English; the table of contents' captions are translated late (sphinx-external-
  toc inserts them after Sphinx's translation step).
- **Korean search.** Sphinx has no Korean word splitter or stemmer: Korean attaches
  particles to words (라쏘는, 정규화를), so the index here also holds each Hangul
  word's leading parts (라쏘, 정규화) and a search for the bare word finds the page.
"""

import dataclasses
import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes, search
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.search import SearchLanguage
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
EDITIONS = {"en": "English", "ko": "한국어"}
KO_SUBDIR = "ko"  # the Korean edition's folder inside the English site

# --- extraction ---------------------------------------------------------------


class PageCatalogBuilder(MessageCatalogBuilder):
    """Sphinx's gettext builder, extracting from each page as read.

    The read doctree is what the translation step (the ``Locale`` transform) walks, so
    the catalog holds exactly the messages it can translate, figures' alt text and
    exercise titles included.
    """

    name = "gettext"

    def write_doc(self, docname, doctree):
        super().write_doc(docname, self.env.get_doctree(docname))


class TranslatableExerciseTitles(SphinxTransform):
    """Give an exercise's subtitle (``Easy: Three distances by hand``) a source, so that
    it is extracted and translated like a heading (sphinx-exercise leaves it without one).
    Runs before Sphinx's ``Locale`` transform (priority 20)."""

    default_priority = 10

    def apply(self, **kwargs):
        for node in self.document.findall(nodes.subtitle):
            if type(node).__name__ != "exercise_subtitle" or node.source:
                continue
            text = node.astext()
            title = node.parent
            node.source, node.line = title.source or self.document["source"], title.line
            node.rawsource = _inline_source(node) or text
            title["translatable"] = False  # "Exercise" + subtitle: only the subtitle is text


class LateTranslations(SphinxTransform):
    """Translate what Sphinx's ``Locale`` transform (priority 20) cannot reach.

    - The captions of the table of contents ("The course"): sphinx-external-toc inserts
      the toctrees at priority 100, after the translation step.
    - Figures: Sphinx translates an image's alt text but leaves the node marked
      untranslated (``translation_progress_classes`` would then flag every figure).

    Runs after the toctrees are inserted and before the classes are added (950).
    """

    default_priority = 110

    def apply(self, **kwargs):
        if not self.config.language or self.config.language == "en":
            return
        from sphinx.locale import init as init_locale
        from sphinx.util.i18n import docname_to_domain

        domain = docname_to_domain(self.env.docname, self.config.gettext_compact)
        dirs = [str(Path(self.env.srcdir) / d) for d in self.config.locale_dirs]
        catalog, has_catalog = init_locale(dirs, self.config.language, domain)
        if not has_catalog:
            return
        translations = set(getattr(catalog, "_catalog", {}).values())
        for node in self.document.findall(addnodes.toctree):
            caption = node.get("caption")
            if caption and catalog.gettext(caption) != caption:
                node["caption"] = catalog.gettext(caption)
        for node in self.document.findall(nodes.image):
            if node.get("translated") is False and node.get("alt") in translations:
                node["translated"] = True


def _inline_source(node):
    """The MyST source of an exercise subtitle: its children's raw sources, joined."""
    parts = []
    for child in node.children:
        if isinstance(child, nodes.Text):
            parts.append(str(child))
        elif child.rawsource:
            parts.append(child.rawsource)
        else:
            return None
    return "".join(parts)


# --- figures ----------------------------------------------------------------------


def _translated_outputs(language):
    """Make MyST-NB show an output's rendering in ``language`` where the output has one.

    ``normlib.plotting`` stores it in the output metadata, under
    ``metadata[mime]["normlib"][language]`` (a base64 PNG for a figure, HTML for an
    explorable), with the English strings that had no translation under
    ``["missing"][language]``: each is a build warning, so is a figure without the
    rendering. Applies to this process only: each edition is its own Sphinx run.
    """
    from myst_nb.core.render import NbElementRenderer

    for method in ("render_image", "render_text_html"):
        current = getattr(NbElementRenderer, method)
        original = getattr(current, "_original", current)
        setattr(NbElementRenderer, method, _translating(original, language))


def _translating(render, language):
    def render_translated(self, data):
        extra = data.output_metadata.get(data.mime_type, {}).get("normlib")
        if extra is not None:
            location = (self.renderer.document["source"], data.line)
            if language not in extra:
                logger.warning(f"an output has no {language!r} rendering (execute the chapters "
                               "with NORMLIB_FIGURE_LANGUAGES set; the Makefile does)",
                               location=location)
            else:
                for text in extra.get("missing", {}).get(language, []):
                    logger.warning(f"figure text without a {language!r} translation: {text!r} "
                                   "(normlib/plotting/figures.ko.po; make translations)",
                                   location=location)
                data = dataclasses.replace(data, content=extra[language])
        return render(self, data)

    render_translated._original = render
    return render_translated


# --- the other edition, one click away ---------------------------------------------


def other_edition(pagename, language):
    """The URL of the same page in the other edition, relative to ``pagename``'s page.

    The English site is ``_build/html/``, the Korean one ``_build/html/ko/``.

    >>> other_edition("book/01_norms", "en")
    ('ko', '../ko/book/01_norms.html')
    >>> other_edition("book/01_norms", "ko")
    ('en', '../../book/01_norms.html')
    >>> other_edition("search", "en")
    ('ko', 'ko/search.html')
    """
    up = "../" * pagename.count("/")
    if language == "ko":
        return "en", f"../{up}{pagename}.html"
    return "ko", f"{up}{KO_SUBDIR}/{pagename}.html"


def _page_context(app, pagename, templatename, context, doctree):
    language = app.config.language or "en"
    other, url = other_edition(pagename, language)
    context["edition_switch"] = {"lang": other, "url": url, "label": EDITIONS[other],
                                 "title": {"ko": "이 쪽을 한국어로 읽기",
                                           "en": "Read this page in English"}[other]}
    tag = f'<link rel="alternate" hreflang="{other}" href="{url}">\n'
    context["metatags"] = context.get("metatags", "") + tag


def _config(app, config):
    options = dict(config.html_theme_options or {})
    end = list(options.get("article_header_end") or ["article-header-buttons.html"])
    if "language-switch.html" not in end:
        options["article_header_end"] = ["language-switch.html", *end]
    config.html_theme_options = options
    if (config.language or "en") != "en":
        _translated_outputs(config.language)


# --- the theme's own words --------------------------------------------------------------
# Sphinx and the themes translate most of their interface into Korean, but not these (some
# are hard-coded in templates, some missing from the themes' Korean catalogs). Applied to
# the attributes and text of the Korean pages once they are written.
INTERFACE_KO = {
    "Link to this heading": "이 제목으로 바로 가는 링크",
    "Link to this term": "이 용어로 바로 가는 링크",
    "Link to this image": "이 그림으로 바로 가는 링크",
    "Link to this equation": "이 수식으로 바로 가는 링크",
    "Link to this table": "이 표로 바로 가는 링크",
    "Link to this code": "이 코드로 바로 가는 링크",
    "Link to this definition": "이 정의로 바로 가는 링크",
    "Search this book...": "이 책에서 검색...",
    "Version warning": "버전 경고",
    "Main": "주 메뉴",
    "Page": "페이지",
    "Toggle primary sidebar": "주 사이드바 열기/닫기",
    "Toggle secondary sidebar": "보조 사이드바 열기/닫기",
    "Source repositories": "소스 저장소",
    "Skip to main content": "본문으로 건너뛰기",
    "Back to top": "맨 위로",
    "Suggest edit": "수정 제안",
    "previous page": "이전 페이지",
    "next page": "다음 페이지",
    "Launch interactive content": "대화형 콘텐츠 실행",
    "Launch on Binder": "Binder에서 실행",
    "Launch on Colab": "Colab에서 실행",
}
_ATTRIBUTE = re.compile(r'((?:title|aria-label|placeholder|data-bs-title)=")([^"]*)(")')
_TEXT = re.compile(r">(\s*)([^<>]+?)(\s*)<")


def translate_interface(html, words=INTERFACE_KO):
    """The theme's English words in ``html`` (attributes and whole text nodes), in Korean.

    >>> translate_interface('<a title="next page"><span>Back to top</span></a>')
    '<a title="다음 페이지"><span>맨 위로</span></a>'
    """
    html = _ATTRIBUTE.sub(lambda m: m.group(1) + words.get(m.group(2), m.group(2)) + m.group(3),
                          html)
    # whole text nodes: only phrases ("Back to top"), never one word that code might print
    phrases = {en: ko for en, ko in words.items() if " " in en}
    return _TEXT.sub(lambda m: f">{m.group(1)}{phrases.get(m.group(2), m.group(2))}{m.group(3)}<",
                     html)


def _korean_interface(app, exception):
    if exception is not None or app.builder.format != "html" or app.config.language != "ko":
        return
    for path in Path(app.outdir).rglob("*.html"):
        if "_static" in path.parts:
            continue
        html = path.read_text(encoding="utf-8")
        translated = translate_interface(html)
        if translated != html:
            path.write_text(translated, encoding="utf-8")


# --- Korean search -------------------------------------------------------------------
_HANGUL_WORD = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]{2,}")


class SearchKorean(SearchLanguage):
    """Sphinx's search for Korean: words, and the leading parts of Hangul words.

    Korean writes particles and endings onto the word (라쏘는, 정규화를, 볼록한), so a
    page that says 라쏘는 would not be found by a search for 라쏘. Each Hangul word of
    three syllables or more is indexed with its leading parts of two syllables or more
    as well; Latin words are indexed as they are (no stemming: they are names and terms).

    >>> SearchKorean(None).split("라쏘는 희소한 해를 준다 (lasso)")
    ['라쏘는', '라쏘', '희소한', '희소', '해를', '준다', 'lasso']
    """

    lang = "ko"
    language_name = "Korean"

    def split(self, input):
        words = []
        for word in super().split(input):
            words.append(word)
            if _HANGUL_WORD.fullmatch(word):
                words.extend(word[:end] for end in range(len(word) - 1, 1, -1))
        return words

    def word_filter(self, word):
        return len(word) >= 2 or bool(_HANGUL_WORD.fullmatch(word))

    def stem(self, word):
        return word.lower()


def setup(app):
    search.languages["ko"] = SearchKorean
    app.add_builder(PageCatalogBuilder, override=True)
    app.add_transform(TranslatableExerciseTitles)
    app.add_transform(LateTranslations)
    app.add_css_file("bilingual_book.css")
    app.connect("config-inited", _config)
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", _korean_interface)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
