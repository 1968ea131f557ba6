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


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    phrases = "|".join(re.escape(i.phrase) for i in idioms())
    return re.compile(rf"(?<![\w-])(?:{phrases})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _by_phrase() -> tuple[dict[str, Idiom], frozenset[str]]:
    by_phrase = {i.phrase.lower(): i for i in idioms()}
    return by_phrase, frozenset(re.split(r"[\s-]", p, maxsplit=1)[0] for p in by_phrase)


def find_idioms(text: str) -> list[tuple[int, int, Idiom]]:
    """Idioms outside quotations, as (start, end, idiom)."""
    by_phrase, first_words = _by_phrase()
    if first_words.isdisjoint(re.findall(r"[\w’']+", text.lower())):
        return []
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    return [
        (m.start(), m.end(), by_phrase[m.group().lower()])
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
