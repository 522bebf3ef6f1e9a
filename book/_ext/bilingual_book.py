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
  other edition (``_build/html/`` and ``_build/html/ko/``); the theme's own strings come
  from Sphinx's and the theme's Korean catalogs.
- **Korean search.** Sphinx has no Korean word splitter or stemmer: Korean attaches
  particles to words (라쏘는, 정규화를), so the index here also holds each Hangul
  word's leading parts (라쏘, 정규화) and a search for the bare word finds the page.
"""

import base64
import re
from pathlib import Path

from docutils import nodes
from sphinx.builders.gettext import MessageCatalogBuilder
from sphinx.search import SearchLanguage
from sphinx.transforms import SphinxTransform

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


def setup(app):
    app.add_builder(PageCatalogBuilder, override=True)
    app.add_transform(TranslatableExerciseTitles)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
