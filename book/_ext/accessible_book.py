"""Sphinx extension: pages that everyone can read (issue 10, accessibility half).

Every fix here works on the mechanism that produces the page, never on one
chapter's text, so new chapters get it for free:

- **Language of parts** (WCAG 3.1.2): runs of Hangul in the English pages are
  wrapped in ``<span lang="ko">`` while the page is written (body, sidebar);
  screen readers then switch to a Korean voice for them.
- **No TeX source as text**: a ``{ref}`` to a heading that contains math gets
  the heading's math as link text (Sphinx would give its TeX source as plain
  text); bibliography entries turn ``\\textit{..}``/``\\emph{..}``/
  ``\\textbf{..}`` into italics/bold (pybtex leaves the command as text, in the
  References page and in every citation's tooltip).
- **axe-core clean theme**: the empty pydata header with its second search box
  goes (the article header keeps a search button); buttons whose accessible
  name did not contain their visible text (search field, colour mode) are
  fixed in template overrides; the book's title is in a landmark; the sidebar's
  expand/collapse toggles get a name; empty header cells of tables become data
  cells; the deprecated ``doc-biblioentry`` role becomes ``listitem``; links
  keep a 4.5:1 contrast on tinted boxes (``static/accessible_book.css``).
- **Wide content** (display math, tables, code, outputs) scrolls inside its own
  box, which is keyboard-focusable when it scrolls (``accessible_book.js``).
"""

import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

HERE = Path(__file__).parent

# --- language of parts --------------------------------------------------------
_HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff"
# A run of Hangul words, with the spaces between them (but not around them).
HANGUL_RUN = re.compile(f"[{_HANGUL}]+(?:[ \u00a0]+[{_HANGUL}]+)*")
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_RAW_TEXT = ("script", "style", "title", "textarea")


def mark_korean(html):
    """Wrap each run of Hangul in the text of ``html`` in ``<span lang="ko">``.

    Tags, attributes, comments and the contents of ``script``/``style``/
    ``title``/``textarea`` are left alone, as is text that directly follows an
    element that already declares a ``lang``.

    >>> mark_korean('<p title="정규화">L1 및 L2, (규제 노름)</p>')
    '<p title="정규화">L1 <span lang="ko">및</span> L2, (<span lang="ko">규제 노름</span>)</p>'
    """
    out, raw, after_lang = [], None, False
    for token in _TOKENS.split(html):
        if token.startswith("<"):
            out.append(token)
            name = re.match(r"</?\s*([a-zA-Z0-9-]+)", token)
            name = name.group(1).lower() if name else ""
            if raw:
                raw = None if token.lower().startswith(f"</{raw}") else raw
            elif not token.startswith(("</", "<!")) and name in _RAW_TEXT:
                raw = name
            after_lang = bool(re.search(r"\slang=", token)) and not token.startswith("</")
        elif raw or after_lang or not token:
            out.append(token)
        else:
            out.append(HANGUL_RUN.sub(lambda m: f'<span lang="ko">{m.group(0)}</span>', token))
    return "".join(out)


# --- HTML that axe-core flags, fixed where the theme/docutils write it -----------
def _fix_body(html, language="en"):
    # An empty header cell (a table's top-left corner) names no column: a data cell.
    html = re.sub(
        r'<th class="head"([^>]*)>\s*(?:<p>\s*</p>)?\s*</th>', r'<td class="head"\1></td>', html
    )
    # docutils marks bibliography entries with the deprecated DPUB role inside role="list".
    html = html.replace('role="doc-biblioentry"', 'role="listitem"')
    # myst-nb names the toggle of a folded code cell "Toggle hidden content", which is not
    # its visible text ("Show code cell source"): let the visible text be its name.
    html = html.replace('<summary aria-label="Toggle hidden content">', "<summary>")
    return html if language == "ko" else mark_korean(html)  # a Korean page is lang="ko"


_SUMMARY = re.compile(r"<a [^>]*>([^<]*)</a>\s*<details[^>]*>\s*<summary>")


