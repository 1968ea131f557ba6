"""The glossary: hard words in health and social care, explained in our own words.

The reviewed source is ``easyread/data/glossary.toml``. The web app copies it
into its database with a command so admins can edit entries; the checker and
renderer take any iterable of :class:`Term`, so they work from either source.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

GLOSSARY_FILE = Path(__file__).with_name("data") / "glossary.toml"


@dataclass(frozen=True, slots=True)
class Sense:
    """One meaning of a glossary word, told apart by words near it (DN-05).

    ``easy`` empty means the everyday sense: no box is shown ("their own front door").
    """

    name: str
    easy: str
    clues: tuple[str, ...]
    plain: str = ""


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry.

    ``term`` is the headword ("personal budget"); ``aliases`` are other forms
    that mean the same ("personal budgets"); ``acronym_for`` is set when the
    term is initials ("JSNA" -> "Joint Strategic Needs Assessment").
    ``plain`` is a standard plain-English definition, ``easy`` an easy-read one
    (short sentences, common words). ``plain_alternative`` is a simpler word or
    phrase a writer could use instead, when there is one.
    """

    term: str
    plain: str
    easy: str
    slug: str = ""
    aliases: tuple[str, ...] = ()
    acronym_for: str = ""
    plain_alternative: str = ""
    jargon_sense: bool = False
    tags: tuple[str, ...] = field(default=())
    senses: tuple[Sense, ...] = field(default=())

    def forms(self) -> tuple[str, ...]:
        """Every way the term can appear in text."""
        return (self.term, *self.aliases)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_terms(path: Path = GLOSSARY_FILE) -> list[Term]:
    """Read terms from a TOML file of ``[[term]]`` tables."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return [_term_from_dict(entry) for entry in data.get("term", [])]


def _term_from_dict(entry: dict) -> Term:
    return Term(
        term=entry["term"],
        plain=entry["plain"],
        easy=entry["easy"],
        slug=entry.get("slug") or slugify(entry["term"]),
        aliases=tuple(entry.get("aliases", ())),
        acronym_for=entry.get("acronym_for", ""),
        plain_alternative=entry.get("plain_alternative", ""),
        jargon_sense=bool(entry.get("jargon_sense", False)),
        tags=tuple(entry.get("tags", ())),
        senses=tuple(
            Sense(
                name=sense["name"],
                easy=sense.get("easy", ""),
                clues=tuple(sense.get("clues", ())),
                plain=sense.get("plain", ""),
            )
            for sense in entry.get("sense", ())
        ),
    )


def sense_in(term: Term, text: str, context: str = "") -> Sense | None:
    """The sense whose clues the sentence (else its paragraph) uses most; None if unclear."""
    for where in (text, context):
        lower = " ".join(where.lower().split())
        hits = [(sum(_clue_in(c, lower) for c in s.clues), s) for s in term.senses]
        hits.sort(key=lambda pair: -pair[0])
        if hits and hits[0][0] and (len(hits) == 1 or hits[0][0] > hits[1][0]):
            return hits[0][1]
    return None


def _clue_in(clue: str, lower: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(clue.lower()), lower) is not None


@lru_cache(maxsize=1)
def default_terms() -> tuple[Term, ...]:
    """The shipped glossary, read once per process."""
    if not GLOSSARY_FILE.exists():
        return ()
    return tuple(load_terms())


def as_terms(terms: Iterable[Term] | None) -> tuple[Term, ...]:
    return default_terms() if terms is None else tuple(terms)
