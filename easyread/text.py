"""Splitting text into sentences and words, with character spans.

Every finding and every easy-read point points back at the exact place in the
writer's text, so the splitters keep offsets instead of returning bare strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyphen

# Words that end with a full stop but do not end a sentence.
_ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "st", "no", "vs", "approx", "cllr", "prof"}
)
_SENTENCE_END = re.compile(
    r"(?m:^[ \t]*#{1,6}[ \t][^\n]*$)"  # a Markdown heading is a sentence of its own
    r"|[.!?]+[\"')\]]*(?=\s|$)|\n\s*\n|\n(?=\s*[-*•]|\s*\d+[.)]\s|[ \t]*#{1,6}[ \t])"
)
# A capital letter alone after a capitalised word or "and" ("Cllr J.", "Dr A. B.", "Hale
# and S.") is a person's initial when a name follows; "plan B." ends a sentence.
_AN_INITIAL = re.compile(r"(?:^|\s)(?:[A-Z][\w’'.]*,?|and|&)\s+(?:[A-Z]\.\s*)*[A-Z]\.$")
_A_NAME_NEXT = re.compile(r"[ \t]+(?:[A-Z]\.\s*)*[A-Z][a-z]")
_SMALL_LETTER_NEXT = re.compile(r"[ \t]+[a-z]")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text and where it sits in the original string."""

    text: str
    start: int
    end: int


def sentences(text: str) -> list[Span]:
    """Split text into sentences, keeping their offsets.

    A sentence ends at . ! or ? followed by space, at a blank line, or before a
    list item; a Markdown heading line is a sentence on its own. Common
    abbreviations ("e.g.", "Dr.") do not end a sentence.
    """
    spans: list[Span] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        candidate = text[start:end]
        last_word = re.search(r"([\w.]+)[.]$", candidate.strip())
        if last_word and last_word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
            continue
        if _AN_INITIAL.search(candidate) and _A_NAME_NEXT.match(text, end):
            continue  # "Cllr J. Okafor", "Cllrs A. Begum": an initial, not an end
        if _SMALL_LETTER_NEXT.match(text, end):
            continue  # 'the key question "Is it safe?" rated ...': a sentence goes on
        _add_trimmed(spans, text, start, end)
        start = end
    _add_trimmed(spans, text, start, len(text))
    return spans


def _add_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped or not _WORD.search(stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    begin = start + lead
    spans.append(Span(stripped, begin, begin + len(stripped)))


def words(text: str, offset: int = 0) -> list[Span]:
    """The words in text (letters and digits, with inner apostrophes or hyphens)."""
    return [Span(m.group(), m.start() + offset, m.end() + offset) for m in _WORD.finditer(text)]


def paragraphs(text: str) -> list[Span]:
    """Blocks of text separated by blank lines."""
    spans: list[Span] = []
    for match in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        _add_trimmed(spans, text, match.start(), match.end())
    return spans


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_GB")


# pyphen leaves some common words whole or over-splits them; these are counted by ear.
_SYLLABLE_OVERRIDES = {
    "the": 1,
    "people": 2,
    "every": 3,
    "area": 3,
    "idea": 3,
    "being": 2,
    "going": 2,
    "doing": 2,
    "money": 2,
    "council": 2,
    "service": 2,
    "services": 3,
    "business": 2,
}


@lru_cache(maxsize=20000)
def syllables(word: str) -> int:
    """Syllables in one word: pyphen's hyphenation points, checked against a vowel count."""
    lower = word.lower().strip("'’")
    if lower in _SYLLABLE_OVERRIDES:
        return _SYLLABLE_OVERRIDES[lower]
    if lower.isdigit():
        return max(1, len(lower) // 2)
    by_hyphen = len(_hyphenator().positions(lower)) + 1
    vowel_groups = len(re.findall(r"[aeiouy]+", lower))
    if lower.endswith("e") and not lower.endswith(("le", "ee", "ye")) and vowel_groups > 1:
        vowel_groups -= 1
    return max(1, by_hyphen, vowel_groups)
