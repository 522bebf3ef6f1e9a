"""Sphinx extension: serve the explorables' script and stylesheet (issue 10).

The explorables of chapter 4a are ``<div class="normlib-explorable">`` elements
that normlib writes into the cell outputs (``normlib/plotting/interactive.py``),
holding their data as JSON. The drawing code is one plain JavaScript file with
its stylesheet, in ``book/_explorables/explorables/``. This extension

- adds ``book/_explorables`` to ``html_static_path``, so the two files are
  copied to ``_static/explorables/``. They are deliberately *not* in the
  book's own ``_static/`` folder: Jupyter Book 1.x adds every ``.js`` and
  ``.css`` file found there to every page;
- links them only from the pages whose body contains an explorable (Sphinx
  lets ``html-page-context`` add a file to one page), so the other pages do
  not load them.
"""

from pathlib import Path

STATIC = Path(__file__).resolve().parents[1] / "_explorables"
MARKER = 'class="normlib-explorable"'


def _add_static_path(app, config):
    if str(STATIC) not in config.html_static_path:
        config.html_static_path.append(str(STATIC))


def _add_assets(app, pagename, templatename, context, doctree):
    if MARKER in context.get("body", ""):
        app.add_css_file("explorables/explorables.css")
        app.add_js_file("explorables/explorables.js", defer="defer")


def setup(app):
    app.connect("config-inited", _add_static_path)
    app.connect("html-page-context", _add_assets)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
