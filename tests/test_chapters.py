"""The chapters' own promises, checked on their sources (issue 8).

* Every *Correction* box in the book is a row of the summary's table of corrections, and
  every row links to a *Correction* box; the same for the *Note* boxes that qualify a
  statement of the source and the summary's second table.
* Every exercise carries a difficulty label, and each chapter's exercises run from easy to
  hard.
"""

import json
import re
from pathlib import Path

import pytest

BOOK = Path(__file__).resolve().parent.parent / "book"
CHAPTERS = sorted(BOOK.glob("*.ipynb"))
DIFFICULTY = {"easy": 0, "medium": 1, "hard": 2}


def markdown_of(path):
    """The markdown text of a chapter (a notebook's markdown cells, or a .md file)."""
    if path.suffix == ".md":
        return path.read_text(encoding="utf-8")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def boxes(kind):
    """Labels of the admonitions titled ``kind`` ('Correction' or 'Note') that quote the
    source, in every chapter: each is preceded by its label line ``(label)=``."""
    pattern = re.compile(r"^\(([\w-]+)\)=\n:::\{admonition\} " + kind + r":", re.M)
    found = []
    for path in [*CHAPTERS, *BOOK.glob("*.md")]:
        found += pattern.findall(markdown_of(path))
    return found


def summary_table(heading):
    """The link targets of the rows of the summary's table that follows ``heading``."""
    text = markdown_of(BOOK / "10_summary.ipynb")
    start = text.index(heading)
    rows = []
    for line in text[start:].splitlines()[1:]:
        if rows and not line.startswith("|"):
            break
        if line.startswith("|") and not line.startswith("|---") and "the source says" not in line:
            rows.append(re.search(r"\{ref\}`[^<`]*<([\w-]+)>`\s*\|\s*$", line).group(1))
    return rows


def test_the_corrections_table_lists_every_correction_box_once():
    in_chapters = boxes("Correction")
    in_table = summary_table("## What the book corrects in the source")
    assert len(in_chapters) == len(set(in_chapters)), "a label is used twice"
    assert sorted(in_table) == sorted(in_chapters)
    assert all(label.startswith("correction-") for label in in_table)


def test_the_qualifications_table_lists_every_note_on_the_source():
    in_chapters = [label for label in boxes("Note") if label.startswith("note-")]
    in_table = summary_table("Two more statements of the source are right but need a qualifier")
    assert in_table, "the summary has no table of qualifications"
    assert sorted(in_table) == sorted(in_chapters)


def test_boxes_are_found_at_all():
    # guards the two tests above against a pattern that matches nothing
    assert len(boxes("Correction")) >= 10
    assert "correction-sparsity-l2-proportional" in boxes("Correction")


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_exercises_are_labelled_and_run_from_easy_to_hard(chapter):
    titles = re.findall(r"^```\{exercise\}(.*)$", markdown_of(chapter), re.M)
    levels = []
    for title in titles:
        # "Easy: title" (renders as "Exercise 1 (Easy: title)"), or "title (easy)"
        match = re.search(r"\((easy|medium|hard)\)\s*$", title) or re.match(
            r"\s*(Easy|Medium|Hard):", title)
        assert match, f"{chapter.name}: exercise '{title.strip()}' has no difficulty label"
        levels.append(DIFFICULTY[match.group(1).lower()])
    assert levels == sorted(levels), f"{chapter.name}: exercises not in easy → hard order"


@pytest.mark.parametrize("chapter", ["01_norms", "02_normalization", "03_regularization",
                                     "04_sparsity", "05_convexity", "07_statistical_view",
                                     "08_selection", "09_beyond_least_squares", "10_summary"])
def test_every_main_chapter_has_exercises_and_a_summary(chapter):
    text = markdown_of(BOOK / f"{chapter}.ipynb")
    assert "```{exercise}" in text
    if chapter != "10_summary":   # the summary chapter is itself the summary
        assert re.search(r"^## Summary", text, re.M), f"{chapter} has no Summary section"


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda p: p.stem)
def test_stored_outputs_have_nothing_on_stderr(chapter):
    """A warning in a stored output (a font, a deprecation) would be shown on the page and
    compared by nbval: every chapter executes without writing to stderr."""
    nb = json.loads(chapter.read_text(encoding="utf-8"))
    stderr = [
        "".join(output.get("text", ""))[:200]
        for cell in nb["cells"] for output in cell.get("outputs", [])
        if output.get("output_type") == "stream" and output.get("name") == "stderr"
    ]
    assert stderr == []
