"""Inflected forms of words and phrases, so lexicons match "scrutinised" as well as "scrutinise"."""

from __future__ import annotations

import re


def word_forms(word: str) -> set[str]:
    """ "scrutinise" -> scrutinises, scrutinised, scrutinising; "policy" -> policies."""
    w = word.lower()
    forms = {w, w + "s"}
    if w.endswith("y") and w[-2:-1] not in set("aeiou"):
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if w.endswith(("s", "sh", "ch", "x")):
        forms.add(w + "es")
    if w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing"}
    else:
        forms |= {w + "ed", w + "ing"}
    if re.search(r"[^aeiou][aeiou][bdglmnprt]$", w) and len(w) <= 6:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return forms


def phrase_forms(phrase: str) -> set[str]:
    """Inflect the first word ("signed off") and the last word ("block contracts")."""
    words = phrase.split()
    if len(words) == 1:
        return word_forms(phrase)
    first = {" ".join([f, *words[1:]]) for f in word_forms(words[0])}
    last = {" ".join([*words[:-1], f]) for f in word_forms(words[-1])}
    return first | last
