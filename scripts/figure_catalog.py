"""Keep the catalog of the figures' text in step with the chapters.

Usage::

    python scripts/figure_catalog.py update   # merge new strings in, mark gone ones obsolete
    python scripts/figure_catalog.py list     # print the strings the stored chapters draw

The text drawn inside figures (titles, axis labels, legends) is not in the pages, so
gettext does not see it. Each figure of a stored chapter lists its English strings in
its output metadata (``metadata["image/png"]["normlib"]["texts"]``; see
``scripts/execute_notebooks.py``), and the explorables' texts come from
``normlib.plotting.interactive.TEXTS``. ``normlib/plotting/figures.ko.po`` holds their
Korean translations; it ships with normlib, so ``lang="ko"`` works in any notebook.
``make translations`` runs ``update``; ``tests/test_translations.py`` checks that the
catalog has exactly these strings, all translated.
"""

import sys
from pathlib import Path

import nbformat
import polib

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "normlib" / "plotting" / "figures.ko.po"
CHAPTERS = sorted((ROOT / "book").glob("*.ipynb"))


def chapter_figure_texts(paths=CHAPTERS):
    """``{English string: [chapter names]}`` over the stored outputs of ``paths``."""
    texts = {}
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                extra = output.get("metadata", {}).get("image/png", {}).get("normlib", {})
                for text in extra.get("texts", []):
                    texts.setdefault(text, [])
                    if path.stem not in texts[text]:
                        texts[text].append(path.stem)
    return texts


def explorable_texts():
    sys.path.insert(0, str(ROOT))
    from normlib.plotting.interactive import TEXTS

    return {text: ["explorables"] for text in TEXTS}


def all_texts():
    return {**chapter_figure_texts(), **explorable_texts()}


def update(path=CATALOG):
    texts = all_texts()
    if path.exists():
        catalog = polib.pofile(str(path), wrapwidth=0)
    else:
        catalog = polib.POFile(wrapwidth=0)
        catalog.metadata = {
            "Project-Id-Version": "normlib figures",
            "Language": "ko",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=utf-8",
            "Content-Transfer-Encoding": "8bit",
        }
    known = {entry.msgid: entry for entry in catalog}
    for text, where in texts.items():
        entry = known.get(text)
        if entry is None:
            occurrences = [(w, "") for w in where]
            catalog.append(polib.POEntry(msgid=text, msgstr="", occurrences=occurrences))
        else:
            entry.obsolete = False
            entry.occurrences = [(w, "") for w in where]
    for msgid, entry in known.items():
        if msgid not in texts:
            entry.obsolete = True
    catalog.save(str(path))
    added = len(set(texts) - set(known))
    gone = len(set(known) - set(texts))
    print(f"{path.relative_to(ROOT)}: {len(texts)} strings, {added} new, {gone} obsolete")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "list":
        for text, where in all_texts().items():
            print(f"{', '.join(where)}\t{text}")
    else:
        sys.exit("usage: python scripts/figure_catalog.py update|list")
