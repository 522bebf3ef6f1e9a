"""Check the Korean catalogs: complete, current, and faithful to the English markup.

Usage::

    python scripts/check_translations.py                 # every catalog under locales/ko
    python scripts/check_translations.py locales/ko/LC_MESSAGES/book/01_norms.po

Prints one line per problem (``file:line: message``) and exits with 1 if there is any.
``tests/test_translations.py`` runs the same checks in ``make test``. A message is in
order when

- it is translated, not fuzzy and not obsolete (``#~``);
- its translation keeps the markup of the English: the same MyST roles with the same
  targets (``{term}``, ``{doc}``, ``{ref}``, ``{numref}``, ``{cite}`` ...), the same math
  (``$...$``, and displayed formulas, which are messages of their own) and the same inline
  code; only the text inside math (``\text{subject to}``) is translated;
- every ``{term}`` role shows the glossary's Korean term for its target (the first Korean
  term of the entry in ``book/glossary.md``), e.g. ``{term}`L1 노름 <L1 norm>```;
- it is Korean: an English phrase (two words or more) has Hangul in its translation.
"""

import re
import sys
from collections import Counter
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "locales" / "ko" / "LC_MESSAGES"
GLOSSARY = ROOT / "book" / "glossary.md"
FIGURES = ROOT / "normlib" / "plotting" / "figures.ko.po"  # the text drawn in figures

HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
ROLE = re.compile(r"\{([a-z:]+)\}`([^`]*)`")
DISPLAY_MATH = re.compile(r"\$\$.*?\$\$", re.S)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)(?:\\.|[^$\\])+?\$")
CODE = re.compile(r"(?<![}`])(`+)(?!`)(.+?)(?<!`)\1(?!`)")
WORD = re.compile(r"[A-Za-z]{4,}")
# Text inside math (\text{subject to}) is prose: it may be translated, the rest of the
# formula may not.
MATH_TEXT = re.compile(r"\\(?:text|textrm|textit|mbox)\s*\{([^{}]*)\}")
LATEX_COMMAND = re.compile(r"\\[A-Za-z]+")
# \mathrm{Cost}, \begin{cases}: names, not prose
MATH_NAME = re.compile(
    r"\\(?:mathrm|mathbf|mathit|mathsf|texttt|operatorname|begin|end)\s*\{[^{}]*\}")


def role_target(role, text):
    """The target of a role: ``text <target>`` names it explicitly, else the text is it."""
    explicit = re.fullmatch(r"(.*?)\s*<([^<>]+)>", text.strip(), re.S)
    target = explicit.group(2) if explicit else text
    return target.strip().lower() if role == "term" else target.strip()


def role_label(text):
    explicit = re.fullmatch(r"(.*?)\s*<([^<>]+)>", text.strip(), re.S)
    return explicit.group(1) if explicit else text


def glossary_terms(path=GLOSSARY):
    """English headword (lower case) -> the Korean term the Korean edition uses."""
    text = path.read_text(encoding="utf-8")
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    terms = {}
    for entry in re.split(r"\n(?=\S)", block.strip()):
        head, *body = entry.split("\n")
        definition = " ".join(line.strip() for line in body)
        korean = re.split(r"(?<!\$)[.,(]", definition, maxsplit=1)[0]
        terms[head.strip().lower()] = _normalized(korean)
    return terms


def _normalized(text):
    """Math, quotes and repeated spaces removed: what a term check compares."""
    text = INLINE_MATH.sub(" ", text)
    text = re.sub("[\"'“”‘’]", "", text)
    return " ".join(text.split())


def _formula(math):
    """A formula with the text inside it (``\\text{...}``) blanked, spaces normalized."""
    return " ".join(MATH_TEXT.sub(r"\\text{}", math).split())


def is_formula(msgid):
    """A displayed formula is extracted as a message of its own, without ``$$``."""
    return "$" not in msgid and "`" not in msgid and bool(LATEX_COMMAND.search(msgid)) and \
        not WORD.search(LATEX_COMMAND.sub(" ", MATH_TEXT.sub(" ", MATH_NAME.sub(" ", msgid))))


def _markup(text, formula=False):
    """The parts of a message that a translation must keep unchanged, and the prose."""
    if formula:
        prose = " ".join(MATH_TEXT.findall(text))
        return Counter(), Counter([_formula(text)]), Counter(), prose
    roles = Counter((role, role_target(role, body)) for role, body in ROLE.findall(text))
    rest = ROLE.sub(" ", text)
    display = Counter(_formula(m) for m in DISPLAY_MATH.findall(rest))
    rest = DISPLAY_MATH.sub(" ", rest)
    inline = Counter(_formula(m) for m in INLINE_MATH.findall(rest))
    rest = INLINE_MATH.sub(" ", rest)
    code = Counter(m.group(2) for m in CODE.finditer(rest))
    rest = CODE.sub(" ", rest)
    return roles, display + inline, code, rest


def _diff(expected, found):
    missing = list((expected - found).elements())
    extra = list((found - expected).elements())
    return missing, extra


def check_entry(entry, terms):
    """The problems of one catalog entry, as strings."""
    if entry.obsolete:
        return ["obsolete message (remove it: the English text no longer has it)"]
    if "fuzzy" in entry.flags:
        return ["fuzzy: the English changed; update the translation and drop the fuzzy flag"]
    if not entry.msgstr.strip():
        return ["untranslated"]
    problems = []
    formula = is_formula(entry.msgid)
    roles, math, code, prose = _markup(entry.msgid, formula)
    t_roles, t_math, t_code, _ = _markup(entry.msgstr, formula)
    for what, expected, found in (("role", roles, t_roles), ("math", math, t_math),
                                  ("inline code", code, t_code)):
        missing, extra = _diff(expected, found)
        if missing:
            problems.append(f"{what} missing from the translation: {missing}")
        if extra:
            problems.append(f"{what} not in the English: {extra}")
    for role, body in ROLE.findall(entry.msgstr):
        if role != "term":
            continue
        target = role_target(role, body)
        korean = terms.get(target)
        if korean and korean not in _normalized(role_label(body)):
            problems.append(f"{{term}} `{body}` should show the glossary's term {korean!r}")
    # a phrase, not one name ("scikit-learn", \text{Cost}, \text{const.})
    if formula:
        words = re.findall(r"[A-Za-z]{2,}", prose)  # \text{subject to}: a phrase
    else:
        words = [token for token in prose.split() if WORD.search(token)]
    if len(words) >= 2 and not HANGUL.search(entry.msgstr):
        problems.append("not translated into Korean (no Hangul)")
    return problems


def check_catalog(path, terms=None):
    """``(line, problem)`` pairs for one ``.po`` file."""
    terms = glossary_terms() if terms is None else terms
    catalog = polib.pofile(str(path))
    found = []
    for entry in catalog:
        for problem in check_entry(entry, terms):
            found.append((entry.linenum, f"{problem}: {entry.msgid[:70]!r}"))
    return found


def catalogs():
    """Every Korean catalog: one per page, the theme's strings, and the figures'."""
    return [*sorted(CATALOGS.rglob("*.po")), FIGURES]


def main(paths):
    terms = glossary_terms()
    count = 0
    for path in paths or catalogs():
        for line, problem in check_catalog(path, terms):
            print(f"{Path(path).resolve().relative_to(ROOT)}:{line}: {problem}")
            count += 1
    print(f"{count} problem(s)")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
