"""The shape of an output line, before any grammar: how it ends, its brackets, a list of names.

Used by :mod:`easyread.guard`; these checks need only the verb lexicon, not the guard's
subject-and-verb rules.
"""

from __future__ import annotations

import re

from easyread.model import visible_text
from easyread.verbs import AUXILIARIES, lexicon, lower_tokens, verb_base, word_set

# Words that finish nothing: a line ending on one of these was cut too early (DN-01).
DANGLING = word_set(
    "a an the of and or but nor to for from with without by in at as into onto than "
    "which who whose whom if because while whilst although though unless until such "
    "including like via per between among during "
    "across against towards toward within upon our their its his her your my every no very "
    "especially particularly mainly"
)
PRONOUN_SUBJECTS = word_set("i we you they he she it there this that these those")


def ends_finished(sentence: str) -> bool:
    tokens = lower_tokens(sentence)
    if tokens[-2:] == ["so", "on"]:
        return True
    if not tokens:
        return False
    if tokens[-1] not in DANGLING or tokens[-2:] == ["a", "while"]:
        return True  # "for a while": "while" is a length of time here
    return _passive_ends_on_preposition(tokens) or _verb_and_particle(tokens)


def _verb_and_particle(tokens: list[str]) -> bool:
    """ "since the new system came in.", "when the cuts kicked in.": "in" finishes a verb
    ("come in", "join in") and has no object to lose."""
    if len(tokens) < 3 or tokens[-1] != "in":
        return False
    verb = tokens[-2]
    base, irregular = lexicon()
    return verb in irregular or verb in base or bool(verb_base(verb))


_BE_OR_GET = word_set("be been being is are was were am get gets got getting feel felt")
_STRANDED = word_set("to for with about after on of at in from")


def _passive_ends_on_preposition(tokens: list[str]) -> bool:
    """ "They want to be listened to.", "She was looked after.": a whole passive; its
    preposition has no object to lose (unlike a cut "We spoke to.")."""
    if len(tokens) < 3 or tokens[-1] not in _STRANDED:
        return False
    verb, before = tokens[-2], tokens[-3]
    _base, irregular = lexicon()
    participle = (verb.endswith("ed") and verb_base(verb)) or verb in irregular
    return bool(participle) and before in _BE_OR_GET


def brackets_balance(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


_LIST_END = re.compile(r"(?:,?\s+(?:etc|and so on)|\s+(?:and|or)\s+[^,]+)\.?$", re.I)


def is_list_of_things(text: str) -> bool:
    """ "Home care, day opportunities, supported living etc.": names in a row, no sentence.

    Three or more short pieces between commas ending in "etc." or "and so on", or with no
    "and"/"or" at all, none with an auxiliary verb or a pronoun that could be a subject.
    """
    plain = visible_text(text).strip().rstrip(".")
    if plain.count(",") < 2:
        return False
    if re.search(r"\s(?:and|or)\s", plain) and not re.search(r"(?:etc|and so on)$", plain, re.I):
        return False  # "Bring a coat, a hat, a drink and a snack." may tell the reader to
    pieces = [p.strip() for p in _LIST_END.sub("", plain).split(",")]
    last = _LIST_END.search(plain)
    if last:
        pieces.append(re.sub(r"^,?\s*(?:and|or)\s+", "", last.group().strip(" .")))
    pieces = [p for p in pieces if p and p.lower() not in {"etc", "and so on"}]
    if len(pieces) < 3 or any(len(p.split()) > 3 for p in pieces):
        return False
    words = {w for p in pieces for w in lower_tokens(p)}
    return not words & (AUXILIARIES | PRONOUN_SUBJECTS | {"i"})
