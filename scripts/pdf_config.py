"""Write the PDF build's configuration: ``_config.yml`` plus the LaTeX settings.

Usage: ``python scripts/pdf_config.py _config.yml _build/pdf/_config_pdf.yml [ko]`` (``make pdf``
runs it, then ``jupyter-book build . --builder pdflatex --config _build/pdf/_config_pdf.yml
--path-output _build/pdf``; the PDF is copied to ``_build/book.pdf``).

The HTML book's ``_config.yml`` stays the one configuration; the PDF adds only what
LaTeX needs (measured in ../shared/notes/toolchain-facts-2.md):

- ``xelatex`` without ``sphinx-jupyterbook-latex``: Jupyter Book's default LaTeX class
  needs ``bbm.sty``, which Debian ships only in the 1.4 GB ``texlive-fonts-extra``;
- ``kotex`` with the Nanum fonts, so that the glossary's Korean terms are typeset;
  FreeSerif/FreeSans/FreeMono (``fonts-freefont-otf``) cover the book's other symbols
  (λ, ‖, ≤ ...), with DejaVu as a fallback for the few glyphs FreeMono lacks;
- ``figure_align: H``: a figure inside a cell output otherwise fails with
  "Not in outer par mode".

Settings already present in ``_config.yml`` under ``latex:`` or ``sphinx.config`` win
over these defaults only where they do not break the measured recipe.
"""

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))  # edition_config, beside this file

PREAMBLE = r"""
\usepackage{kotex}
\setmainhangulfont{NanumMyeongjo}
\setsanshangulfont{NanumGothic}
\setmonohangulfont{NanumGothicCoding}
% Curly quotes are English punctuation here: xetexko classes ’ and ” as CJK closing marks
% and ‘ “ as opening ones, and puts space after them ("the lasso’ s limits").
\XeTeXcharclass"2018=0 \XeTeXcharclass"2019=0 \XeTeXcharclass"201C=0 \XeTeXcharclass"201D=0
\usepackage{newunicodechar}
\newfontfamily\fallbackfont{DejaVu Sans}
\newunicodechar{ᵀ}{\ensuremath{^{\mathsf{T}}}}
\newunicodechar{ₚ}{\ensuremath{_{p}}}
\newunicodechar{✅}{{\fallbackfont ✓}}
\newunicodechar{❌}{{\fallbackfont ✗}}
"""

LATEX_ELEMENTS = {
    "preamble": PREAMBLE,
    "figure_align": "H",
    "fontpkg": (
        r"\setmainfont{FreeSerif}[Extension=.otf,UprightFont=*,BoldFont=*Bold,"
        r"ItalicFont=*Italic,BoldItalicFont=*BoldItalic]"
        "\n"
        r"\setsansfont{FreeSans}[Extension=.otf,UprightFont=*,BoldFont=*Bold,"
        r"ItalicFont=*Oblique,BoldItalicFont=*BoldOblique]"
        "\n"
        r"\setmonofont{FreeMono}[Extension=.otf,UprightFont=*,BoldFont=*Bold,"
        r"ItalicFont=*Oblique,BoldItalicFont=*BoldOblique]"
    ),
    "papersize": "a4paper",
    "pointsize": "11pt",
}


def pdf_config(config):
    """The PDF configuration derived from the book's configuration (a dict)."""
    config = dict(config)
    latex = dict(config.get("latex") or {})
    latex["latex_engine"] = "xelatex"
    latex["use_jupyterbook_latex"] = False
    latex.setdefault("latex_documents", {"targetname": "book.tex"})
    config["latex"] = latex
    sphinx = dict(config.get("sphinx") or {})
    sphinx_config = dict(sphinx.get("config") or {})
    elements = dict(LATEX_ELEMENTS)
    elements.update(sphinx_config.get("latex_elements") or {})
    sphinx_config["latex_elements"] = elements
    sphinx["config"] = sphinx_config
    local = dict(sphinx.get("local_extensions") or {})
    local["pdf_fixes"] = "scripts"  # cross-chapter exercise references (scripts/pdf_fixes.py)
    sphinx["local_extensions"] = local
    config["sphinx"] = sphinx
    return config


def absolute_extension_paths(config, base):
    """Jupyter Book resolves ``local_extensions`` against the configuration file's folder;
    the generated file lives in _build/, so point them back at the book's folders."""
    sphinx = config.get("sphinx") or {}
    local = sphinx.get("local_extensions") or {}
    sphinx["local_extensions"] = {name: str((base / p).resolve()) for name, p in local.items()}
    return config


def korean(config, base):
    """The Korean edition's PDF: the catalogs (scripts/edition_config.py), no babel or
    polyglossia (kotex, already in the preamble, sets Hangul; polyglossia has no Korean
    that works with it), and LaTeX's own words in Korean."""
    from edition_config import edition_config

    config = edition_config(config, "ko", base)
    sphinx_config = config["sphinx"]["config"]
    elements = dict(sphinx_config["latex_elements"])
    elements.update({"babel": "", "polyglossia": ""})
    # kotex's hangul option gives LaTeX's own words in Korean ("제 4 장", 참고 문헌, 그림, 표);
    # fncychap's Bjarne style would print CHAPTER in capitals above them.
    elements["preamble"] = elements["preamble"].replace(
        "\\usepackage{kotex}", "\\usepackage[hangul]{kotex}")
    elements["fncychap"] = ""
    sphinx_config["latex_elements"] = elements
    config["latex"]["latex_documents"] = {"targetname": "book.tex"}
    return config


def main(source, target, language="en"):
    config = yaml.safe_load(Path(source).read_text(encoding="utf-8"))
    base = Path(source).resolve().parent
    config = absolute_extension_paths(pdf_config(config), base)
    if language == "ko":
        config = korean(config, base)
    # the HTML build's execution cache: the PDF build (in its own output folder) reuses it
    execute = dict(config.get("execute") or {})
    execute.setdefault("cache", str(base / "_build" / ".jupyter_cache"))
    config["execute"] = execute
    Path(target).parent.mkdir(parents=True, exist_ok=True)
    header = f"# Generated by scripts/pdf_config.py from {source}; do not edit.\n"
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    Path(target).write_text(header + text, encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4) or (len(sys.argv) == 4 and sys.argv[3] not in ("en", "ko")):
        sys.exit("usage: python scripts/pdf_config.py _config.yml OUT.yml [en|ko]")
    main(*sys.argv[1:])