def _fix_sidebar(html, language="en"):
    """Name the expand/collapse toggle of each chapter in the sidebar."""
    name = "{} 절 목록" if language == "ko" else "Sections of {}"
    html = _SUMMARY.sub(
        lambda m: m.group(0)[: -len("<summary>")]
        + f'<summary aria-label="{name.format(m.group(1).strip())}">',
        html,
    )
    return html if language == "ko" else mark_korean(html)


def _page_context(app, pagename, templatename, context, doctree):
    language = app.config.language or "en"
    if "body" in context:
        context["body"] = _fix_body(context["body"], language)
    generate = context.get("generate_toctree_html")
    if generate is not None and not getattr(generate, "_accessible_book", False):

        def generate_fixed(*args, **kwargs):
            html = generate(*args, **kwargs)
            if kwargs.get("kind") == "raw":  # a parsed tree other templates walk
                return html
            return _fix_sidebar(str(html), language)

        generate_fixed._accessible_book = True
        context["generate_toctree_html"] = generate_fixed


# --- headings with math, used as link text -------------------------------------
def _collect_math_titles(app, doctree):
    """Remember the title of every section whose heading contains math."""
    env = app.env
    store = env.__dict__.setdefault("accessible_book_math_titles", {})
    docname = env.docname
    for key in [k for k in store if k[0] == docname]:
        del store[key]
    for section in doctree.findall(nodes.section):
        title = section.next_node(nodes.title)
        if title is None or not any(isinstance(n, nodes.math) for n in title.findall()):
            continue
        children = [child.deepcopy() for child in title.children]
        for node_id in section["ids"]:
            store[(docname, node_id)] = children


def _purge(app, env, docname):
    store = env.__dict__.get("accessible_book_math_titles", {})
    for key in [k for k in store if k[0] == docname]:
        del store[key]


def _merge(app, env, docnames, other):
    store = env.__dict__.setdefault("accessible_book_math_titles", {})
    for key, value in other.__dict__.get("accessible_book_math_titles", {}).items():
        if key[0] in docnames:
            store[key] = value


class MathTitleReferences(SphinxPostTransform):
    """Resolve ``{ref}`` to a heading with math with the heading's own nodes.

    Sphinx writes the section's plain text (``\\lambda w``) as link text; this
    runs just before Sphinx's resolver (priority 10) and makes the same link,
    with the math kept as math for MathJax.
    """

    default_priority = 5
    formats = ("html",)

    def run(self, **kwargs):
        store = self.env.__dict__.get("accessible_book_math_titles", {})
        if not store:
            return
        labels = self.env.get_domain("std").labels
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("refdomain") != "std" or node.get("reftype") != "ref":
                continue
            if node.get("refexplicit"):
                continue
            docname, labelid, _ = labels.get(node["reftarget"], ("", "", ""))
            title = store.get((docname, labelid))
            if title is None:
                continue
            inner = nodes.inline("", "", *[c.deepcopy() for c in title], classes=["std", "std-ref"])
            fromdoc = node.get("refdoc", self.env.docname)
            node.replace_self(make_refnode(self.app.builder, fromdoc, docname, labelid, inner))


# --- bibliography: LaTeX font commands become markup ---------------------------
_FONT_COMMAND = re.compile(r"\\(textit|emph|textbf|textsl)\s*$")
_TAGS = {"textit": "em", "emph": "em", "textsl": "em", "textbf": "strong"}


def latex_fonts_to_tags(text):
    r"""Turn ``\textit{x}`` (which pybtex leaves as ``'\textit ', Protected('x')``) into ``<em>``.

    >>> from pybtex.richtext import Text
    >>> latex_fonts_to_tags(Text.from_latex(r"see (\textit{L1 and L2})")).render_as("html")
    'see (<em>L1 and L2</em>)'
    """
    from pybtex.richtext import BaseMultipartText, Protected, String, Tag

    if not isinstance(text, BaseMultipartText):
        return text
    parts, pending = [], None
    for part in text.parts:
        if pending and isinstance(part, Protected):
            parts.append(Tag(_TAGS[pending], *part.parts))
            pending = None
            continue
        pending = None
        if isinstance(part, String):
            match = _FONT_COMMAND.search(part.value)
            if match:
                pending = match.group(1)
                part = String(part.value[: match.start()])
        parts.append(latex_fonts_to_tags(part))
    return text._create_similar(parts)


