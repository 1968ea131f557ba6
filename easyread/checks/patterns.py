"""One regular expression for a long list of words and phrases.

A plain ``a|b|c`` alternation tries every phrase at every position, which is
slow for hundreds of phrases. Shaped like a trie, phrases that share a start
share a branch, and the longest phrase wins at each position.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_CHAR_PATTERNS = {" ": r"\s+", "'": "['’]", "-": "[-‐‑]"}


def phrase_pattern(normalised_forms: Iterable[str]) -> re.Pattern:
    """Match any of the forms (lower case, single spaces), case-insensitively, as whole words."""
    trie: dict = {}
    for form in normalised_forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    body = _trie_pattern(trie)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w]|[-‐‑]\w)", re.IGNORECASE)


def _trie_pattern(node: dict) -> str:
    branches = [
        _CHAR_PATTERNS.get(char, re.escape(char)) + _trie_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
