"""The explorables' words (issue 11): the script's English and Korean dictionaries match.

book/_explorables/explorables/explorables.js writes every word from one dictionary per
language (``STRINGS.en``, ``STRINGS.ko``), chosen once from ``<html lang>``. Here the script
runs in node with a stub ``document`` (no browser, no built book) and the two dictionaries
are compared: the same keys, the same placeholders, Korean where the English has words, the
same math symbols. The browser tests (tests/browser/test_interactive.py) check the pages.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "book" / "_explorables" / "explorables" / "explorables.js"
NODE = shutil.which("node")

PLACEHOLDER = re.compile(r"\{(\w+)\}")
WORD = re.compile(r"[A-Za-z]{2,}")
HANGUL = re.compile("[\uac00-\ud7a3]")
KEPT_IN_KOREAN = {"LARS", "SVD"}  # names, the same in the Korean text of the book
MATH = set("λρ₁₂ŵ=()")

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed (npm ci needs it too)")


def run_script(lang):
    """window.normlibExplorables.{language, strings} of the script on a page with this lang."""
    code = f"""
        const fs = require("fs");
        global.window = {{}};
        global.document = {{
            documentElement: {{lang: {json.dumps(lang)}}},
            readyState: "complete",
            querySelectorAll: () => [],
        }};
        new Function(fs.readFileSync({json.dumps(str(SCRIPT))}, "utf8"))();
        const api = window.normlibExplorables;
        process.stdout.write(JSON.stringify({{language: api.language, strings: api.strings}}));
    """
    done = subprocess.run([NODE, "-e", code], capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def strings():
    return run_script("en")["strings"]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ko", "ko"), ("ko-KR", "ko"), ("KO", "ko"), ("en", "en"), ("", "en"), ("fr", "en"),
     ("kok", "en")],
)
def test_the_page_language_chooses_the_dictionary(lang, expected):
    assert run_script(lang)["language"] == expected


def test_every_key_is_in_both_dictionaries(strings):
    assert set(strings) == {"en", "ko"}
    en, ko = strings["en"], strings["ko"]
    assert sorted(set(en) - set(ko)) == [], "English keys without Korean"
    assert sorted(set(ko) - set(en)) == [], "Korean keys without English"
    assert all(isinstance(v, str) and v.strip() for d in (en, ko) for v in d.values())


def test_translations_keep_the_placeholders(strings):
    for key, english in strings["en"].items():
        korean = strings["ko"][key]
        assert set(PLACEHOLDER.findall(korean)) == set(PLACEHOLDER.findall(english)), key


def test_korean_values_are_korean(strings):
    for key, english in strings["en"].items():
        korean = strings["ko"][key]
        text = PLACEHOLDER.sub("", english)
        if WORD.search(text):  # English words: the Korean says it in Korean
            assert HANGUL.search(korean), f"{key}: {korean!r} has no Hangul"
        leftover = set(WORD.findall(PLACEHOLDER.sub("", korean))) - KEPT_IN_KOREAN
        assert not leftover, f"{key}: English left in {korean!r}: {sorted(leftover)}"


def test_translations_keep_the_math_symbols(strings):
    for key, english in strings["en"].items():
        korean = strings["ko"][key]
        missing = {c for c in english if c in MATH} - set(korean)
        assert not missing, f"{key}: {korean!r} lost {sorted(missing)}"
