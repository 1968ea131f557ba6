"""One vocabulary per concept: a set of labels, or a way of writing dates, is written once.

Reads the source (no imports): every dict, list, tuple or set literal in forum_site/ and
easyread/ with three or more words in it is a label set. Two sets that share most of their
words mean someone copied a vocabulary instead of importing it from forum_site/vocabulary/.
"""

from __future__ import annotations

import ast
import re
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("forum_site", "easyread")
SKIPPED = ("migrations",)
# The site's date formats, and easy read's own (ER-06; easyread never imports forum_site).
DATES_MODULES = {ROOT / "forum_site" / "vocabulary" / "dates.py", ROOT / "easyread" / "formats.py"}
# Display patterns for dates and times (CLDR for Babel, or strftime's month names).
DATE_PATTERN = re.compile(r"EEEE|MMMM|\bMMM\b|\bh:mm a\b|%B|%-d")
MIN_WORDS = 3


def _sources() -> list[Path]:
    files = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if not any(part in SKIPPED for part in path.parts):
                files.append(path)
    return files


def _words(node: ast.AST) -> set[str]:
    """The label words directly in a literal: strings, _l("..."), a tuple's first string."""
    found = set()
    for value in _members(node):
        if isinstance(value, ast.Tuple) and value.elts:
            value = value.elts[0]
        if isinstance(value, ast.Call) and value.args:
            value = value.args[0]
        if _is_words(value):
            found.add(value.value)
    return found


def _is_words(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return False
    return " " in node.value.strip() or node.value[:1].isupper()


def _members(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.Dict):
        return list(node.values)
    if isinstance(node, ast.List | ast.Tuple):  # sets are word lists (checker), not labels
        return list(node.elts)
    return []


def _label_sets() -> list[tuple[str, frozenset[str]]]:
    sets = []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            words = _words(node)
            if len(words) >= MIN_WORDS:
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                sets.append((where, frozenset(words)))
    return sets


def test_no_two_modules_define_the_same_label_set():
    copies = []
    for (here, mine), (there, theirs) in combinations(_label_sets(), 2):
        shared = mine & theirs
        if len(shared) >= MIN_WORDS and len(shared) * 3 >= 2 * min(len(mine), len(theirs)):
            copies.append(f"{here} ~ {there}: {sorted(shared)[:4]}")
    assert not copies, "Label sets written twice (import them from forum_site/vocabulary/):\n" + (
        "\n".join(copies)
    )


def test_dates_are_written_in_one_place():
    elsewhere = []
    for path in _sources():
        if path in DATES_MODULES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = node.value if isinstance(node, ast.Constant) else None
            if isinstance(text, str) and len(text) < 40 and DATE_PATTERN.search(text):
                elsewhere.append(f"{path.relative_to(ROOT)}:{node.lineno} {text!r}")
    where = "vocabulary/dates.py or easyread/formats.py"
    assert not elsewhere, f"Date formats belong in {where}:\n" + "\n".join(elsewhere)


def test_the_check_reads_the_label_sets():
    """The check above is not vacuous: it sees the stage labels where they live."""
    stages = [words for where, words in _label_sets() if "vocabulary/cycle.py" in where]
    assert stages and "Procurement (buying services)" in stages[0]
