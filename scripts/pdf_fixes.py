"""Sphinx extension loaded by the PDF build only (scripts/pdf_config.py adds it).

sphinx-exercise 1.2 writes a ``{ref}`` to an exercise of *another* chapter as
``\\hyperref[\\detokenize{DOC:LABEL}]{Exercise \\ref{\\detokenize{DOC:LABEL}}}``, but
labels the exercise ``exercise:LABEL``: LaTeX prints "Exercise ??". References within a
chapter come out right, as ``\\hyperref[exercise:LABEL]{Exercise 4.1}``. After Sphinx
has written the ``.tex`` file (and before Jupyter Book runs latexmk) this rewrites the
first form into the second, taking the number from the exercise's own heading.
"""

import re
from pathlib import Path

EXERCISE = re.compile(
    r"\\label\{exercise:(?P<label>[^}]+)\}\s*\\begin\{sphinxadmonition\}\{note\}"
    r"\{(?P<name>[^\s{}]+) (?P<number>[\d.]+)"  # "Exercise 4.3", "연습 4.3"
)
CROSS_REF = re.compile(
    r"\\hyperref\[\\detokenize\{[^}:]+:(?P<label>[^}]+)\}\]"
    r"\{(?P<name>\w+) \\ref\{\\detokenize\{[^}:]+:(?P=label)\}\}\}"
)


def fix_exercise_references(tex):
    numbers = {m["label"]: m["number"] for m in EXERCISE.finditer(tex)}

    def replace(match):
        number = numbers.get(match["label"])
        if number is None:
            return match[0]
        return rf"\hyperref[exercise:{match['label']}]{{{match['name']} {number}}}"

    return CROSS_REF.sub(replace, tex)


def _rewrite(app, exception):
    if exception is not None or app.builder.name != "latex":
        return
    for tex in Path(app.outdir).glob("*.tex"):
        text = tex.read_text(encoding="utf-8")
        fixed = fix_exercise_references(text)
        if fixed != text:
            tex.write_text(fixed, encoding="utf-8")


def setup(app):
    app.connect("build-finished", _rewrite)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
