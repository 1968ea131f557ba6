"""How councils and the NHS talk: their own words, idioms, and mixed-case initials (PL-07).

``data/council_words.txt`` lists words about how public bodies are organised, decide,
pay and buy; ``data/idioms.txt`` lists figures of speech (the renderer reads the same
list). Both are matched in every inflected form ("scrutinise", "scrutinised",
"scrutinising"). A suggestion can depend on the sense: "inform residents" -> "tell",
but "inform the strategy" -> "shape", so a suggestion never changes the meaning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from easyread.checks.base import Document, Finding, normalise
from easyread.checks.inflect import phrase_forms
from easyread.checks.patterns import phrase_pattern

DATA = Path(__file__).resolve().parent.parent / "data"
COUNCIL_WORDS_FILE = DATA / "council_words.txt"
IDIOMS_FILE = DATA / "idioms.txt"
# After one of these, a verb like "inform" or "engage" is about people, not things.
PEOPLE = frozenset(
    [
        "you",
        "us",
        "them",
        "people",
        "residents",
        "patients",
        "members",
        "carers",
        "families",
        "staff",
        "providers",
        "partners",
        "councillors",
        "him",
        "her",
        "everyone",
        "users",
        "public",
        "board",
        "committee",
        "cabinet",
        "officers",
        "parents",
        "children",
        "adults",
        "readers",
    ]
)
_MIXED_INITIALS = re.compile(
    r"(?<![\w&’'-])(?=(?:[a-z]*[A-Z]){2})(?=[A-Za-z]*[a-z])[A-Z][A-Za-z]{1,5}(?![\w&-])"
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon line: the headword and what to say instead, by sense."""

    word: str
    for_people: str
    for_things: str
    fits_in_place: bool = True

    def suggestion(self, following: str) -> str | None:
        words = normalise(following).split()[:2]
        about_people = any(w in PEOPLE for w in words)
        plain = self.for_people if about_people else self.for_things
        return plain if plain and plain != "-" else None


def _entry(line: str) -> Entry | None:
    word, sep, plain = line.partition(":")
    if not sep or not word.strip():
        return None
    plain = plain.strip()
    fits = not plain.startswith("~")
    plain = plain.lstrip("~").strip()
    people, _, things = plain.partition(" / ")
    return Entry(normalise(word), people.strip(), (things or people).strip(), fits)


@lru_cache(maxsize=4)
def load(path: Path) -> tuple[Entry, ...]:
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            entry = _entry(line)
            if entry:
                entries.append(entry)
    return tuple(entries)


@dataclass(frozen=True)
class Lexicon:
    pattern: re.Pattern
    by_form: dict[str, Entry]


@lru_cache(maxsize=4)
def lexicon(path: Path) -> Lexicon:
    by_form: dict[str, Entry] = {}
    for entry in load(path):
        for form in sorted(phrase_forms(entry.word)):
            by_form.setdefault(normalise(form), entry)
    return Lexicon(phrase_pattern(by_form), by_form)


def matches(text: str, path: Path) -> Iterator[tuple[re.Match, Entry]]:
    found = lexicon(path)
    for match in found.pattern.finditer(text):
        entry = found.by_form.get(normalise(match.group()))
        if entry is not None:
            yield match, entry


def council_words(doc: Document, covered: list[tuple[int, int]]) -> Iterator[Finding]:
    """PL-07: the first use of each word of council or NHS talk, outside glossary terms."""
    seen: set[str] = set()
    for match, entry in matches(doc.prose, COUNCIL_WORDS_FILE):
        if entry.word in seen or _overlaps(match, covered) or doc.is_explained(match.group()):
            continue
        seen.add(entry.word)
        message = (
            f'"{match.group()}" is how councils and the NHS talk. Many readers will not '
            "know it: say it in everyday words."
        )
        suggestion = entry.suggestion(doc.prose[match.end() : match.end() + 40])
        yield doc.finding("PL-07", "council_word", match.start(), match.end(), message, suggestion)


_BODY_WORDS = (
    "Committee|Board|Officer|Group|Team|Services|Framework|Panel|Partnership|Regime|Forum|"
    "Executive|Directorate|Allowance|Payment|Grant|Fund|Unit|Commission|Network|Alliance|"
    "Programme|Strategy|Council|Member|Director|Lead|Manager|Trust"
)
_TITLE = re.compile(
    r"(?<![\w-])(?:(?:Head|Director|Chief|Deputy|Assistant|Cabinet Member|Portfolio Holder)"
    r"(?:\s+(?:of|for)\s+|\s+)(?:[A-Z][\w’'-]*(?:\s+(?:and|of|for|&)\s+|\s+)?){1,5}"
    rf"|(?:[A-Z][\w’'-]*(?:\s+(?:and|of|for|&)\s+|\s+)){{1,5}}(?:{_BODY_WORDS})s?)(?![\w-])"
)


def titles(doc: Document, covered: list[tuple[int, int]]) -> Iterator[Finding]:
    """PL-07: names of committees, boards and job titles ("Section 151 Officer")."""
    seen: set[str] = set()
    for match in _TITLE.finditer(doc.prose):
        name = match.group().strip()
        if len(name.split()) < 2 or name in seen or _overlaps(match, covered):
            continue
        seen.add(name)
        message = (
            f'"{name}" is the name of a group or a job. Many readers will not know it: '
            "say who they are or what they do."
        )
        yield doc.finding(
            "PL-07", "council_word", match.start(), match.start() + len(name), message
        )


def idioms(doc: Document) -> Iterator[Finding]:
    """PL-07: figures of speech that readers may take literally."""
    for match, entry in matches(doc.prose, IDIOMS_FILE):
        message = f'"{match.group()}" is a figure of speech. Say plainly what you mean.'
        suggestion = entry.for_things or None
        yield doc.finding("PL-07", "idiom", match.start(), match.end(), message, suggestion)


def mixed_case_initials(doc: Document, covered: list[tuple[int, int]]) -> Iterator[Finding]:
    """PL-06 / ER-05: initials written with small letters too ("DoLS", "LeDeR")."""
    rule_id = "ER-05" if doc.easy else "PL-06"
    seen: set[str] = set()
    for match in _MIXED_INITIALS.finditer(doc.prose):
        token = match.group()
        if token in seen or token.startswith(("Mc", "Mac")) or _overlaps(match, covered):
            continue
        seen.add(token)
        message = f'"{token}" is a set of initials. Write the words out the first time.'
        yield doc.finding(rule_id, "initials", match.start(), match.end(), message)


def _overlaps(match: re.Match, covered: list[tuple[int, int]]) -> bool:
    return any(start < match.end() and match.start() < end for start, end in covered)
