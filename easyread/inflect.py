"""The other forms of a word or phrase, so a list entry matches however the text bends it.

"commission" -> "commissions", "commissioned", "commissioning", "recommission"...;
"block contract" -> "block contracts". Only the last word of a phrase changes, as in
English ("care packages", "tenders received"). Initials ("ICB") only take a plural
("ICBs"). Used by the checker for glossary terms and for the lexicon of words about how
councils and the NHS are organised and decide (data/council_words.txt).
"""

from __future__ import annotations

import re

# Endings of words that are nouns or adjectives: they take a plural, never "-ed"/"-ing".
_NOUN_ENDINGS = (
    "ion", "ment", "ity", "ness", "ship", "ance", "ence", "ism", "ist", "al", "ic", "ive",
    "ous", "ful", "less", "ary", "ory", "ery", "cy", "ure", "ant", "ent", "er", "or", "ee",
    "hood", "ing", "ed", "th", "logy", "ics", "able", "ible",
)  # fmt: skip
_VOWELS = frozenset("aeiou")
_WORD = re.compile(r"^[a-z]+$")


def forms(phrase: str, verb: bool | None = None) -> set[str]:
    """The phrase and its inflected forms (lower case unless the phrase is in capitals).

    ``verb`` says whether the last word can be a verb; ``None`` guesses from its ending.
    """
    head, _, last = phrase.rpartition(" ")
    found = {phrase}
    if last.isupper():
        if last.isalpha():
            found.add(phrase + "s")  # "ICB" -> "ICBs"
        return found
    if not _WORD.match(last.lower()) or len(last) < 3:
        return found
    lower = last.lower()
    endings = {_plural(lower)}
    if verb is None:
        verb = not lower.endswith(_NOUN_ENDINGS)
    if verb:
        endings |= _verb_forms(lower)
        if not head and not lower.startswith("re"):
            endings |= {p + form for form in (lower, *endings) for p in ("re", "re-")}
    for ending in endings:
        word = _same_shape(last, ending)
        found.add(f"{head} {word}" if head else word)
    return found


def _plural(word: str) -> str:
    if word.endswith("s") and not word.endswith("ss"):
        return word
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x", "z")):
        return word + "es"
    return word + "s"


def _verb_forms(word: str) -> set[str]:
    if word.endswith("e"):
        return {word + "d", word[:-1] + "ing"}
    if word.endswith("y") and word[-2:-1] not in _VOWELS:
        return {word[:-1] + "ied", word + "ing"}
    stem = word
    # Short words that end consonant-vowel-consonant double it: "bid" -> "bidding".
    short = len(word) <= 4 and word[-1] not in "wxy" and word[-1] not in _VOWELS
    if short and word[-2] in _VOWELS and word[-3] not in _VOWELS:
        stem = word + word[-1]
    return {stem + "ed", stem + "ing"}


def _same_shape(original: str, ending: str) -> str:
    """Keep a capital first letter: "Tender" -> "Tenders"."""
    return ending[:1].upper() + ending[1:] if original[:1].isupper() else ending