def _register_bib_style():
    import pybtex.plugin
    from pybtex.style.formatting.alpha import Style as AlphaStyle

    class BookStyle(AlphaStyle):
        """pybtex's ``alpha`` style, with LaTeX font commands rendered as markup."""

        def format_entry(self, label, entry, *args, **kwargs):
            formatted = super().format_entry(label, entry, *args, **kwargs)
            formatted.text = latex_fonts_to_tags(formatted.text)
            return formatted

    pybtex.plugin.register_plugin("pybtex.style.formatting", "book_alpha", BookStyle, force=True)


# --- the search index: titles as text ------------------------------------------
# Sphinx indexes a heading's plain text, so the search page would list a heading
# with math as "... is \\lambda \\operatorname{sign}(w)". Plain-text titles get the
# common symbols instead (the page itself keeps the typeset math).
_TEX_WORDS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
    "varepsilon": "ε", "eta": "η", "theta": "θ", "lambda": "λ", "mu": "μ", "pi": "π",
    "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "φ", "xi": "ξ", "omega": "ω",
    "Delta": "Δ", "Sigma": "Σ", "nabla": "∇", "partial": "∂", "infty": "∞",
    "cdot": "·", "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
    "ne": "≠", "neq": "≠", "approx": "≈", "to": "→", "in": "∈", "sum": "∑",
    "lvert": "|", "rvert": "|", "lVert": "‖", "rVert": "‖", "|": "‖", "ell": "ℓ",
}


def tex_to_text(text):
    r"""Readable plain text for TeX in a title: ``\lambda \operatorname{sign}(w)`` -> ``λ sign(w)``.

    >>> tex_to_text(r"The L2 gradient \lambda w, and \lVert w \rVert_2")
    'The L2 gradient λ w, and ‖ w ‖_2'
    """
    if "\\" not in text:
        return text
    text = re.sub(
        r"\\(?:operatorname|mathrm|mathbf|mathit|text|textit|textbf|emph)\s*\{([^{}]*)\}",
        r"\1",
        text,
    )
    text = re.sub(r"\\([A-Za-z]+|\|)", lambda m: _TEX_WORDS.get(m.group(1), m.group(1)), text)
    return text.replace("{", "").replace("}", "")


def _plain_search_titles(app, exception):
    import json

    index = Path(app.outdir) / "searchindex.js"
    if exception is not None or app.builder.format != "html" or not index.exists():
        return
    source = index.read_text(encoding="utf-8")
    prefix, suffix = "Search.setIndex(", ")"
    if not (source.startswith(prefix) and source.rstrip().endswith(suffix)):
        return
    data = json.loads(source[len(prefix) : source.rstrip().rindex(suffix)])
    if "alltitles" in data:
        data["alltitles"] = {tex_to_text(k): v for k, v in data["alltitles"].items()}
    if "titles" in data:
        data["titles"] = [tex_to_text(t) for t in data["titles"]]
    index.write_text(prefix + json.dumps(data, ensure_ascii=False) + suffix, encoding="utf-8")


# --- wiring ------------------------------------------------------------------------
def _config(app, config):
    config.templates_path = [str(HERE / "templates"), *config.templates_path]
    config.html_static_path = [*config.html_static_path, str(HERE / "static")]


def setup(app):
    _register_bib_style()
    app.connect("config-inited", _config)
    app.connect("doctree-read", _collect_math_titles)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("html-page-context", _page_context, priority=900)  # after the theme's
    app.connect("build-finished", _plain_search_titles)
    app.add_post_transform(MathTitleReferences)
    app.add_css_file("accessible_book.css")
    app.add_js_file("accessible_book.js", loading_method="defer")
    return {"parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
