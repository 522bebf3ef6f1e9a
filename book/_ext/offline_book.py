"""Sphinx extension: a book that renders with no network (issue 4).

A default Jupyter Book 1.x build loads MathJax from a CDN, so a reader offline
sees raw TeX. This extension

- serves MathJax 3 from the site itself: the files come from the PyPI package
  ``django-static-mathjax`` (MathJax 3.2.2, pinned in requirements.txt) and are
  copied, at build time and never committed, into ``_static/mathjax/``. Only what
  the pages load is copied (the TeX-to-CHTML bundle, its TeX extensions, fonts,
  menu and accessibility components, and the speech rule engine's locale files,
  ~6 MB; a page fetches only what it uses);
- turns on MathJax's accessibility (issue 10): every formula carries hidden
  MathML for screen readers (``assistiveMml``), and the expression explorer is
  loaded with its speech rule engine (``a11y/sre.js`` plus ``sre/mathmaps/``,
  served by the site), so a formula has a spoken label and can be walked with
  the arrow keys;
- removes the duplicate inline configuration script that sphinx-thebe 0.3.1
  registers twice (each page otherwise logs "Identifier 'THEBE_JS_URL' has
  already been declared").
"""

import shutil
from pathlib import Path

# Parts of MathJax's es5/ tree that the pages need, relative to es5/.
MATHJAX_PARTS = (
    "tex-chtml.js",
    "input/tex/extensions",
    "input/mml.js",  # the explorer's semantic enrichment re-parses MathJax's MathML
    "output/chtml/fonts/woff-v2",
    "ui",
    "a11y",
    "sre/mathmaps",  # the speech rule engine's rules, fetched by a11y/sre.js from [mathjax]/sre
)
MATHJAX_DIR = "mathjax"  # below _static/


def _mathjax_source():
    """The es5/ folder of the installed django-static-mathjax package."""
    import mathjax  # the module that django-static-mathjax installs

    return Path(mathjax.__file__).parent / "static" / "mathjax" / "es5"


def _use_local_mathjax(app, config):
    config.mathjax_path = f"{MATHJAX_DIR}/tex-chtml.js"
    options = dict(config.mathjax3_config or {})
    options.setdefault("options", {})
    # Hidden MathML beside each formula for screen readers, and the expression
    # explorer (speech from the locally served speech rule engine). These are
    # MathJax 3.2's menu settings; a reader can still change them in the menu.
    options["options"].setdefault(
        "menuOptions", {"settings": {"assistiveMml": True, "explorer": True}}
    )
    # Load the explorer before the first typeset, so formulas are enriched once.
    loader = options.setdefault("loader", {})
    loader["load"] = [*loader.get("load", []), "a11y/explorer"]
    config.mathjax3_config = options


def _copy_mathjax(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    source = _mathjax_source()
    target = Path(app.outdir) / "_static" / MATHJAX_DIR
    for part in MATHJAX_PARTS:
        src, dst = source / part, target / part
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)


def _drop_duplicate_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = (
            getattr(script, "filename", None) or "",
            getattr(script, "attributes", {}).get("body", ""),
        )
        if key in seen:
            continue
        seen.add(key)
        unique.append(script)
    scripts[:] = unique


# A page opened from the offline bundle (file://) cannot fetch the speech rule engine's
# rule files (the browser blocks those requests), and MathJax would then typeset nothing:
# there, leave the explorer out; the hidden MathML for screen readers stays. Runs after
# Sphinx's MathJax configuration (priority 500) and before the deferred MathJax itself.
_FILE_PAGES_WITHOUT_EXPLORER = """
if (location.protocol === "file:" && window.MathJax) {
  MathJax.loader.load = MathJax.loader.load.filter((name) => name !== "a11y/explorer");
  MathJax.options.menuOptions.settings.explorer = false;
}
"""


def setup(app):
    app.connect("config-inited", _use_local_mathjax)
    app.add_js_file(None, body=_FILE_PAGES_WITHOUT_EXPLORER, priority=501)
    app.connect("build-finished", _copy_mathjax)
    app.connect("html-page-context", _drop_duplicate_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
