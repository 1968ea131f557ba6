"""Whether "and" joins two verbs with one subject ("We will review it and talk to
people"), so the second half can take the subject again, or two nouns ("the cost of care
and support at home"), which must stay together (RULES.md DN-01)."""

from __future__ import annotations

from easyread.grammar import _VERBS
from easyread.model import visible_text
from easyread.text import words


def _a_noun_here(following: list[str], before: str) -> bool:
    """ "and care planning", "and support plans": a word that is more often a noun, with
    no object after it, joins two nouns, not two verbs; so does one after another such
    word ("the cost of care and support at home")."""
    from easyread.guard_words import (
        _DETERMINERS,
        _NOUN_LIKE,
        _OBJECT_STARTS,
        _OBJECTS,
        _PREPOSITIONS,
    )

    first, second = following[0], following[1]
    verb_follows = _OBJECT_STARTS | _OBJECTS | _PREPOSITIONS | _DETERMINERS | _PARTICLES
    if first not in _NOUN_LIKE:
        return False
    return before in _NOUN_LIKE or second not in verb_follows  # not "report against"


def _pronoun_for(left: str, verb: str) -> str | None:
    """ "Young people turn 18 and move" -> "They": only when the first verb is a plain plural."""
    found = [span.text.lower() for span in words(visible_text(left))]
    plural_verbs = _VERBS | {"are", "were", "have", "do"}
    if verb not in plural_verbs:
        return None
    for index in range(len(found) - 1, 0, -1):
        before = found[index - 1]
        if found[index] in plural_verbs and (before.endswith("s") or before in _PLURAL_NOUNS):
            return "They"
    return None


_PLURAL_NOUNS = frozenset({"people", "children", "we", "they", "staff", "families"})

_PARTICLES = frozenset({"back", "off", "down", "over", "away"})  # "report back", "sign off"
