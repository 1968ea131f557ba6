"""Finding a picture for an easy-read row by what it shows or means: the picker on the
page where a person checks an easy-read version (issue 14), instead of a list of 200 names.

Each picture carries its concepts, their words and what it means (easyread's
concepts.toml); a search word matches the start of any of those words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from easyread.pictures import (
    alt_text,
    concepts,
    concepts_in,
    has_picture,
    manifest,
    picture_meaning,
)

MOST_FOUND = 24
MOST_SUGGESTED = 6
LONGEST_SEARCH = 100
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class PictureOption:
    id: str
    name: str
    meaning: str


def picture_option(picture_id: str | None) -> PictureOption | None:
    if not has_picture(picture_id):
        return None
    return PictureOption(picture_id, alt_text(picture_id), picture_meaning(picture_id))


def find_pictures(search: str, leave_out: str | None = None) -> list[PictureOption]:
    """Pictures found by the search words: most words found first, then pictures named by
    them, then by name. Only pictures a concept uses (the money bag with a dollar sign is
    bundled for old versions, never offered: DN-06)."""
    wanted = _words(search[:LONGEST_SEARCH])
    ranked = []
    for picture_id, (names, words) in _searchable().items():
        found = sum(_found(word, names | words) for word in wanted)
        if picture_id == leave_out or not found:
            continue
        named = sum(_found(word, names) for word in wanted)
        exact = set(wanted) == names
        ranked.append((-found, not exact, -named, alt_text(picture_id), picture_id))
    return [picture_option(entry[-1]) for entry in sorted(ranked)[:MOST_FOUND]]


def suggested_pictures(text: str, leave_out: str | None = None) -> list[PictureOption]:
    """Pictures of the concepts that fit a row's sentences (the concept check applies)."""
    found = dict.fromkeys(c.picture for c in concepts_in(text) if c.picture != leave_out)
    return [picture_option(pid) for pid in list(found)[:MOST_SUGGESTED] if has_picture(pid)]


def _found(word: str, words: frozenset[str]) -> bool:
    if len(word) < 4:
        return word in words or f"{word}s" in words
    singular = word[:-1] if len(word) > 3 and word.endswith("s") else word
    return any(known.startswith(singular) for known in words)


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


@lru_cache(maxsize=1)
def _searchable() -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """For each picture a concept uses: the words of its concepts' names, and every other
    word it can be found by (the concepts' words, meanings and the drawing's name)."""
    names: dict[str, set[str]] = {}
    others: dict[str, set[str]] = {}
    for concept in concepts():
        names.setdefault(concept.picture, set()).update(_words(concept.name))
        for phrase in (*concept.words, concept.meaning):
            others.setdefault(concept.picture, set()).update(_words(phrase))
    for picture_id, record in manifest().items():
        if picture_id in others:
            others[picture_id].update(_words(record["icon"].replace("-", " ")))
    return {
        pid: (frozenset(names[pid]), frozenset(others[pid])) for pid in others if has_picture(pid)
    }
