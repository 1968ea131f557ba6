"""Idioms and figures of speech, shared by the checker and the renderer (data/idioms.txt).

The renderer swaps an idiom for its plain words when they fit in the same place.
A plain version marked "~" does not fit: the idiom stays and the row is marked for a
person. Words inside quotation marks are someone's own words and are never changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

IDIOMS_FILE = Path(__file__).with_name("data") / "idioms.txt"
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")


@dataclass(frozen=True, slots=True)
class Idiom:
    phrase: str
    plain: str
    fits: bool  # False: the plain words cannot replace the idiom in place


@lru_cache(maxsize=1)
def idioms() -> tuple[Idiom, ...]:
    found = []
    for line in IDIOMS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        phrase, plain = (part.strip() for part in line.split(":", 1))
        found.append(Idiom(phrase, plain.lstrip("~").strip(), not plain.startswith("~")))
    return tuple(sorted(found, key=lambda i: -len(i.phrase)))  # longest first


# An idiom that starts with a verb is found in that verb's other forms too ("kept in the
# dark", "plucked up the courage"). Such a form is never swapped: the plain words are
# written for the first form, so the row goes to a person instead (DN-01).
_IRREGULAR = {
    "fall": ("fell", "fallen"), "keep": ("kept",), "leave": ("left",), "take": ("took", "taken"),
    "get": ("got", "gotten"), "go": ("went", "gone", "goes"), "hold": ("held",),
    "bring": ("brought",), "come": ("came",), "give": ("gave", "given"), "make": ("made",),
    "draw": ("drew", "drawn"), "run": ("ran",), "hit": (), "put": (), "set": (), "cut": (),
    "feel": ("felt",), "find": ("found",), "stand": ("stood",), "throw": ("threw", "thrown"),
    "think": ("thought",), "break": ("broke", "broken"), "pay": ("paid",), "say": ("said",),
    "lose": ("lost",), "sweep": ("swept",), "slip": ("slipped", "slipping"),
    "drop": ("dropped", "dropping"), "step": ("stepped", "stepping"), "hang": ("hung",),
}  # fmt: skip
_NOT_VERBS = frozenset(
    [
        "a",
        "an",
        "the",
        "in",
        "on",
        "at",
        "to",
        "of",
        "for",
        "by",
        "with",
        "from",
        "up",
        "off",
        "out",
        "over",
        "under",
        "into",
        "one",
        "no",
        "not",
        "it",
        "is",
        "are",
        "was",
        "all",
        "too",
        "as",
        "at",
        "like",
        "high",
        "low",
        "big",
        "early",
        "long",
        "short",
    ]
)


@lru_cache(maxsize=1)
def _variants() -> dict[str, Idiom]:
    """Other forms of idioms that start with a verb, each marked as not fitting in place."""
    from easyread.inflect import forms

    found: dict[str, Idiom] = {}
    for idiom in idioms():
        first, space, rest = idiom.phrase.lower().partition(" ")
        if not space or first in _NOT_VERBS or not first.isalpha():
            continue
        stem = first[:-1] if first.endswith("s") and first[:-1] in _IRREGULAR else first
        others = forms(stem, verb=True) | set(_IRREGULAR.get(stem, ()))
        others |= {o + "s" for o in (stem,) if not o.endswith("s")}
        for other in others - {first}:
            if other.startswith("re") and not stem.startswith("re"):
                continue
            found.setdefault(f"{other} {rest}", Idiom(f"{other} {rest}", idiom.plain, False))
    return found


# A pronoun in an idiom stands for any other ("roll up your sleeves": "roll up our
# sleeves"; "take it on the chin": "took that on the chin").
_POSSESSIVES = ("our", "your", "their", "my", "his", "her", "its")
_OBJECTS = ("it", "that", "this", "them")


def _slot(words: tuple[str, ...], name: str) -> tuple[re.Pattern[str], str, str]:
    either = "|".join(words)
    return re.compile(rf"\b(?:{either})\b"), f"(?:{either})", name


_SLOTS = (_slot(_POSSESSIVES, "<p>"), _slot(_OBJECTS, "<o>"))


def _slot_key(phrase: str) -> str:
    key = phrase.lower()
    for words, _alternatives, slot in _SLOTS:
        key = words.sub(slot, key)
    return key


def _slot_pattern(phrase: str) -> str:
    pattern = re.escape(phrase)
    for words, alternatives, _slot in _SLOTS:
        pattern = words.sub(alternatives, pattern)
    return pattern


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    every = sorted({*(i.phrase.lower() for i in idioms()), *_variants()}, key=len, reverse=True)
    phrases = "|".join(_slot_pattern(p) for p in every)
    return re.compile(rf"(?<![\w-])(?:{phrases})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _by_phrase() -> tuple[dict[str, Idiom], frozenset[str]]:
    by_phrase = {_slot_key(k): i for k, i in _variants().items()}
    by_phrase |= {_slot_key(i.phrase): i for i in idioms()}
    first = {re.split(r"[\s-]", p, maxsplit=1)[0] for p in by_phrase}
    if "<p>" in first:
        first |= set(_POSSESSIVES)
    if "<o>" in first:
        first |= set(_OBJECTS)
    return by_phrase, frozenset(first)


def _found(matched: str, by_phrase: dict[str, Idiom]) -> Idiom:
    """The idiom a match stands for; with other pronouns than its plain words were written
    for, it is never swapped in place (DN-01)."""
    idiom = by_phrase[_slot_key(matched)]
    if idiom.fits and matched.lower() != idiom.phrase.lower():
        return Idiom(matched, idiom.plain, False)
    return idiom


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Where someone's own words are quoted: never changed."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def find_idioms(text: str, quoted_too: bool = False) -> list[tuple[int, int, Idiom]]:
    """Idioms outside quotations (or everywhere, for the checker), as (start, end, idiom)."""
    by_phrase, first_words = _by_phrase()
    if first_words.isdisjoint(re.findall(r"[\w’']+", text.lower())):
        return []
    quoted = [] if quoted_too else quoted_spans(text)
    return [
        (m.start(), m.end(), _found(m.group(), by_phrase))
        for m in _pattern().finditer(text)
        if not any(a <= m.start() < b for a, b in quoted)
    ]


@lru_cache(maxsize=8192)
def _plain_idioms(text: str) -> tuple[str, tuple[str, ...]]:
    swapped, kept = _swap_idioms(text)
    return swapped, tuple(kept)


def plain_idioms(text: str) -> tuple[str, list[str]]:
    """Idioms swapped for plain words; returns the text and the idioms that had to stay."""
    swapped, kept = _plain_idioms(text)
    return swapped, list(kept)


def _swap_idioms(text: str) -> tuple[str, list[str]]:
    """Idioms swapped for plain words; returns the text and the idioms that had to stay."""
    kept: list[str] = []
    pieces: list[str] = []
    last = 0
    for start, end, idiom in find_idioms(text):
        pieces.append(text[last:start])
        found = text[start:end]
        if idiom.fits:
            plain = idiom.plain
            pieces[-1] = _article_for(pieces[-1], plain)
            pieces.append(plain[:1].upper() + plain[1:] if found[:1].isupper() else plain)
        else:
            pieces.append(found)
            kept.append(found)
        last = end
    pieces.append(text[last:])
    return "".join(pieces), kept


def _article_for(before: str, plain: str) -> str:
    """ "a heads up" -> "an early warning": the article before a swap agrees with it."""
    match = re.search(r"\b([Aa])(n?)(\s+)$", before)
    if not match:
        return before
    vowel = plain[:1].lower() in set("aeiou")
    article = match.group(1) + ("n" if vowel else "")
    return before[: match.start()] + article + match.group(3)
