"""The book's Sphinx extension book/_ext/accessible_book.py, without a build:
Korean marked as Korean, LaTeX font commands in the bibliography as markup,
and the HTML fixes that axe-core asked for."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "book" / "_ext"))
accessible_book = pytest.importorskip("accessible_book")


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # a run of Hangul words, spaces inside the run but not around it
        ("<p>Korean 정규화 names</p>", '<p>Korean <span lang="ko">정규화</span> names</p>'),
        (
            "<p>L1 및 L2 Norm에 대한 설명</p>",
            '<p>L1 <span lang="ko">및</span> L2 Norm<span lang="ko">에 대한 설명</span></p>',
        ),
        # attributes, scripts, titles and already-marked text stay as they are
        ('<a title="정규화">x</a>', '<a title="정규화">x</a>'),
        ("<script>var s = '정규화';</script>", "<script>var s = '정규화';</script>"),
        ("<title>정규화</title>", "<title>정규화</title>"),
        ('<span lang="ko">정규화</span>', '<span lang="ko">정규화</span>'),
        ("<p>no Korean here</p>", "<p>no Korean here</p>"),
    ],
)
def test_mark_korean(html, expected):
    assert accessible_book.mark_korean(html) == expected


def test_mark_korean_is_idempotent_on_its_output():
    once = accessible_book.mark_korean("<dd>노름. A function 맨해튼 노름</dd>")
    assert accessible_book.mark_korean(once) == once


def test_latex_font_commands_become_tags():
    from pybtex.richtext import Text

    text = Text.from_latex(r"a (\textit{L1 및 L2}) and \textbf{bold} and \emph{x}, {Kept}")
    html = accessible_book.latex_fonts_to_tags(text).render_as("html")
    assert "\\" not in html
    assert "<em>L1 및 L2</em>" in html
    assert "<strong>bold</strong>" in html
    assert "<em>x</em>" in html
    assert "Kept" in html


def test_fix_body_table_corner_and_bibliography_role():
    body = (
        '<thead><tr class="row-odd"><th class="head"><p></p></th>'
        '<th class="head"><p>L1</p></th></tr></thead>'
        '<div class="citation" id="id1" role="doc-biblioentry">'
    )
    fixed = accessible_book._fix_body(body)
    assert '<td class="head"></td>' in fixed  # the empty corner is a data cell
    assert '<th class="head"><p>L1</p></th>' in fixed  # a real header stays a header
    assert 'role="listitem"' in fixed and "doc-biblioentry" not in fixed


def test_fix_sidebar_names_each_toggle():
    html = (
        '<li><a class="reference internal" href="04_sparsity.html">4. Sparsity</a>'
        "<details><summary><span>v</span></summary></details></li>"
    )
    fixed = accessible_book._fix_sidebar(html)
    assert '<summary aria-label="Sections of 4. Sparsity">' in fixed


def test_fix_body_lets_a_folded_cell_toggle_be_named_by_its_text():
    # myst-nb's markup of a hide-input cell (myst_nb/sphinx_.py, visit_HideCellInput)
    html = (
        '<details class="admonition hide above-input">\n'
        '<summary aria-label="Toggle hidden content">\n'
        '<p class="collapsed admonition-title">Show code cell source</p>\n'
        '<p class="expanded admonition-title">Hide code cell source</p>\n</summary>\n'
    )
    fixed = accessible_book._fix_body(html)
    assert "aria-label" not in fixed
    assert "<summary>\n<p class=\"collapsed admonition-title\">Show code cell source" in fixed


@pytest.mark.parametrize("name", ["Exercise", "연습"])  # the English and the Korean PDF
def test_pdf_cross_chapter_exercise_references_get_their_number(name):
    """scripts/pdf_fixes.py: sphinx-exercise's cross-chapter reference points at a label
    LaTeX never defines ("Exercise ??"); it is rewritten to the exercise's own label."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from pdf_fixes import fix_exercise_references

    tex = (
        "\\phantomsection \\label{exercise:sparsity-ex1}\n\n"
        f"\\begin{{sphinxadmonition}}{{note}}{{{name} 4.3 (Hard: corners)}}\n"
        "... see \\hyperref[\\detokenize{book/04_sparsity:sparsity-ex1}]"
        f"{{{name} \\ref{{\\detokenize{{book/04_sparsity:sparsity-ex1}}}}}}."
    )
    fixed = fix_exercise_references(tex)
    assert f"\\hyperref[exercise:sparsity-ex1]{{{name} 4.3}}" in fixed
    assert "\\ref{" not in fixed
